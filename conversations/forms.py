"""The boxes on the conversation pages."""

from django import forms

from moderation.submission import SURFACES

MAX_LENGTH = SURFACES["check_in"].max_length


class MessageForm(forms.Form):
    text = forms.CharField(
        label="Your message", max_length=MAX_LENGTH * 2,  # the service says when it is too long
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Please write your message first."})


class OpeningForm(forms.Form):
    """Ready-made first words to put in the box: a plain GET form, so it works without
    JavaScript and the moderator can change the words before sending."""

    opening = forms.ModelChoiceField(queryset=None, label="Ready-made openings",
                                     widget=forms.RadioSelect, empty_label=None)

    def __init__(self, *args, openings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opening"].queryset = openings
        self.fields["opening"].label_from_instance = lambda opening: (
            f"{opening.label}: “{opening.text}”")
