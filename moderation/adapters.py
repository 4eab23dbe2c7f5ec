"""The registry of content adapters: how moderation reaches every kind of member content.

Moderation never imports a content app. The queue, the item page, reports,
automatic hiding and the audit trail ask a piece of content's adapter for
everything: who wrote it, its words, where it is, which actions apply, and
how to apply each one.

How a new kind of content plugs in:

1. Give the model ModeratedContent's fields (visibility, moderation_reason,
   moderated_by, moderated_at), and WarnedContent's if it can carry warnings.
2. In the app's services, write the changes moderation asks for, e.g.
   `<entity>_set_visibility(...)`, keeping that app's counts, caches and
   broadcasts right.
3. In `<app>/moderation.py`, subclass ContentAdapter: set `model` and `kind`
   (the word members read: "chat message"), say what `text()` is, where it is
   (`place()`: "in Evening drop-in", for its author's notices and the audit
   log) and which `actions()` apply beyond hide, restore and approve, and make
   each action call those services.
4. Register an instance from the app's `AppConfig.ready()`:
   `register(NoteAdapter())`.
5. Store members' words only through the one submission path: add a Surface
   in moderation/submission.py, call submission_check() before the insert
   and submission_recorded() after it, and the app's service checks who may
   write with check_* rules of its own permissions.py.

Nothing in moderation changes: tests/moderatable is such an app.

The interface and the registry live in community.content, the app every
other app may import, so that community's own profiles plug in the same way.
"""

from django.db.models import QuerySet
from django.utils.text import capfirst

from community.content import (
    ContentAction,
    ContentAdapter,
    adapter_for,
    register,
    registered_adapters,
)

__all__ = ["ContentAction", "ContentAdapter", "adapter_for", "adapter_named", "content_kinds",
           "kind_of", "moderator_querysets", "register", "registered_adapters"]


def moderator_querysets() -> list[QuerySet]:
    """How each kind is fetched for moderators' pages: one query per kind, not per item."""
    return [adapter.queryset() for adapter in registered_adapters()]


def adapter_named(model_name: str) -> ContentAdapter:
    """The adapter of the kind an address or a filter names by its model name ("post")."""
    for adapter in registered_adapters():
        if adapter.model._meta.model_name == model_name:
            return adapter
    raise LookupError(f"No kind of content is called {model_name!r}.")


def content_kinds() -> list[tuple[str, str]]:
    """Each kind of content moderators can see, as (model name, what it is called)."""
    return [(adapter.model._meta.model_name, capfirst(adapter.kind))
            for adapter in registered_adapters()]


def kind_of(content_type) -> str:
    """What moderators call the content a content type points at ("profile", "note")."""
    model = content_type.model_class()
    if model is None:
        return content_type.name
    try:
        return adapter_for(model).kind
    except LookupError:
        return content_type.name
