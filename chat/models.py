"""Live chat rooms and the messages members send in them."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from community.models import WarnedContent, WeeklyPeriod
from moderation.content import ModeratedContent, Visibility


class Room(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        READ_ONLY = "read_only", "Read-only"
        CLOSED = "closed", "Closed"

    class Joiners(models.TextChoices):
        MEMBERS = "members", "All members"
        POSTERS = "posters", "Members with at least one approved forum post"

    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=300, blank=True)
    content_warnings = models.JSONField(default=list, blank=True,
                                        help_text="Warnings that apply to the whole room.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    slow_mode_seconds = models.PositiveIntegerField(
        default=0, help_text="Seconds between one member's messages; staff are exempt. 0 is off.")
    who_may_join = models.CharField(max_length=10, choices=Joiners.choices,
                                    default=Joiners.MEMBERS)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="facilitated_rooms")
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("chat:room", args=[self.slug])

    @property
    def group_name(self) -> str:
        """The channel-layer group of everyone in the room."""
        return f"room-{self.pk}"


class RoomHours(WeeklyPeriod):
    """A scheduled drop-in: outside these hours the room is read-only. None means always open."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="hours")

    class Meta(WeeklyPeriod.Meta):
        verbose_name_plural = "room hours"


class MessageQuerySet(models.QuerySet):
    def shown(self) -> "MessageQuerySet":
        """What members see in a room: published, and not deleted by its writer."""
        return self.filter(visibility=Visibility.PUBLISHED, deleted_at=None)


class Message(ModeratedContent, WarnedContent):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="chat_messages")
    text = models.TextField(max_length=2000)
    risk = models.CharField(max_length=10, default="none")
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Chosen by the sender's screen, so a message resent after a dropped connection is
    # stored once; "" for messages sent without one.
    client_id = models.CharField(max_length=64, blank=True, default="")
    # Deleted by its writer: gone from every screen, kept (with its words) for moderators,
    # as a forum post its writer deletes is.
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        # The others find what was taken down or deleted since a reconnecting screen was
        # last here.
        indexes = [models.Index(fields=["room", "id"]),
                   models.Index(fields=["room", "moderated_at"]),
                   models.Index(fields=["room", "deleted_at"])]
        constraints = [models.UniqueConstraint(
            fields=["author", "client_id"], condition=~models.Q(client_id=""),
            name="chat_message_stored_once_per_client_id")]

    def __str__(self) -> str:
        return self.excerpt(60)

    def get_absolute_url(self) -> str:
        return f"{self.room.get_absolute_url()}#message-{self.pk}"

    def excerpt(self, length: int = 200) -> str:
        return self.text[:length]
