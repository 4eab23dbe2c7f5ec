"""What moderation needs from any kind of member content (forum posts, chat messages...).

Moderation never imports the apps that hold content: each content model
inherits ModeratedContent and provides the rest of the Moderatable
protocol, and the queue and actions work on it unchanged.
"""

from collections.abc import Callable
from typing import Any, Protocol

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone


class Moderatable(Protocol):
    """The interface: ModeratedContent gives the state, each content model the rest."""

    pk: int
    author: Any  # the member who wrote it

    def get_absolute_url(self) -> str: ...

    def excerpt(self, length: int = 200) -> str: ...

    def hide(self, by, reason: str) -> None: ...

    def hold(self, by, reason: str) -> None: ...

    def restore(self, by) -> None: ...


class Visibility(models.TextChoices):
    PUBLISHED = "published", "Published"
    HELD = "held", "Waiting for a moderator"
    HIDDEN = "hidden", "Hidden by a moderator"


class ModeratedContent(models.Model):
    visibility = models.CharField(max_length=10, choices=Visibility.choices,
                                  default=Visibility.PUBLISHED)
    moderation_reason = models.CharField(
        max_length=300, blank=True, help_text="Shown to the author when held or hidden."
    )
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_visible_to_members(self) -> bool:
        return self.visibility == Visibility.PUBLISHED

    def hide(self, by, reason: str) -> None:
        self._set_visibility(Visibility.HIDDEN, by, reason)

    def hold(self, by, reason: str) -> None:
        self._set_visibility(Visibility.HELD, by, reason)

    def restore(self, by) -> None:
        """Publish: approves held content and brings back hidden content."""
        self._set_visibility(Visibility.PUBLISHED, by, "")

    def _set_visibility(self, visibility: str, by, reason: str) -> None:
        self.visibility = visibility
        self.moderation_reason = reason
        self.moderated_by = by
        self.moderated_at = timezone.now()
        self.save(update_fields=["visibility", "moderation_reason", "moderated_by",
                                 "moderated_at"])


# How each kind of content is fetched for moderators' pages, so a queue of
# fifty items costs one query per kind rather than one per item. Content apps
# register theirs when they start (AppConfig.ready).
_queue_querysets: dict[type, Callable[[], QuerySet]] = {}


def fetch_for_moderators(model: type, queryset: Callable[[], QuerySet]) -> None:
    _queue_querysets[model] = queryset


def moderator_querysets() -> list[QuerySet]:
    return [make() for make in _queue_querysets.values()]
