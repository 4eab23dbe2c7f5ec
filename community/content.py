"""Member content as moderation sees it: the state every kind carries, and the adapter per kind.

These live in community, which every app may import, so that community's own
content (profiles) plugs in exactly as forum posts and chat messages do without
community importing moderation. moderation.adapters is where moderation reaches
them, and its docstring says how a new kind of content plugs in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import QuerySet


class Visibility(models.TextChoices):
    PUBLISHED = "published", "Published"
    HELD = "held", "Waiting for a moderator"
    HIDDEN = "hidden", "Hidden by a moderator"


# What a writer reads beside their words when the site hid them, not a moderator.
HIDDEN_AUTOMATICALLY = "Hidden automatically until a moderator looks at it"


class ModeratedContent(models.Model):
    """The moderation state of a piece of content; only its app's services write it."""

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

    @property
    def is_hidden_automatically(self) -> bool:
        """Hidden by the site itself (reports past the administrators' threshold), not by a
        moderator: nobody has looked yet, and its writer is told so. A moderator's hide
        names them, and a moderator who acted is never deleted (the audit trail protects
        them), so an empty moderated_by means the site."""
        return self.visibility == Visibility.HIDDEN and self.moderated_by_id is None


@dataclass(frozen=True)
class Reason:
    """Why something happened to a member's words, said twice: to their author, beside
    the words, and to moderators, in the queue and the audit log. They differ where the
    author needs kindness and a next step, and moderators need the rule that applied."""

    for_author: str  # "Welcome! A moderator checks new members' first posts ..."
    for_moderators: str  # "Held: new member's first post"


class ContentAction(models.TextChoices):
    """What a moderator can do to a piece of content, when its adapter offers it."""

    APPROVE = "approve", "Approve"
    HIDE = "hide", "Hide"
    RESTORE = "restore", "Restore"
    EDIT = "edit", "Edit the words"
    CLEAR = "clear", "Clear the words"
    LOCK = "lock", "Lock"
    UNLOCK = "unlock", "Unlock"
    MOVE = "move", "Move"


class ContentAdapter:
    """How moderation reads and acts on one kind of content, through the app that owns it.

    Subclass it once per model, set `model` and `kind`, and override what differs.
    Reading has defaults for a model with ModeratedContent's fields and an `author`;
    each action an adapter offers in `actions()` needs its method, calling the
    app's own services so counts, caches, notices and broadcasts stay in that app.
    Moderation records the action in the audit trail and tells the author.
    """

    model: type[models.Model]
    kind: str  # what members and moderators call it: "post", "chat message", "profile"
    # What locking and moving act on when it is not the content itself: "thread" for a post.
    container_kind: str = ""
    # A member has one (a profile): it is named by whose it is, not by its number.
    is_one_per_member: bool = False

    # --- Reading ---------------------------------------------------------------------------

    def queryset(self) -> QuerySet:
        """For moderators' pages: with what author() and the rest read, so a list costs
        one query per kind of content however long it is."""
        return self.model._default_manager.all()

    def written_by(self, user) -> QuerySet:
        """Everything of this kind the user wrote, for their moderation history."""
        return self.model._default_manager.filter(author=user)

    def author(self, obj):
        return obj.author

    def title(self, obj) -> str:
        """What moderators call it in a sentence ("Hide the chat message by sam?")."""
        return f"the {self.kind} by {self.author(obj).username}"

    def text(self, obj) -> str:
        """All the words, as the author wrote them; what a moderator's edit starts from."""
        raise NotImplementedError

    def html(self, obj) -> str:
        """Sanitised HTML (made by screening when it was written), or "" to show text()."""
        return ""

    def excerpt(self, obj, length: int = 200) -> str:
        return self.text(obj)[:length]

    def url(self, obj) -> str:
        """Where it is seen in context."""
        return obj.get_absolute_url()

    def place(self, obj) -> str:
        """Where it is, in a few words after its kind, for its author and moderators alike:
        "in Evening drop-in" (a chat message), "to sam" (a private message); "" when the
        kind says enough (a profile)."""
        return ""

    def readers(self, obj) -> str:
        """Who sees it once it is published, as its author would say: "everyone", "sam"."""
        return "everyone"

    def visibility(self, obj) -> str:
        return obj.visibility

    def moderation_reason(self, obj) -> str:
        return obj.moderation_reason

    def is_visible(self, obj) -> bool:
        """Whether members other than its author can see it."""
        return self.visibility(obj) == Visibility.PUBLISHED

    def warnings(self, obj) -> list[str]:
        """The slugs of the content warnings its author chose."""
        return list(getattr(obj, "content_warnings", None) or ())

    def warning_note(self, obj) -> str:
        return getattr(obj, "warning_note", "")

    def is_locked(self, obj) -> bool:
        return False

    def move_choices(self, obj) -> list[tuple[str, str]]:
        """Where it can be moved to, as (value, label)."""
        return []

    def actions(self, obj) -> set[str]:
        """The ContentAction values that apply to it as it stands.

        By default, visibility decides: held content can be approved or hidden,
        published content hidden, hidden content restored.
        """
        return {
            Visibility.HELD: {ContentAction.APPROVE, ContentAction.HIDE},
            Visibility.PUBLISHED: {ContentAction.HIDE},
            Visibility.HIDDEN: {ContentAction.RESTORE},
        }[self.visibility(obj)]

    # --- Acting, through the app's own services ----------------------------------------------

    def hide(self, obj, *, by, reason: str) -> None:
        raise NotImplementedError

    def restore(self, obj, *, by) -> None:
        """Publish: bring back hidden content."""
        raise NotImplementedError

    def approve(self, obj, *, by) -> None:
        """Publish held content; the same as restoring unless the kind says otherwise."""
        self.restore(obj, by=by)

    def edit(self, obj, *, by, text: str, reason: str) -> None:
        raise NotImplementedError

    def clear(self, obj, *, by, reason: str) -> None:
        """Remove the words altogether, leaving the thing itself (a profile without text)."""
        raise NotImplementedError

    def lock(self, obj, *, by, locked: bool) -> None:
        raise NotImplementedError

    def move(self, obj, *, by, destination: str) -> None:
        raise NotImplementedError


_adapters: dict[type[models.Model], ContentAdapter] = {}


def register(adapter: ContentAdapter) -> ContentAdapter:
    """Make a kind of content known to moderation; called from its app's AppConfig.ready()."""
    model = adapter.model._meta.concrete_model
    known = _adapters.get(model)
    if known is not None and type(known) is not type(adapter):
        raise ImproperlyConfigured(
            f"{model.__name__} already has a moderation adapter: {type(known).__name__}.")
    _adapters[model] = adapter
    return adapter


def adapter_for(obj_or_model) -> ContentAdapter:
    """The adapter for a piece of content, or for a model."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    try:
        return _adapters[model._meta.concrete_model]
    except (KeyError, AttributeError):
        raise LookupError(
            f"{model.__name__} has no moderation adapter: register one in its app's "
            "moderation.py, from AppConfig.ready()."
        ) from None


def registered_adapters() -> list[ContentAdapter]:
    """Every kind of content moderators can see, in the order their apps registered them."""
    return list(_adapters.values())


# The one path for member text (moderation.submission) registers itself here when
# moderation starts, so community's own writes (profiles) take it too without
# community importing moderation.
_submission_path = None


def use_submission_path(path) -> None:
    global _submission_path
    _submission_path = path


def submission_path():
    """The module with submission_check() and submission_recorded()."""
    if _submission_path is None:
        raise ImproperlyConfigured("The moderation app is not installed: member text cannot "
                                   "be checked before it is stored.")
    return _submission_path
