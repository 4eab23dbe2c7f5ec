"""Forum pages for writing: new threads, replies, editing or removing posts, help after posting."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from community import signposting
from community.warnings import reader_warnings
from forums import permissions, selectors, services
from forums.forms import PostForm, ThreadForm, ThreadTitleForm
from forums.models import Category, Post, Thread
from moderation.screening import Screening, screen
from moderation.submission import Refused

HELD_MESSAGE = ("Thank you. A moderator will look at this soon. Until then, only you and the "
                "moderators can see it.")


@dataclass(frozen=True)
class Draft:
    """A form on its way to being posted: checked, refused, or posted."""

    form: PostForm
    preview: Screening | None = None
    suggested: tuple[str, ...] = ()
    posted: services.Posted | None = None
    help_listings: list = ()  # help lines beside a refusal of words that suggest risk


@login_required
def thread_new(request, category):
    category = get_object_or_404(Category, slug=category)
    if not permissions.can_start_thread(request.user, category):
        return _forbidden(request, f"New threads in {category.name} are started by "
                                   f"{category.get_who_may_start_display().lower()}. "
                                   "You can still reply to the threads there.")
    form = ThreadForm(_data(request), warnings=_offered(request),
                      initial={"warnings": category.default_warnings})
    draft = _submit(request, form, partial(services.thread_create, author=request.user,
                                           category=category))
    if draft.posted:
        return _after_posting(request, draft.posted)
    return render(request, "forums/thread_new.html", {"category": category, "draft": draft})


@login_required
def reply(request, category, thread_id):
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=thread_id,
                               category__slug=category)
    if not permissions.can_see_thread(request.user, thread):
        raise Http404("No such thread.")
    if not permissions.can_reply(request.user, thread):
        return _forbidden(request, "This thread is locked. It is not taking new replies.")
    form = PostForm(_data(request), warnings=_offered(request))
    draft = _submit(request, form, partial(services.post_create, author=request.user,
                                           thread=thread))
    if draft.posted:
        return _after_posting(request, draft.posted)
    return render(request, "forums/reply.html", {"thread": thread, "draft": draft})


@login_required
def thread_title(request, category, thread_id):
    """The member who started a thread changes its title; refused words stay in the box."""
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=thread_id,
                               category__slug=category)
    if not permissions.can_see_thread(request.user, thread):
        raise Http404("No such thread.")
    try:
        permissions.check_retitle(request.user, thread)
    except PermissionDenied as refusal:
        return _forbidden(request, str(refusal))
    form = ThreadTitleForm(_data(request), initial={"title": thread.title})
    help_listings = []
    if request.method == "POST" and form.is_valid():
        try:
            retitled = services.thread_title_edit(thread=thread, editor=request.user,
                                                  title=form.cleaned_data["title"])
        except PermissionDenied as refusal:  # locked since the form was shown
            form.add_error("title", str(refusal))
        except Refused as refused:
            refused.add_to(form)
            help_listings = signposting.listings(refused.help)
        else:
            if retitled.help:
                return render(request, "community/support.html", {
                    "listings": signposting.listings(retitled.help),
                    "held_because": services.TITLE_HELD if retitled.is_held else "",
                    "shared": "Your new title is up. Other members can see it.",
                    "back_url": thread.get_absolute_url(), "back_to": "your thread"})
            messages.success(request, services.TITLE_HELD if retitled.is_held
                             else "The new title is saved.")
            return redirect(thread)
    return render(request, "forums/thread_title.html", {
        "thread": thread, "form": form, "help_listings": help_listings})


@login_required
def post_edit(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    if not permissions.can_edit_post(request.user, post):
        return _forbidden(request, "You can only change your own posts, and not once they "
                                   "are removed.")
    form = PostForm(_data(request), warnings=_offered(request), initial={
        "body": post.body, "warnings": post.content_warnings, "warning_note": post.warning_note,
    })
    draft = _submit(request, form, partial(services.post_edit, post=post, editor=request.user))
    if draft.posted:
        if not draft.posted.is_held:
            messages.success(request, "Your changes are saved.")
        return _after_posting(request, draft.posted)
    return render(request, "forums/post_edit.html", {"post": post, "draft": draft})


@login_required
def post_delete(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    if not permissions.can_delete_post(request.user, post):
        return _forbidden(request, "You can only remove your own posts.")
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, "Your post is removed. Others see a note that you removed it.")
        return redirect(selectors.post_url(post, request.user))
    return render(request, "forums/post_delete.html",
                  {"post": post, "post_url": selectors.post_url(post, request.user)})


@login_required
def support(request, pk):
    # Anyone else gets "not found": that a post worried screening is its writer's business.
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk,
                             author=request.user)
    now = timezone.now()
    resources = signposting.resources_for(risk=post.risk, topics=post.risk_topics,
                                          nation=request.user.member.nation, now=now)
    return render(request, "community/support.html", {
        "listings": signposting.listings(resources, now),
        "held_because": post.moderation_reason if post.visibility == "held" else "",
        "shared": "Your post is up. Other members can read it and reply.",
        "back_url": selectors.post_url(post, request.user), "back_to": "your post",
    })


def _submit(request, form: PostForm, write: Callable[..., services.Posted]) -> Draft:
    """Check the post for the member ("Check my post"), or post it through the service."""
    if request.method != "POST" or not form.is_valid():
        return Draft(form)
    if "preview" in request.POST:
        screening = screen(form.cleaned_data["body"], author=request.user, kind="post")
        return Draft(form.with_warnings(screening.suggested_warnings), preview=screening,
                     suggested=screening.suggested_warnings)
    try:
        return Draft(form, posted=write(**form.cleaned_data))
    except Refused as refused:
        refused.add_to(form)
        help_listings = signposting.listings(refused.help)
    if "warnings" not in form.errors:
        return Draft(form, help_listings=help_listings)
    # A warning is needed: point at the ones the words seem to need, without ticking them.
    screening = screen(form.cleaned_data.get("body", ""), author=request.user, kind="post")
    return Draft(form, suggested=screening.suggested_warnings, help_listings=help_listings)


def _after_posting(request, posted: services.Posted):
    # The support page says itself whether the post waits for a moderator.
    if posted.needs_support:
        return redirect("forums:post_support", posted.post.pk)
    if posted.is_held:
        messages.success(request, HELD_MESSAGE)
    return redirect(selectors.post_url(posted.post, request.user))


def _data(request):
    return request.POST if request.method == "POST" else None


def _offered(request):
    """The content warnings members can choose, from the request's cached lookup."""
    return reader_warnings(request).categories.values()


def _forbidden(request, reason: str):
    return render(request, "forums/forbidden.html", {"reason": reason}, status=403)
