"""Screening rules, the moderation queue, reports and the append-only record of actions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from community.models import Risk, Topic, WeeklyPeriod
from moderation.screening.patterns import PatternError, parse

PATTERN_HELP = (
    "Words in order, matched as whole words whatever the case, spelling tricks or spacing. "
    "(a|b c) means one of several; add ? after it to make it optional; * is any one word; "
    "~ is up to four words; ... is any words within one sentence; {when}, {intend}, "
    "{they_intend}, {someone}, {medicine}, {many}, {place} and {means} are each one of the "
    "words of that list (README: Screening rules)."
)

EXPLANATION_HELP = (
    "What the rule finds, in a few words moderators read beside the matched words: "
    "“plan + time”, “a goodbye”, “contact details”."
)


def validate_pattern(value: str) -> None:
    try:
        parse(value)
    except PatternError as error:
        raise ValidationError(str(error)) from None


class CrisisPattern(models.Model):
    """Words that suggest someone may be at risk, and how worried to be when they appear."""

    class Level(models.TextChoices):
        URGENT = Risk.URGENT, "Urgent: intent, plan, means or timing"
        CONCERN = Risk.CONCERN, "Concern: distress, or the topic without intent"
        SIGN = "sign", "Sign: urgent beside a different kind of sign (its explanation is its kind)"
        CONTEXT = "context", "Context: looking back or supporting, so concern here is none"
        ONGOING = "ongoing", "Ongoing: distress still now, so context does not lower it"
        WARNING = "warning", "No risk: only suggest a content warning"
        NOT_A_CRISIS = "not-a-crisis", "Not a crisis: an everyday phrase that cancels others"

    pattern = models.CharField(max_length=500, validators=[validate_pattern],
                               help_text=PATTERN_HELP)
    level = models.CharField(max_length=20, choices=Level.choices)
    topic = models.CharField(max_length=30, choices=Topic.choices)
    explanation = models.CharField(max_length=80, blank=True, help_text=EXPLANATION_HELP)
    is_active = models.BooleanField("in use", default=True)
    note = models.CharField(max_length=200, blank=True, help_text="Why this rule exists.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["topic", "level", "pattern"]

    def __str__(self) -> str:
        return self.pattern


# The levels whose matches raise a rating; the others (everyday phrases, warnings,
# context) only shape one.
RAISING_LEVELS = frozenset({CrisisPattern.Level.URGENT, CrisisPattern.Level.CONCERN,
                            CrisisPattern.Level.SIGN})


class WatchedWord(models.Model):
    """A word or phrase administrators want stopped, held, flagged, replaced or warned about."""

    class Action(models.TextChoices):
        BLOCK = "block", "Block: refuse it, asking the member to reword"
        HOLD = "hold", "Hold: publish only after a moderator approves"
        FLAG = "flag", "Flag: publish, and add it to the queue"
        REPLACE = "replace", "Replace: publish with the replacement text"
        REQUIRE_WARNING = "require_warning", "Require a content warning before publishing"

    pattern = models.CharField(max_length=500, validators=[validate_pattern],
                               help_text=PATTERN_HELP)
    action = models.CharField(max_length=20, choices=Action.choices)
    replacement = models.CharField(max_length=100, blank=True,
                                   help_text="For Replace: what appears instead.")
    warning = models.ForeignKey(
        "community.ContentWarning", null=True, blank=True, on_delete=models.SET_NULL,
        help_text="The content warning it suggests or requires.",
    )
    explanation = models.CharField(max_length=80, blank=True, help_text=EXPLANATION_HELP)
    is_active = models.BooleanField("in use", default=True)
    note = models.CharField(max_length=200, blank=True, help_text="Why this rule exists.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["action", "pattern"]

    def __str__(self) -> str:
        return self.pattern

    def clean(self) -> None:
        if self.action == self.Action.REPLACE and not self.replacement:
            raise ValidationError({"replacement": "Say what the words are replaced with."})
        if self.action == self.Action.REQUIRE_WARNING and not self.warning_id:
            raise ValidationError({"warning": "Choose the content warning that is required."})


class Priority(models.TextChoices):
    URGENT = "urgent", "Urgent"
    HIGH = "high", "High"
    NORMAL = "normal", "Normal"


PRIORITY_RANK = {Priority.URGENT: 0, Priority.HIGH: 1, Priority.NORMAL: 2}


class QueueItem(models.Model):
    """One piece of content a moderator must look at, with every report and flag about it."""

    class Source(models.TextChoices):
        REPORT = "report", "Member report"
        CRISIS = "crisis", "Crisis language"
        WATCHED_WORD = "watched_word", "Watched word"
        HELD = "held", "Held for approval"
        TALK_REQUEST = "talk_request", "A member asked to talk"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLAIMED = "claimed", "Claimed"
        RESOLVED = "resolved", "Resolved"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    source = models.CharField(max_length=20, choices=Source.choices,
                              help_text="Why the item was opened.")
    reason = models.CharField(max_length=300, help_text="The latest reason, in moderators' "
                                                        "words, for the queue list.")
    matches = models.JSONField(default=list, blank=True,
                               help_text="Rules that fired: what the flags were about.")
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="claimed_items")
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    first_looked_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="resolved_items")
    escalated_at = models.DateTimeField(null=True, blank=True,
                                        help_text="Passed to the safeguarding lead.")
    escalation_note = models.CharField(max_length=500, blank=True)
    is_auto_hidden = models.BooleanField(
        default=False,
        help_text="Hidden by the site after several reports, until a moderator looks.",
    )
    is_from_new_account = models.BooleanField(
        default=False,
        help_text="Its priority comes only from reports by accounts without standing yet, so "
                  "it waits behind items of that priority from anyone else.",
    )

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "priority", "created_at"])]
        constraints = [
            # Every report and flag about one piece of content gathers on one open item.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=~Q(status="resolved"),
                name="one_open_item_per_content",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_priority_display()} {self.get_source_display()} #{self.pk}"

    def is_claim_current(self, now, claim_minutes: int) -> bool:
        """A claim lapses when its moderator has done nothing with the item for a while."""
        return (self.status == self.Status.CLAIMED and self.claimed_at is not None
                and (now - self.claimed_at).total_seconds() < claim_minutes * 60)


class ReportReason(models.TextChoices):
    """What members choose from when they report; the order is the order shown."""

    AT_RISK = "at_risk", "Someone may be at risk"
    UNKIND = "unkind", "Unkind, bullying or harassing"
    HATEFUL = "hateful", "Hateful or discriminatory"
    HARMFUL_DETAIL = "harmful_detail", "Harmful detail (methods, amounts, numbers)"
    PERSONAL_DETAILS = "personal_details", "Shares someone's personal details"
    NEEDS_WARNING = "needs_warning", "Needs a content warning"
    SPAM = "spam", "Advertising or spam"
    OTHER = "other", "Something else"


REPORT_PRIORITY = {
    ReportReason.AT_RISK: Priority.URGENT,
    ReportReason.UNKIND: Priority.HIGH,
    ReportReason.HATEFUL: Priority.HIGH,
    ReportReason.HARMFUL_DETAIL: Priority.HIGH,
    ReportReason.PERSONAL_DETAILS: Priority.HIGH,
}


class Report(models.Model):
    """One member's report, gathered on the queue item for that content."""

    item = models.ForeignKey(QueueItem, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="reports_made")
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    note = models.CharField(max_length=500, blank=True)
    has_standing = models.BooleanField(
        default=True, help_text="The reporter's account was old and active enough, when they "
        "reported, for the report to count toward hiding and urgency.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "reporter"], name="one_report_per_member_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} by {self.reporter}"


class ModerationAction(models.Model):
    """What a moderator, administrator or the system did, and why. Never edited or deleted.

    The database refuses UPDATE and DELETE too (migration 0007), so the PROTECT below is
    what keeps a member's or queue item's deletion from touching a record.
    """

    class Verb(models.TextChoices):
        FLAG = "flag", "Flagged"
        APPROVE = "approve", "Approved"
        DISMISS = "dismiss", "Dismissed reports"
        HIDE = "hide", "Hid"
        RESTORE = "restore", "Restored"
        EDIT = "edit", "Edited"
        CLEAR = "clear", "Cleared"
        LOCK = "lock", "Locked"
        UNLOCK = "unlock", "Unlocked"
        MOVE = "move", "Moved"
        PIN = "pin", "Pinned"
        UNPIN = "unpin", "Unpinned"
        CLAIM = "claim", "Claimed"
        HAND_OVER = "hand_over", "Handed over"
        ESCALATE = "escalate", "Escalated"
        WARN = "warn", "Warned"
        MUTE = "mute", "Muted"
        SUSPEND = "suspend", "Suspended"
        BAN = "ban", "Banned"
        LIFT = "lift", "Lifted a sanction"
        NOTE = "note", "Added a note"
        ROOM = "room", "Changed a room"
        CATEGORY = "category", "Changed a category"
        RULE = "rule", "Added a screening rule"
        EXAMPLE = "example", "Added an evaluation example"
        SET_ASIDE = "set_aside", "Set aside a miss"
        CONVERSATION_OPEN = "conversation_open", "Opened a private conversation"
        CONVERSATION_WRITE = "conversation_write", "Wrote in a private conversation"
        CONVERSATION_END = "conversation_end", "Ended a private conversation"
        DUTY_ON = "duty_on", "Went on duty"
        DUTY_OFF = "duty_off", "Went off duty"
        DATA_EXPORT = "data_export", "Downloaded their data"
        ACCOUNT_DELETE = "account_delete", "Deleted their account"
        SUPPORTER = "supporter", "Changed a peer supporter's record"
        TRAINING = "training", "Recorded peer supporter training"
        SUPERVISION = "supervision", "Recorded a supervision session"
        TRAINING_LAPSED = "training_lapsed", "Paused a peer supporter: no current training"
        STEP_BACK = "step_back", "Stepped back from peer support"
        COME_BACK = "come_back", "Came back to peer support"

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="moderation_actions",
                              help_text="Empty when the site acted by itself.")
    verb = models.CharField(max_length=20, choices=Verb.choices)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="actions_about",
                               help_text="The member the action concerns.")
    item = models.ForeignKey(QueueItem, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="actions")
    reason = models.CharField(max_length=500, blank=True,
                              help_text="Why, in moderators' words; what a member was told "
                                        "is kept with the content.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        who = self.actor or "the site"
        return f"{who} {self.get_verb_display().lower()} ({self.created_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        # The audit trail only grows: refuse to rewrite history.
        if self.pk is not None:
            raise ValueError("moderation actions are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("moderation actions are append-only")


class ScreeningReview(models.Model):
    """Someone's word on whether screening rated a text right, kept so the rules can learn.

    Moderators give it when they close an item screening raised; a member's "someone may
    be at risk" report on words screening saw no risk in is a miss of its own.
    """

    class Source(models.TextChoices):
        MODERATOR = "moderator", "Moderator's decision"
        REPORT = "report", "Member's report"

    class Verdict(models.TextChoices):
        RIGHT = "right", "Right"
        TOO_HIGH = "too-high", "Too high (a false alarm)"
        TOO_LOW = "too-low", "Too low (a miss: more serious than it said)"

    class Outcome(models.TextChoices):
        UNDECIDED = "", "Not looked at yet"
        RULE = "rule", "Made into a rule"
        EXAMPLE = "example", "Added to the evaluation set"
        SET_ASIDE = "set-aside", "Set aside"

    item = models.ForeignKey(QueueItem, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="screening_reviews")
    source = models.CharField(max_length=10, choices=Source.choices)
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    rated = models.CharField(max_length=10, choices=Risk.choices,
                             help_text="The risk screening gave the words.")
    text = models.TextField(help_text="The words as screened, so a miss can become a rule "
                                      "or an example.")
    rule_ids = models.JSONField(default=list, blank=True,
                                help_text="The crisis rules that matched.")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True,
                               help_text="What an administrator did with it.")
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # A moderator closes an item once; several reports of it make one miss.
            models.UniqueConstraint(fields=["item", "source"],
                                    name="one_review_per_item_and_source"),
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} ({self.get_source_display()}, rated {self.rated})"


class EvaluationExample(models.Model):
    """A labelled text from real use, exported to grow screening's evaluation set."""

    text = models.TextField()
    level = models.CharField(max_length=10, choices=Risk.choices)
    category = models.CharField(max_length=40, default="from-use",
                                help_text="A short label for the kind of text: “from-use”, "
                                          "“goodbye”, “plan”.")
    review = models.ForeignKey(ScreeningReview, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="examples")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.level}: {self.text[:50]}"


class Sanction(models.Model):
    """A graduated, time-limited step against a member; it ends by its own clock."""

    class Kind(models.TextChoices):
        WARNING = "warning", "Warning"
        MUTE = "mute", "Mute: can read, cannot post or chat"
        SUSPEND = "suspend", "Suspension: cannot log in"
        BAN = "ban", "Ban"

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="sanctions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(max_length=500, help_text="Shown to the member.")
    staff_note = models.CharField(max_length=1000, blank=True,
                                  help_text="For moderators only; never shown to the member.")
    scope = models.CharField(
        max_length=100, blank=True,
        help_text="Empty for the whole site; a chat room's group name for a mute in one room.",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                   related_name="sanctions_given")
    created_at = models.DateTimeField(auto_now_add=True)
    ends_at = models.DateTimeField(null=True, blank=True, help_text="Empty: until lifted.")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["member", "lifted_at", "ends_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.member}"


class ModeratorNote(models.Model):
    """A private note about a member, for moderators only."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="moderator_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Note on {self.member} by {self.author}"


class ModerationSettings(models.Model):
    """Targets and cover that administrators set; there is one row."""

    urgent_amber_minutes = models.PositiveIntegerField(default=5)
    urgent_red_minutes = models.PositiveIntegerField(default=15)
    other_amber_minutes = models.PositiveIntegerField(default=60)
    other_red_minutes = models.PositiveIntegerField(default=240)
    claim_minutes = models.PositiveIntegerField(
        default=30, help_text="A claim lapses after this long without an action."
    )
    auto_hide_reports = models.PositiveSmallIntegerField(
        default=3, help_text="Hide content reported by this many members with standing until "
        "a moderator looks. 0 turns it off. Moderators' and administrators' words are never "
        "hidden this way.",
    )
    standing_days = models.PositiveSmallIntegerField(
        "standing: account age in days", default=2,
        help_text="Reports from younger accounts reach the queue at normal priority, marked "
        "“from a new account”, and do not count toward hiding.",
    )
    standing_posts = models.PositiveSmallIntegerField(
        "standing: published posts", default=1,
        help_text="As for age: how many of their posts others must be able to see. 0 means "
        "age alone decides.",
    )
    new_account_daily_reports = models.PositiveSmallIntegerField(
        default=5, help_text="How many reports an account without standing may send in 24 "
        "hours. 0 means no cap beyond the write limit for reports.",
    )
    open_reports_per_member = models.PositiveSmallIntegerField(
        default=10, help_text="A member with this many reports still waiting for a moderator "
        "is asked to wait before sending more. 0 turns it off.",
    )
    offline_after_minutes = models.PositiveIntegerField(
        default=30, help_text="Moderators count as offline when none has been active for this "
        "long, even within duty hours.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "moderation settings"

    def __str__(self) -> str:
        return "Moderation settings"

    @classmethod
    def current(cls) -> "ModerationSettings":
        return cls.objects.get_or_create(pk=1)[0]


class DutyHours(WeeklyPeriod):
    """When moderators are on duty; none at all means always."""

    class Meta(WeeklyPeriod.Meta):
        verbose_name_plural = "duty hours"


class ModeratorPresence(models.Model):
    """When each moderator last did something, and whether they chose to be on duty, so
    members can be told if nobody is around (moderation.cover)."""

    moderator = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+")
    last_seen_at = models.DateTimeField()
    is_on_duty = models.BooleanField(
        "on duty", default=True,
        help_text="Their own choice, from the button in the header. On duty counts only while "
                  "they are active and within duty hours.")

    def __str__(self) -> str:
        return f"{self.moderator} seen {self.last_seen_at:%Y-%m-%d %H:%M}"
