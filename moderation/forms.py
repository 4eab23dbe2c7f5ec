"""Forms: members reporting content, and moderators filtering, acting and sanctioning."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from community import roles
from community.models import Risk, Topic, User
from moderation.adapters import adapter_for, content_kinds
from moderation.feedback import RULE_LEVELS
from moderation.models import (
    CrisisPattern,
    EvaluationExample,
    ModerationAction,
    Priority,
    QueueItem,
    ReportReason,
    Sanction,
    ScreeningReview,
)
from moderation.reviews import VERDICT_MISSING, asks_verdict, rated
from moderation.selectors import QueueFilters

NOTE_LENGTH = 500
REASON_LENGTH = 500


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


def _moderators(*, besides=None):
    """Everyone who can moderate, for choosing one: moderators, administrators, superusers."""
    people = User.objects.filter(
        Q(groups__name__in=[roles.MODERATORS, roles.ADMINISTRATORS]) | Q(is_superuser=True),
        is_active=True,
    ).distinct().order_by("username")
    return people.exclude(pk=besides.pk) if besides is not None else people


def _reason(label: str, *, required: bool, help_text: str = "", rows: int = 2):
    return forms.CharField(
        label=label, required=required, max_length=REASON_LENGTH, help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": "Give a reason: the member will see it.",
                        "max_length": f"Please keep it to {REASON_LENGTH} characters."},
    )


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the address; a value that is not on offer is ignored."""

    source = forms.ChoiceField(label="Why it is here", required=False,
                               choices=[("", "Any reason"), *QueueItem.Source.choices])
    priority = forms.ChoiceField(label="Priority", required=False,
                                 choices=[("", "Any priority"), *Priority.choices])
    status = forms.ChoiceField(label="Status", required=False,
                               choices=[("", "Open or claimed"), *QueueItem.Status.choices])
    kind = forms.ChoiceField(label="Kind of content", required=False)
    mine = forms.BooleanField(label="Only items I have claimed", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Any kind"), *content_kinds()]

    def filters(self) -> QueueFilters:
        self.is_valid()  # cleaned_data then holds only the fields that are valid
        return QueueFilters(**self.cleaned_data)


class ItemActionForm(forms.Form):
    """An action on content, from its queue item or where members read it (then `item` is its
    open item, or None); some fill their choices from the content or the moderator.

    Forms that close an item screening raised also ask whether its rating was right.
    """

    closes_item = False

    def __init__(self, *args, item: QueueItem | None, moderator, content=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.content = content if content is not None else item.content
        if self.closes_item and item is not None and asks_verdict(item):
            rating = rated(item)
            verdicts = ScreeningReview.Verdict
            self.fields["verdict"] = forms.ChoiceField(
                label="Was screening's rating right?",
                help_text=f"Screening rated these words “{RATED_WORDS[rating]}”. Your "
                          "answer helps administrators improve the rules.",
                # Nothing is rated higher than urgent.
                choices=[choice for choice in verdicts.choices
                         if not (rating == Risk.URGENT and choice[0] == verdicts.TOO_LOW)],
                widget=forms.RadioSelect,
                error_messages={"required": VERDICT_MISSING},
            )


RATED_WORDS = {Risk.NONE: "no risk", Risk.CONCERN: "concern", Risk.URGENT: "urgent"}


class ConfirmForm(ItemActionForm):
    """Nothing to fill in: the button says it all."""


class ApproveForm(ConfirmForm):
    closes_item = True


class ReasonForm(ItemActionForm):
    reason = _reason("Reason (optional)", required=False,
                     help_text="Kept in the audit log for other moderators.")


class DismissForm(ReasonForm):
    closes_item = True


class HideForm(ItemActionForm):
    closes_item = True
    reason = _reason("Reason", required=True,
                     help_text="The author sees this. Say kindly which guideline it breaks.")


class ClearForm(ItemActionForm):
    closes_item = True
    reason = _reason("Reason", required=True,
                     help_text="The author sees this. Say kindly which guideline it breaks. "
                               "They can write new words afterwards.")


class EscalateForm(ItemActionForm):
    note = forms.CharField(
        label="What the safeguarding lead needs to know", max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why you are escalating, for the safeguarding lead."},
    )


class HandOverForm(ItemActionForm):
    to = forms.ModelChoiceField(label="Hand it to", queryset=User.objects.none(),
                                empty_label="Choose a moderator",
                                error_messages={"required": "Choose who to hand it to.",
                                                "invalid_choice": "Choose from the list."})
    note = forms.CharField(label="Note for them (optional)", required=False,
                           max_length=REASON_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, item: QueueItem, moderator, **kwargs):
        super().__init__(*args, item=item, moderator=moderator, **kwargs)
        self.fields["to"].queryset = _moderators(besides=moderator)


class EditForm(ItemActionForm):
    closes_item = True
    text = forms.CharField(label="The words", widget=forms.Textarea(attrs={"rows": 8}),
                           error_messages={"required": "The words can't be empty."})
    reason = _reason("Reason for the change", required=True,
                     help_text="The author sees this. Their old words are kept for moderators.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].initial = adapter_for(self.content).text(self.content)


class MoveForm(ItemActionForm):
    destination = forms.ChoiceField(error_messages={"required": "Choose where to move it."})
    reason = _reason("Reason (optional)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        adapter = adapter_for(self.content)
        self.fields["destination"].label = (
            f"Move the {adapter.container_kind or adapter.kind} to")
        self.fields["destination"].choices = [("", "Choose a place"),
                                              *adapter.move_choices(self.content)]


# How long a mute or suspension lasts; None is until a moderator lifts it.
DURATIONS = {
    "1h": ("1 hour", timedelta(hours=1)),
    "24h": ("24 hours", timedelta(hours=24)),
    "3d": ("3 days", timedelta(days=3)),
    "7d": ("7 days", timedelta(days=7)),
    "30d": ("30 days", timedelta(days=30)),
    "lifted": ("Until a moderator lifts it", None),
}
TIMELESS_KINDS = (Sanction.Kind.WARNING, Sanction.Kind.BAN)


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(label="What to do", choices=Sanction.Kind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose what to do."})
    duration = forms.ChoiceField(
        label="For how long", initial="24h",
        choices=[(key, label) for key, (label, _) in DURATIONS.items()],
        help_text="For mutes and suspensions. Warnings and bans have no end date.",
    )
    reason = _reason("Reason, shown to the member", required=True, rows=3,
                     help_text="Say what happened and which guideline it breaks, in plain words.")
    staff_note = forms.CharField(
        label="Note for moderators (optional)", required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only moderators see this. The member never does.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("kind") in TIMELESS_KINDS:
            data["duration"] = None
        elif "duration" in data:
            data["duration"] = DURATIONS[data["duration"]][1]
        return data


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Private note", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only moderators see this. The member never does.",
        error_messages={"required": "Write the note first."},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DutyForm(forms.Form):
    """The header's button: which way, and the page to come back to."""

    duty = forms.ChoiceField(choices=[("on", "On duty"), ("off", "Off duty")])
    next = forms.CharField(required=False)


class AuditFilterForm(forms.Form):
    """The audit log's filters, read from the address; a bad value is pointed out and ignored."""

    moderator = forms.ModelChoiceField(label="Who did it", required=False,
                                       queryset=User.objects.none(), empty_label="Anyone",
                                       error_messages={"invalid_choice": "Choose from the list."})
    member = forms.CharField(label="About the member (pseudonym)", required=False,
                             max_length=150)
    verb = forms.ChoiceField(label="What was done", required=False,
                             choices=[("", "Anything"), *ModerationAction.Verb.choices])

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["moderator"].queryset = _moderators()

    def clean_member(self):
        name = self.cleaned_data["member"].strip()
        if not name:
            return None
        member = User.objects.filter(username=name).first()
        if member is None:
            raise ValidationError(f"Nobody here is called {name}.")
        return member

    def filters(self) -> dict:
        self.is_valid()  # cleaned_data then holds only the fields that are valid
        data = self.cleaned_data
        return {
            "moderator_id": getattr(data.get("moderator"), "pk", None),
            "member_id": getattr(data.get("member"), "pk", None),
            "verb": data.get("verb", ""),
        }


# --- The screening page (administrators) --------------------------------------------------

SCREENING_PERIODS = {7: "The last 7 days", 30: "The last 30 days", 90: "The last 90 days",
                     365: "The last year"}
DEFAULT_SCREENING_DAYS = 30


class ScreeningPeriodForm(forms.Form):
    """The period of the rules' figures, read from the address; a bad value is pointed out
    and the default used."""

    days = forms.TypedChoiceField(
        label="Show figures for", coerce=int, choices=SCREENING_PERIODS.items(),
        error_messages=dict.fromkeys(
            ["required", "invalid_choice"],
            f"Choose a period from the list. The figures below are for the last "
            f"{DEFAULT_SCREENING_DAYS} days."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def full_clean(self):
        super().full_clean()
        if self.errors:
            # The list then shows the period the figures below are for.
            self.data = {**self.data, "days": DEFAULT_SCREENING_DAYS}

    def days_shown(self) -> int:
        return self.cleaned_data["days"] if self.is_valid() else DEFAULT_SCREENING_DAYS


class RuleFromMissForm(forms.ModelForm):
    class Meta:
        model = CrisisPattern
        fields = ["pattern", "level", "topic", "explanation"]
        labels = {"pattern": "Words to look for", "level": "How worried to be",
                  "topic": "What it is about",
                  "explanation": "What it finds, for moderators (optional)"}
        error_messages = {"pattern": {"required": "Write the words the rule looks for."}}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [(level, CrisisPattern.Level(level).label)
                                        for level in RULE_LEVELS]
        self.fields["topic"].choices = Topic.choices


class ExampleFromMissForm(forms.ModelForm):
    class Meta:
        model = EvaluationExample
        fields = ["level", "category"]
        labels = {"level": "Its level", "category": "Category"}
        error_messages = {"category": {"required": "Give a short category, such as “from-use”."}}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = Risk.choices
