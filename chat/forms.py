"""Forms for acting on a room without JavaScript: sending, and moderators' room controls.
Reporting, and hiding a message, use the forms every kind of content shares (moderation.forms)."""

import uuid
from datetime import timedelta

from django import forms

from chat.models import Room
from community.models import User
from moderation.permissions import can_sanction

REASON_LENGTH = 500
MUTE_DURATIONS = {
    "10m": ("10 minutes", timedelta(minutes=10)),
    "1h": ("1 hour", timedelta(hours=1)),
    "24h": ("24 hours", timedelta(hours=24)),
    "7d": ("7 days", timedelta(days=7)),
}


class ChatForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


STATUS_CHOICE = "Choose open, read-only or closed."


class RoomStatusForm(ChatForm):
    status = forms.ChoiceField(label="Room status", choices=Room.Status.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": STATUS_CHOICE,
                                               "invalid_choice": STATUS_CHOICE})


class SlowModeForm(ChatForm):
    seconds = forms.IntegerField(
        label="Slow mode: seconds between one member's messages", min_value=0, max_value=3600,
        help_text="0 turns slow mode off. Up to 3600 (one hour). Moderators are not slowed.",
        error_messages={"required": "Give a number of seconds, or 0 for off.",
                        "invalid": "Give a whole number of seconds, or 0 for off.",
                        "min_value": "Slow mode is between 0 and 3600 seconds.",
                        "max_value": "Slow mode is between 0 and 3600 seconds."})


class MuteForm(ChatForm):
    ROOM, SITE = "room", "site"

    pseudonym = forms.CharField(
        label="Member's pseudonym", max_length=150,
        widget=forms.TextInput(attrs={"list": "chat-recent-names", "autocomplete": "off"}),
        help_text="As it shows next to their messages.",
        error_messages={"required": "Type the pseudonym of the member to mute."})
    where = forms.ChoiceField(
        label="Where", widget=forms.RadioSelect, initial=ROOM,
        choices=[(ROOM, "This room only"), (SITE, "The whole site: forum and every chat room")],
        error_messages={"required": "Choose where the mute applies.",
                        "invalid_choice": "Choose this room or the whole site."})
    duration = forms.ChoiceField(
        label="For how long", initial="1h",
        choices=[(key, label) for key, (label, _) in MUTE_DURATIONS.items()],
        error_messages={"required": "Choose how long the mute lasts.",
                        "invalid_choice": "Choose one of the lengths in the list."})
    reason = forms.CharField(
        label="Reason, shown to the member", max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Say what happened in plain words. The member sees this.",
        error_messages={"required": "Give a reason: the member will see it.",
                        "max_length": f"Please keep it to {REASON_LENGTH} characters."})

    def __init__(self, *args, moderator, **kwargs):
        super().__init__(*args, **kwargs)
        self.moderator, self.member = moderator, None

    def clean_pseudonym(self):
        name = self.cleaned_data["pseudonym"].strip()
        member = User.objects.filter(username__iexact=name, is_active=True).first()
        if member is None:
            raise forms.ValidationError(f"There is no member called “{name}”. "
                                        "Check the spelling against their messages.")
        if member.pk == self.moderator.pk:
            raise forms.ValidationError("You can't mute yourself.")
        if not can_sanction(self.moderator, member):
            raise forms.ValidationError("Only administrators can mute a moderator.")
        self.member = member
        return name

    def clean_duration(self):
        return MUTE_DURATIONS[self.cleaned_data["duration"]][1]


class MessageForm(ChatForm):
    """Sending without JavaScript; the service judges the words, as it does for the socket."""

    text = forms.CharField(
        label="Your message", required=False,
        widget=forms.Textarea(attrs={"rows": 3, "id": "chat-text"}),
        help_text="Be kind: people here may be having a hard time.")
    warnings = forms.MultipleChoiceField(
        label="Does your message talk about any of these?", required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please choose content warnings from the list."})
    note = forms.CharField(
        label="Note for readers (optional)", required=False,
        help_text="A few words to help people decide whether to read it.")

    # A fresh one each time the page is drawn: a form sent twice (a double click, a resend
    # after a timeout) stores one message.
    client_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, warnings, **kwargs):
        kwargs.setdefault("initial", {"client_id": uuid.uuid4().hex})
        super().__init__(*args, **kwargs)
        self.fields["warnings"].choices = [(w.slug, w.name) for w in warnings]
