"""The one way to show warned content: {% warned slugs note %}...{% endwarned %}."""

from django import template
from django.template.loader import render_to_string

from community.models import WarningChoice
from community.warnings import ReaderWarnings, anonymous_reader_warnings, reader_warnings

register = template.Library()

BLOCK_TEMPLATE = "includes/content_warning.html"
RENDER_CACHE_KEY = "content_warnings.reader"


@register.simple_block_tag(takes_context=True)
def warned(context, content, slugs, note=""):
    """Put content behind the warnings in slugs, open, collapsed or hidden as the reader chose."""
    reader = _reader(context)
    warnings = reader.applying(slugs)
    if not warnings:
        return content
    choice = reader.choice_for(warnings)
    # A context of its own, so the author's note is escaped even inside {% autoescape off %}.
    return render_to_string(
        BLOCK_TEMPLATE,
        {
            "content": content,
            "names": ", ".join(warning.name for warning in warnings),
            "note": (note or "").strip(),
            "is_hidden": choice == WarningChoice.HIDE,
            "is_open": choice == WarningChoice.SHOW,
        },
    )


def _reader(context) -> ReaderWarnings:
    request = context.get("request")
    if request is not None:
        return reader_warnings(request)
    # Rendered without a request (no known reader): collapse everything, and
    # look the categories up once for the whole render, not once per item.
    if RENDER_CACHE_KEY not in context.render_context:
        context.render_context[RENDER_CACHE_KEY] = anonymous_reader_warnings()
    return context.render_context[RENDER_CACHE_KEY]
