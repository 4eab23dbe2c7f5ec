"""What members do in response to posts and threads: react, report, follow; and edit history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from community.links import next_or
from community.roles import is_moderator
from community.selectors import blocked_ids
from forums import permissions
from forums.models import Post, Reaction, Thread
from forums.services import reaction_set, thread_follow
from moderation.submission import Refused
from moderation.views.reports import report_page


@login_required
@require_POST
def react(request, pk):
    post = _visible_post(request.user, pk)
    try:
        given = "give" in request.POST
        kind = request.POST.get("give" if given else "take_back", "")
        reaction_set(post=post, user=request.user, kind=kind, given=given)
    except ValidationError as error:
        return HttpResponseBadRequest(error.messages[0])
    except Refused as refused:
        messages.error(request, refused.message)
    return redirect(next_or(request, post.get_absolute_url()))


@login_required
def reactions(request, pk):
    post = _visible_post(request.user, pk)
    people = {kind: [] for kind in Reaction.Kind}
    shown = post.reactions.exclude(user_id__in=blocked_ids(request.user))
    for reaction in shown.select_related("user").order_by("created_at"):
        people[reaction.kind].append(reaction.user)
    return render(request, "forums/reactions.html", {
        "post": post,
        "groups": [(Reaction.Kind(kind).label, users) for kind, users in people.items()],
    })


@login_required
def report_post(request, pk):
    post = _visible_post(request.user, pk)
    what = f"post {post.number} by {post.author.username} in “{post.thread.title}”"
    return _report(request, post, what=what)


@login_required
def report_thread(request, category, thread_id):
    thread = _visible_thread(request.user, category, thread_id)
    return _report(request, thread, what=f"the thread “{thread.title}” by {thread.author.username}")


@login_required
def history(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__category", "author"), pk=pk)
    permissions.check_see_history(request.user, post)  # PermissionDenied: the site's 403 page
    return render(request, "forums/history.html", {
        "post": post,
        "revisions": post.revisions.select_related("edited_by"),
        "is_own_post": post.author_id == request.user.pk,
        "is_moderating": is_moderator(request.user),
    })


@login_required
@require_POST
def follow(request, category, thread_id):
    thread = _visible_thread(request.user, category, thread_id)
    wants_to_follow = request.POST.get("follow") == "1"
    thread_follow(user=request.user, thread=thread, follow=wants_to_follow)
    if wants_to_follow:
        messages.success(request, "You are following this thread. We will tell you about "
                                  "new replies.")
    else:
        messages.success(request, "You have stopped following this thread.")
    return redirect(next_or(request, thread.get_absolute_url()))


def _report(request, content, *, what: str):
    return report_page(request, content, what=what, back_url=content.get_absolute_url())


def _visible_post(user, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("thread__category", "author"), pk=pk)
    if not (permissions.can_see_thread(user, post.thread) and permissions.can_see_post(user, post)):
        raise Http404
    return post


def _visible_thread(user, category: str, thread_id: int) -> Thread:
    thread = get_object_or_404(Thread.objects.select_related("category", "author"),
                               pk=thread_id, category__slug=category)
    if not permissions.can_see_thread(user, thread):
        raise Http404
    return thread
