"""Member Markdown to safe HTML: markdown-it with raw HTML off, then bleach's allow-list."""

from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code",
                "pre", "hr"}
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener ugc"

# Headings would break the page's heading order and images can carry
# trackers or distressing pictures, so members' Markdown has neither.
markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
markdown.enable("strikethrough").disable(["heading", "lheading", "image", "html_block",
                                          "html_inline"])


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


cleaner = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
)


def render_markdown(text: str) -> str:
    return cleaner.clean(markdown.render(text)).strip()
