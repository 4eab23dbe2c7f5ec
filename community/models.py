"""Members: the user account, the community profile beside it, and UK nations."""

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from community.content import ModeratedContent
from community.pseudonyms import skeleton
from community.validators import validate_pseudonym


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"
    ELSEWHERE = "elsewhere", "Somewhere else"


class Topic(models.TextChoices):
    """What a crisis pattern, a help resource or a content warning is about."""

    SUICIDE = "suicide", "Suicide"
    SELF_HARM = "self-harm", "Self-harm"
    OVERDOSE = "overdose", "Overdose"
    HARM_TO_OTHERS = "harm-to-others", "Harm to others"
    ABUSE = "abuse", "Abuse"
    EATING_DISORDERS = "eating-disorders", "Eating disorders"
    BEREAVEMENT = "bereavement", "Bereavement"
    SUBSTANCE_USE = "substance-use", "Substance use"
    DEMENTIA = "dementia", "Dementia"
    CARERS = "carers", "Carers"
    LEARNING_DISABILITY = "learning-disability", "Learning disability"
    YOUNG_PEOPLE = "young-people", "Young people"
    GENERAL = "general", "General"


class Risk(models.TextChoices):
    """How worried screening is about a piece of text; shared by moderation and signposting."""

    NONE = "none", "No risk found"
    CONCERN = "concern", "Concern: distress, or the topic without intent"
    URGENT = "urgent", "Urgent: intent, plan, means or timing now"


class UserManager(DjangoUserManager):
    """Every account is created with its Member profile, including createsuperuser's."""

    def _create_user(self, username, email, password, **extra_fields):
        with transaction.atomic(using=self._db):
            user = super()._create_user(username, email, password, **extra_fields)
            Member.objects.create(user=user)
        return user


class User(AbstractUser):
    username = models.CharField(
        "pseudonym",
        max_length=30,
        unique=True,
        help_text="A made-up name other members will see. 3 to 30 letters, numbers, - and _ "
        "(no spaces).",
        validators=[validate_pseudonym],
        error_messages={"unique": "Someone already uses that name. Please choose another."},
    )
    # What the name looks like (community.pseudonyms): one account per look. NULL, not
    # blank, for a look-alike that predates the rule, since NULLs never clash.
    name_skeleton = models.CharField(  # noqa: DJ001
        max_length=120, unique=True, null=True, editable=False)

    objects = UserManager()

    def clean(self):
        super().clean()
        others = User.objects.exclude(pk=self.pk)
        if others.filter(name_skeleton=skeleton(self.username)).exists():
            raise ValidationError({"username": "That name looks too much like another "
                                               "member's name. Please choose another."})

    def save(self, *args, **kwargs):
        self.name_skeleton = skeleton(self.username)
        if kwargs.get("update_fields") is not None and "username" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_skeleton"}
        super().save(*args, **kwargs)


class Member(ModeratedContent):
    """What the community knows about a member, beyond the login account.

    Its pronouns and "about me" are member content: moderators can hold, hide or
    clear them, and other members see them only while they are published.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="member")
    pronouns = models.CharField(max_length=40, blank=True)
    bio = models.TextField("about me", max_length=1000, blank=True)
    nation = models.CharField(
        max_length=20,
        choices=Nation.choices,
        blank=True,
        help_text="Helps us show the help lines that serve where you live.",
    )
    is_peer_supporter = models.BooleanField(
        "peer supporter",
        default=False,
        help_text="A trained peer supporter: shown with a badge next to their name.",
    )
    joined_at = models.DateTimeField(default=timezone.now)
    guidelines_accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("member_detail", args=[self.user.username])

    @property
    def display_name(self) -> str:
        return self.user.username


class HelpResource(models.Model):
    """A help line or service shown on /help/ and to members whose words suggest risk."""

    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, help_text="One or two plain sentences.")
    phone = models.CharField("phone number", max_length=40, blank=True,
                             help_text="As people dial it, e.g. 116 123.")
    sms_number = models.CharField("text number", max_length=40, blank=True)
    sms_keyword = models.CharField("text keyword", max_length=40, blank=True,
                                   help_text="The word to text, e.g. SHOUT.")
    url = models.URLField("website", blank=True)
    is_24_7 = models.BooleanField("open 24 hours, every day", default=False)
    is_emergency = models.BooleanField(
        "emergency service", default=False, help_text="Listed first, above everything else."
    )
    nations = models.JSONField(
        default=list, blank=True, help_text="Nations served; none means all of the UK."
    )
    topics = models.JSONField(default=list, blank=True, help_text="What it helps with.")
    order = models.PositiveSmallIntegerField(default=100, help_text="Lower comes first.")
    is_active = models.BooleanField("shown", default=True)
    needs_review = models.BooleanField(
        "check before going live",
        default=False,
        help_text="Shipped as an example: check the number, hours and wording, then untick.",
    )

    class Meta:
        ordering = ["-is_emergency", "order", "name"]

    def __str__(self) -> str:
        return self.name


class WeeklyPeriod(models.Model):
    """A period on one weekday, in UK time; a closing time at or before opening runs past
    midnight. Help lines' opening hours, moderators' duty hours and chat drop-ins use it,
    and community.signposting.within_periods reads any of them."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField(help_text="At or before the opening time runs past midnight; "
                                        "00:00 means midnight.")

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class OpeningHours(WeeklyPeriod):
    resource = models.ForeignKey(HelpResource, on_delete=models.CASCADE, related_name="hours")

    class Meta(WeeklyPeriod.Meta):
        verbose_name_plural = "opening hours"


class ContentWarning(models.Model):
    """A category of distressing content that readers can choose to see, collapse or hide."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=60, help_text="As readers see it, e.g. 'self-harm'.")
    description = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField("offered to members", default=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class WarningChoice(models.TextChoices):
    SHOW = "show", "Show it"
    COLLAPSE = "collapse", "Collapse it behind a warning"
    HIDE = "hide", "Hide it (a one-line notice you can still open)"


class WarningPreference(models.Model):
    """A member's choice for one content-warning category; no row means collapse."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="warning_preferences")
    warning = models.ForeignKey(ContentWarning, on_delete=models.CASCADE)
    choice = models.CharField(max_length=10, choices=WarningChoice.choices,
                              default=WarningChoice.COLLAPSE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "warning"], name="one_preference_per_warning")
        ]

    def __str__(self) -> str:
        return f"{self.warning}: {self.choice}"


class WarnedContent(models.Model):
    """Fields for content that can carry content warnings: forum threads, posts, chat messages."""

    content_warnings = models.JSONField(default=list, blank=True)
    warning_note = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True


class Block(models.Model):
    """One member blocking another. The blocker stops hearing from the blocked member: their
    words are folded away, their reactions and notifications never reach the blocker, and
    the two cannot write to each other privately. The blocked member sees no change, so
    cannot tell. A block of a moderator or administrator has no effect (community.selectors)."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(condition=~models.Q(blocker=models.F("blocked")),
                                   name="no_self_block"),
        ]

    def __str__(self) -> str:
        return f"{self.blocker} blocked {self.blocked}"


class Notification(models.Model):
    """Something a member should know about: a reply, a reaction, a moderator's decision.

    Events with the same `key` (a thread's replies, a post's reactions) gather on one unread
    notification, counted in `count`: its text tells the number and its link stays on the
    first of them. Once read, the next event starts a new one.
    """

    class Kind(models.TextChoices):
        REPLY = "reply", "Reply"
        REACTION = "reaction", "Reaction"
        MODERATION = "moderation", "From the moderators"
        MENTORING = "mentoring", "Peer mentoring"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=100, blank=True,
                           help_text="What events gather under, such as thread:12; empty "
                                     "for a notification that stands alone.")
    count = models.PositiveIntegerField(default=1)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("latest event at", default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            # Two events at once must gather on one row, never make two.
            models.UniqueConstraint(fields=["user", "kind", "key"],
                                    condition=models.Q(read_at=None) & ~models.Q(key=""),
                                    name="one_unread_notification_per_key"),
        ]

    def __str__(self) -> str:
        return self.text


class EmailChoices(models.Model):
    """Which emails a member wants; no row means the defaults below.

    The digest's two dates make `send_digests` idempotent: one email a day at most, each
    covering the replies since the last one.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True,
                                related_name="email_choices")
    warnings = models.BooleanField(
        "warnings and sanctions", default=True,
        help_text="When a moderator warns you, mutes you, or suspends or closes your account.")
    check_ins = models.BooleanField(
        "private check-ins", default=True,
        help_text="When a moderator or peer supporter opens a private check-in with you.")
    digest = models.BooleanField(
        "daily digest", default=False,
        help_text="Once a day, if there are new replies in threads you follow.")
    digest_sent_on = models.DateField(null=True, blank=True, editable=False)
    digest_covers_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = "email choices"

    def __str__(self) -> str:
        return f"Email choices of {self.user}"

    @classmethod
    def of(cls, user) -> "EmailChoices":
        """The member's choices, or the defaults (unsaved) when they have never chosen."""
        return cls.objects.filter(user=user).first() or cls(user=user)


class SiteSettings(models.Model):
    """Settings administrators change in the admin; there is one row."""

    held_first_posts = models.PositiveSmallIntegerField(
        "posts held for new members",
        default=1,
        help_text="A new member's first posts wait for a moderator's approval. 0 turns this off.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return "Site settings"

    @classmethod
    def current(cls) -> "SiteSettings":
        return cls.objects.get_or_create(pk=1)[0]


def validate_rate(value: str) -> None:
    from limits import parse_many

    try:
        parse_many(value)
    except ValueError:
        raise ValidationError(
            "Write it like “5 per minute” or “10 per 5 minutes; 60 per hour”.") from None


class WriteLimit(models.Model):
    """How often a member may make one kind of write; community.ratelimits enforces it."""

    class Kind(models.TextChoices):
        THREAD = "thread", "Starting a thread"
        POST = "post", "Replying in a thread"
        EDIT = "edit", "Editing a post"
        MESSAGE = "message", "Sending a chat message"
        REACTION = "reaction", "Reacting to a post"
        REPORT = "report", "Reporting something"
        BLOCK = "block", "Blocking a member"
        PROFILE = "profile", "Changing one's profile"
        NOTE = "note", "Writing a moderator's private note"
        SCREENING = "screening", "Turning screening's misses into rules or examples"
        DUTY = "duty", "A moderator going on or off duty"
        EXPORT = "export", "Downloading one's data"
        LEAVE = "leave", "Trying to delete one's account"
        WELLBEING = "wellbeing", "Wellbeing check-ins, their consent and asking to talk"
        STEP_BACK = "step_back", "A peer supporter stepping back or coming back"
        MENTORING = "mentoring", "Asking for a peer mentor, offering and choosing"

    kind = models.CharField(max_length=20, choices=Kind.choices, unique=True)
    rate = models.CharField(
        max_length=100, validators=[validate_rate],
        help_text="For example “6 per minute; 60 per hour”. Each part must hold.")

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.rate}"
