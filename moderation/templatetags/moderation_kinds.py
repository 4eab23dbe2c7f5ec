"""Naming content in moderators' pages in its adapter's words ("post", "profile")."""

from django import template

from moderation.adapters import kind_of

register = template.Library()


@register.filter
def content_kind(content_type) -> str:
    """What moderators call the content a content type points at.

    `{{ action.content_type|content_kind }}`
    """
    return kind_of(content_type)
