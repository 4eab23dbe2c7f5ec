"""Private conversations: a moderator or peer supporter checking in with a member, and (when
administrators allow it) members writing to each other."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from community.models import validate_rate
from moderation.content import ModeratedContent


class ConversationSettings(models.Model):
    """Who besides moderators may open private conversations; there is one row."""

    peer_supporters_may_check_in = models.BooleanField(
        "peer supporters may check in", default=False,
        help_text="Peer supporters may open a private conversation with a member, as "
                  "moderators can. Moderators and administrators can read these conversations.")
    members_may_write_to_each_other = models.BooleanField(
        "members may write to each other", default=False,
        help_text="Members may open private conversations with each other. Blocks apply, and "
                  "the rate below. Only the two members read these, unless one is reported.")
    member_openings_rate = models.CharField(
        "how often a member may start one", max_length=100, default="3 per hour; 10 per day",
        validators=[validate_rate],
        help_text="For members writing to each other, e.g. “3 per hour; 10 per day”.")

    class Meta:
        verbose_name = verbose_name_plural = "private conversation settings"

    def __str__(self) -> str:
        return "Private conversation settings"

    @classmethod
    def current(cls) -> "ConversationSettings":
        return cls.objects.get_or_create(pk=1)[0]


class Opening(models.Model):
    """Ready-made first words a moderator can pick, then change, when checking in."""

    label = models.CharField(max_length=80, help_text="What the moderator picks from, in a "
                                                      "few words: “After a worrying post”.")
    text = models.TextField(max_length=2000, help_text="The first message, as the member "
                                                       "will read it.")
    order = models.PositiveSmallIntegerField(default=100)
    is_active = models.BooleanField("offered", default=True)

    class Meta:
        ordering = ["order", "label"]

    def __str__(self) -> str:
        return self.label


def conversation_group(pk: int) -> str:
    """The channel-layer group of the pages open on a conversation."""
    return f"conversation-{pk}"


class Conversation(models.Model):
    class Kind(models.TextChoices):
        CHECK_IN = "check_in", "Check-in by a moderator or peer supporter"
        MEMBERS = "members", "Between members"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="conversations_started")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="conversations_with",
                               help_text="The member it was opened with.")
    # What prompted it, when opened from a post, a chat message or a queue item.
    about_type = models.ForeignKey(ContentType, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    queue_item = models.ForeignKey("moderation.QueueItem", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(db_index=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "private conversation"
        ordering = ["-last_message_at", "-id"]
        indexes = [models.Index(fields=["kind", "last_message_at"])]

    def __str__(self) -> str:
        return f"{self.started_by} and {self.member}"

    def get_absolute_url(self) -> str:
        return reverse("conversations:detail", args=[self.pk])

    @property
    def group_name(self) -> str:
        return conversation_group(self.pk)

    @property
    def is_ended(self) -> bool:
        return self.ended_at is not None

    def has_part(self, user) -> bool:
        return user.pk in (self.started_by_id, self.member_id)

    def other_than(self, user):
        return self.member if user.pk == self.started_by_id else self.started_by


class PrivateMessage(ModeratedContent):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE,
                                     related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="private_messages")
    text = models.TextField(max_length=2000)
    risk = models.CharField(max_length=10, default="none")
    risk_topics = models.JSONField(default=list, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return f"{self.conversation.get_absolute_url()}#message-{self.pk}"
