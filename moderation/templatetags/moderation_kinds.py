"""Naming things in moderators' pages in words: content as its adapter calls it ("post",
"profile"), a screening match by what its rule finds."""

from django import template

from moderation.adapters import kind_of
from moderation.selectors import match_meaning as _match_meaning

register = template.Library()


@register.filter
def content_kind(content_type) -> str:
    """What moderators call the content a content type points at.

    `{{ action.content_type|content_kind }}`
    """
    return kind_of(content_type)


@register.filter
def match_meaning(match: dict) -> str:
    """`{{ match|match_meaning }}`: "plan + time", for a match stored on a queue item."""
    return _match_meaning(match)
