"""The Moderate menu on each post and chat message, for moderators only.

Members and visitors get nothing, and it costs them nothing: the viewer's roles are
read once per request, and the pages showing content read them already. For moderators
the menu comes from the content as the page fetched it, with no query per post.
"""

from dataclasses import dataclass
from typing import Any

from django import template

from community.roles import is_moderator
from moderation.adapters import ContentAction, adapter_for

register = template.Library()

# What the menu offers, of what the content's adapter says applies to it now.
MENU_ACTIONS = (ContentAction.HIDE, ContentAction.RESTORE, ContentAction.EDIT,
                ContentAction.LOCK, ContentAction.UNLOCK)


@dataclass(frozen=True)
class Menu:
    kind: str  # the model name that addresses and ?about= references use ("post")
    pk: int
    title: str  # what moderators call it in a sentence ("post 3 by sam")
    author: Any
    is_own: bool  # nobody checks in with or sanctions themself
    offers: frozenset[str]
    container_kind: str  # what locking acts on ("thread")

    @property
    def about(self) -> str:
        return f"{self.kind}-{self.pk}"


@register.inclusion_tag("moderation/includes/menu.html", takes_context=True)
def moderation_menu(context, content) -> dict:
    """`{% moderation_menu post %}`: the menu when the viewer moderates, else nothing."""
    user = context["request"].user
    if not is_moderator(user):
        return {"menu": None}
    adapter = adapter_for(content)
    author = adapter.author(content)
    return {
        "menu": Menu(kind=adapter.model._meta.model_name, pk=content.pk,
                     title=adapter.title(content), author=author, is_own=author.pk == user.pk,
                     offers=frozenset(adapter.actions(content)).intersection(MENU_ACTIONS),
                     container_kind=adapter.container_kind or adapter.kind),
        "csrf_token": context.get("csrf_token"),
    }
