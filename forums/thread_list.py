"""A category page's threads as HTML, each row rendered once per version and kept in the cache.

Rendering thirty rows through templates (a content-warning fold, two includes and two
addresses each) was most of the category page. Each row (forums/includes/thread_row.html)
is kept under a key made of everything it shows: every field of the thread row just
read, its category's address, its starter's and last writer's names, and the viewer's
variant (whether it has posts they have not read, how their warning choices fold it).
A new reply, an edit, a hide or a move changes the row read, so the key, at once.
A row carries nothing personal beyond that variant: no CSRF token, no page address.

The threads of a page, and how many there are, are kept too (in the "pages" cache),
for each reader (what _visible shows depends on who reads), until any thread changes
(forums.page_cache.forums_version); only the reader's read marks are read each time.
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from community.roles import is_moderator
from community.warnings import reader_warnings
from forums import fragments, selectors
from forums.models import Category, Thread
from forums.page_cache import forums_version, kept_page
from forums.selectors import CategoryPage

ROW_TEMPLATE = "forums/includes/thread_row.html"
TEMPLATES = (ROW_TEMPLATE, "forums/includes/thread_markers.html", "forums/includes/when.html",
             "includes/content_warning.html")


def category_listing(category: Category, user, page_number) -> CategoryPage:
    """One page of the category's threads, from the cache when nothing changed since."""
    reader = "moderator" if is_moderator(user) else user.pk or "visitor"
    key = f"forums:category:{category.pk}:{reader}:v{forums_version()}"

    def threads():
        return selectors.category_threads(category, user)

    page, shown = kept_page(key, threads, selectors.THREADS_PER_PAGE, page_number,
                            lambda page: list(page.object_list))
    page.object_list = shown
    return selectors.category_page(category, user, page)


def render_threads(request, listing: CategoryPage) -> SafeString:
    """The <li> of each thread on the page, in order."""
    reader = reader_warnings(request)

    def key(row) -> str:
        thread = row.thread
        warnings = reader.applying(thread.content_warnings)
        return fragments.key(f"forums:thread-row:{thread.pk}", (
            fragments.templates_version(TEMPLATES),
            [getattr(thread, field.attname) for field in Thread._meta.concrete_fields],
            thread.category.slug, thread.author.username,
            thread.last_poster and thread.last_poster.username,
            # The viewer's variant.
            row.has_unread, [warning.name for warning in warnings],
            warnings and reader.choice_for(warnings),
        ))

    def render(row) -> str:
        return render_to_string(ROW_TEMPLATE, {"row": row}, request)

    rows = listing.threads
    return mark_safe("".join(fragments.fragments(rows, [key(row) for row in rows], render)))
