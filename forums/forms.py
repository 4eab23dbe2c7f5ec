"""Forms for writing in the forums: the shape of the input; the services judge the words."""

from collections.abc import Iterable

from django import forms

from community.models import ContentWarning
from community.validators import reject_control_characters
from moderation.submission import SURFACES, WARNING_NOTE_LENGTH

FORMATTING_HELP = (
    "Just type. If you like: **two stars** make words bold, *one star* makes them slanted, "
    "and a line that starts with - is part of a list."
)


class PostForm(forms.Form):
    """A reply or an edit: the text, its content warnings and a note for readers."""

    body = forms.CharField(
        label="Your message",
        help_text=FORMATTING_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Please write something before posting."},
    )
    warnings = forms.MultipleChoiceField(
        label="Content warnings",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please choose warnings from the list."},
    )
    warning_note = forms.CharField(
        label="Note for readers (optional)",
        required=False,
        help_text="A few words to help people decide whether to read it. "
                  "For example: “talks about a hospital stay”.",
        widget=forms.TextInput(attrs={"maxlength": WARNING_NOTE_LENGTH}),
    )

    def __init__(self, *args, warnings: Iterable[ContentWarning], **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.offered = list(warnings)
        self.fields["warnings"].choices = [(w.slug, w.name.capitalize()) for w in self.offered]
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                # One plain message for hidden characters, NUL included, instead of Django's.
                field.validators = [reject_control_characters]

    def with_warnings(self, slugs: Iterable[str]) -> "PostForm":
        """The same bound form with these warnings ticked too, for the member to confirm."""
        offered = {warning.slug for warning in self.offered}
        data = self.data.copy()
        ticked = data.getlist(self.add_prefix("warnings"))
        data.setlist(self.add_prefix("warnings"),
                     list(dict.fromkeys([*ticked, *(s for s in slugs if s in offered)])))
        return type(self)(data, warnings=self.offered, prefix=self.prefix)


class ThreadTitleForm(forms.Form):
    """A thread's new title, from the member who started it."""

    title = forms.CharField(
        label="New title",
        help_text="A few words that say what it is about.",
        widget=forms.TextInput(attrs={"maxlength": SURFACES["thread"].title_length[1]}),
        error_messages={"required": "Please give your thread a title."},
        validators=[reject_control_characters],
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ThreadForm(PostForm):
    """A new thread: a title above the first post."""

    title = forms.CharField(
        label="Title",
        help_text="A few words that say what it is about.",
        widget=forms.TextInput(attrs={"maxlength": SURFACES["thread"].title_length[1]}),
        error_messages={"required": "Please give your thread a title."},
    )
    field_order = ["title", "body", "warnings", "warning_note"]
