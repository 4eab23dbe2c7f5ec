"""How moderation sees and acts on threads and posts, through forums.services.

A post is locked and moved with its thread; a thread's words are its title.
"""

from django.core.exceptions import ValidationError

from forums import selectors, services
from forums.models import Category, Post, Thread
from moderation.adapters import ContentAction, ContentAdapter
from moderation.content import Visibility


def _thread_actions(thread: Thread) -> set[str]:
    return {ContentAction.EDIT, ContentAction.MOVE,
            ContentAction.UNLOCK if thread.is_locked else ContentAction.LOCK}


def _move(thread: Thread, destination: str) -> None:
    category = Category.objects.filter(slug=destination).first()
    if category is None:
        raise ValidationError("Choose where to move it from the list.")
    services.thread_move(thread=thread, category=category)


class ThreadAdapter(ContentAdapter):
    model = Thread
    kind = "thread"
    container_kind = "thread"

    def queryset(self):
        return Thread.objects.select_related("author__member", "category")

    def text(self, thread: Thread) -> str:
        return thread.title

    def place(self, thread: Thread) -> str:
        return f"“{thread.title}” in {thread.category.name}"

    def is_locked(self, thread: Thread) -> bool:
        return thread.is_locked

    def move_choices(self, thread: Thread) -> list[tuple[str, str]]:
        return selectors.move_destinations(thread)

    def actions(self, thread: Thread) -> set[str]:
        return super().actions(thread) | _thread_actions(thread)

    def hide(self, thread: Thread, *, by, reason: str) -> None:
        services.thread_set_visibility(thread=thread, visibility=Visibility.HIDDEN, by=by,
                                       reason=reason)

    def restore(self, thread: Thread, *, by) -> None:
        services.thread_set_visibility(thread=thread, visibility=Visibility.PUBLISHED, by=by)

    def edit(self, thread: Thread, *, by, text: str, reason: str) -> None:
        services.thread_retitle(thread=thread, editor=by, title=text)

    def lock(self, thread: Thread, *, by, locked: bool) -> None:
        services.thread_lock(thread=thread, locked=locked)

    def move(self, thread: Thread, *, by, destination: str) -> None:
        _move(thread, destination)


class PostAdapter(ContentAdapter):
    model = Post
    kind = "post"
    container_kind = "thread"

    def queryset(self):
        return Post.objects.select_related("author__member", "thread__category")

    def title(self, post: Post) -> str:
        return f"post {post.number} by {post.author.username}"

    def text(self, post: Post) -> str:
        return post.body

    def place(self, post: Post) -> str:
        return f"in “{post.thread.title}”"

    def html(self, post: Post) -> str:
        return post.html  # sanitised by screening when it was written

    def is_locked(self, post: Post) -> bool:
        return post.thread.is_locked

    def move_choices(self, post: Post) -> list[tuple[str, str]]:
        return selectors.move_destinations(post.thread)

    def actions(self, post: Post) -> set[str]:
        return super().actions(post) | _thread_actions(post.thread)

    def hide(self, post: Post, *, by, reason: str) -> None:
        services.post_set_visibility(post=post, visibility=Visibility.HIDDEN, by=by,
                                     reason=reason)

    def restore(self, post: Post, *, by) -> None:
        services.post_set_visibility(post=post, visibility=Visibility.PUBLISHED, by=by)

    def edit(self, post: Post, *, by, text: str, reason: str) -> None:
        services.post_moderator_edit(post=post, editor=by, body=text, reason=reason)

    def lock(self, post: Post, *, by, locked: bool) -> None:
        services.thread_lock(thread=post.thread, locked=locked)

    def move(self, post: Post, *, by, destination: str) -> None:
        _move(post.thread, destination)
