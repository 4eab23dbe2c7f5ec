"""Forum pages for reading: the categories, a category's threads, a thread's posts."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from community.warnings import reader_warnings
from forums import page_cache, permissions, post_list, selectors, services, thread_list
from forums.forms import PostForm
from forums.models import Category, Post, Thread
from moderation.cover import moderators_available_now


def index(request):
    categories = selectors.categories_for(request.user)
    return render(request, "forums/index.html", {"categories": categories})


def search(request):
    # Imported here so the search code stays in one module of its own.
    from forums.search import search as search_posts

    results = search_posts(request.user, request.GET.get("q"), request.GET.get("page"))
    return render(request, "forums/search.html", {"results": results})


def post_redirect(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    if refused := _refuse_reader(request, post.thread):
        return refused
    if not permissions.can_see_post(request.user, post):
        raise Http404("No such post.")
    return redirect(selectors.post_url(post, request.user))


def category(request, category):
    category = get_object_or_404(Category, slug=category)
    if not permissions.can_read_category(request.user, category):
        return redirect_to_login(request.get_full_path())
    listing = thread_list.category_listing(category, request.user, request.GET.get("page"))
    return render(request, "forums/category.html", {
        "category": category, "listing": listing,
        "threads_html": thread_list.render_threads(request, listing)})


def thread(request, category, thread_id):
    topic = get_object_or_404(selectors.thread_for_page(request.user), pk=thread_id)
    if refused := _refuse_reader(request, topic):
        return refused
    if topic.category.slug != category:
        return redirect(topic)
    if not request.user.is_authenticated and not len(messages.get_messages(request)):
        return _visitor_thread_page(request, topic)
    return _thread_page(request, topic, request.GET.get("page"))


def _visitor_thread_page(request, topic: Thread) -> HttpResponse:
    """Visitors all see the same page: serve it from the cache until the thread changes."""
    number = page_cache.page_number(topic, request.GET.get("page"))
    key = page_cache.page_key(topic.pk, number, moderators_available_now())
    html = page_cache.pages().get(key)
    if html is None:
        html = _thread_page(request, topic, number).content.decode()
        page_cache.pages().set(key, html, page_cache.PAGE_SECONDS)
    return HttpResponse(html)


def _thread_page(request, topic: Thread, page) -> HttpResponse:
    listing = selectors.thread_page(topic, request.user, page)
    if listing.last_number_shown:
        services.thread_mark_read(user=request.user, thread=topic,
                                  number=listing.last_number_shown)
    form = None
    if listing.can_reply:
        form = PostForm(warnings=reader_warnings(request).categories.values())
    return render(request, "forums/thread.html",
                  {"thread": topic, "listing": listing, "form": form,
                   "posts_html": post_list.render_posts(request, listing)})


def first_unread(request, category, thread_id):
    topic = get_object_or_404(Thread.objects.select_related("category"), pk=thread_id,
                              category__slug=category)
    if refused := _refuse_reader(request, topic):
        return refused
    post = selectors.first_unread_post(topic, request.user)
    if post is None:
        return redirect(f"{topic.get_absolute_url()}?page=last")
    return redirect(selectors.post_url(post, request.user))


def _refuse_reader(request, topic: Thread) -> HttpResponse | None:
    """None when the reader may see the thread; visitors are asked to log in, others get 404."""
    if permissions.can_see_thread(request.user, topic):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404("No such thread.")
