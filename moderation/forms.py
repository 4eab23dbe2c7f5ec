"""The form members fill in to report a post, a thread or a message."""

from django import forms

from moderation.models import ReportReason

NOTE_LENGTH = 500


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is the problem?",
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what the problem is."},
    )
    note = forms.CharField(
        label="Anything else a moderator should know? (optional)",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Up to {NOTE_LENGTH} characters. Only moderators read this.",
        error_messages={"max_length": f"Please keep the note to {NOTE_LENGTH} characters."},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
