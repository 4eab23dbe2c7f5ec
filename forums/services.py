"""Writes in the forums: starting threads, replying, editing, deleting, reacting, following.

Every text goes through screen() first. Blocked text raises ValidationError
with the message to show beside the kept text; held text is stored unseen
and queued; risky text is published and queued, and the view shows the
writer help at once.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from community.models import ContentWarning, Notification, Risk, SiteSettings
from community.roles import is_administrator, is_moderator
from community.selectors import blocked_ids
from community.services import content_set_visibility, notify
from community.validators import reject_control_characters
from forums import permissions
from forums.models import Category, Post, PostRevision, Reaction, ReadMark, Subscription, Thread
from forums.page_cache import thread_changed, threads_changed
from moderation.content import Visibility
from moderation.cover import OFFLINE_HOLD_REASON, moderators_available
from moderation.models import ModerationAction, Priority, QueueItem
from moderation.sanctions import refuse_if_silenced
from moderation.screening import Action, Screening, combine, screen
from moderation.services import action_record, flag_content, screening_flag

TITLE_LENGTH = (3, 150)
BODY_LENGTH = 20_000
NOTE_LENGTH = 200
@dataclass(frozen=True)
class Posted:
    """What happened to a post, for the view to tell its writer."""

    post: Post
    screening: Screening

    @property
    def is_held(self) -> bool:
        return self.post.visibility == Visibility.HELD

    @property
    def needs_support(self) -> bool:
        return self.screening.risk != Risk.NONE


def thread_create(*, author, category: Category, title: str, body: str,
                  warnings: Sequence[str] = (), warning_note: str = "") -> Posted:
    if not permissions.can_start_thread(author, category):
        raise PermissionDenied("You can't start a thread in this category.")
    refuse_if_silenced(author)
    title_screening = screen(_clean_title(title), author=author, kind="message")
    screening = _screen(author, body, title=title_screening)
    title = title_screening.text
    warnings, warning_note = _clean_warnings(warnings, warning_note, screening)
    held_because = _hold_reason(author, screening, category_needs_approval=category.needs_approval)
    with transaction.atomic():
        thread = Thread.objects.create(
            category=category, title=title, author=author,
            visibility=Visibility.HELD if held_because else Visibility.PUBLISHED,
            moderation_reason=held_because, content_warnings=warnings, warning_note=warning_note,
        )
        post = _post_insert(thread, author, screening, warnings, warning_note, held_because)
        return Posted(post, screening)


def post_create(*, author, thread: Thread, body: str, warnings: Sequence[str] = (),
                warning_note: str = "") -> Posted:
    if not permissions.can_reply(author, thread):
        raise PermissionDenied("This thread is not taking replies.")
    refuse_if_silenced(author)
    screening = _screen(author, body)
    warnings, warning_note = _clean_warnings(warnings, warning_note, screening)
    held_because = _hold_reason(author, screening)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        post = _post_insert(thread, author, screening, warnings, warning_note, held_because)
        return Posted(post, screening)


def post_edit(*, post: Post, editor, body: str, warnings: Sequence[str] = (),
              warning_note: str = "") -> Posted:
    """The writer edits their post; the old text is kept as a revision."""
    if not permissions.can_edit_post(editor, post):
        raise PermissionDenied("You can only edit your own posts.")
    refuse_if_silenced(editor)
    screening = _screen(editor, body)
    warnings, warning_note = _clean_warnings(warnings, warning_note, screening)
    with transaction.atomic():
        PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
        post.body, post.html = screening.text, screening.html
        post.content_warnings, post.warning_note = warnings, warning_note
        post.risk, post.risk_topics = screening.risk, list(screening.topics)
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "html", "content_warnings", "warning_note", "risk",
                                 "risk_topics", "edited_at"])
        thread_changed(post.thread_id)
        if screening.action == Action.HOLD and post.visibility == Visibility.PUBLISHED:
            post_set_visibility(post=post, visibility=Visibility.HELD, by=None,
                                reason="Your edit is waiting for a moderator to look at it.")
        screening_flag(content=post, screening=screening)
        return Posted(post, screening)


def post_delete(*, post: Post, by) -> None:
    """Soft delete by the writer: the row stays, readers see that it was removed."""
    if not permissions.can_delete_post(by, post):
        raise PermissionDenied("You can only delete your own posts.")
    post.is_deleted = True
    post.save(update_fields=["is_deleted"])
    thread_changed(post.thread_id)


@transaction.atomic
def reaction_toggle(*, post: Post, user, kind: str) -> bool:
    """Add the reaction, or take it back if given already; True when it is now given."""
    if kind not in Reaction.Kind.values:
        raise ValidationError("That is not one of the reactions.")
    if not permissions.can_react(user, post):
        raise PermissionDenied("You can't react to this post.")
    refuse_if_silenced(user)
    counter = Reaction.COUNT_FIELDS[kind]
    thread_changed(post.thread_id)
    deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(**{counter: F(counter) - 1})
        return False
    Reaction.objects.create(post=post, user=user, kind=kind)
    Post.objects.filter(pk=post.pk).update(**{counter: F(counter) + 1})
    if user.pk not in blocked_ids(post.author):
        notify(users=[post.author], kind=Notification.Kind.REACTION,
               text=f"{user.username}: “{Reaction.Kind(kind).label}” on your post in "
                    f"“{post.thread.title}”",
               url=post.get_absolute_url())
    return True


def thread_follow(*, user, thread: Thread, follow: bool) -> None:
    if follow:
        Subscription.objects.get_or_create(user=user, thread=thread)
    else:
        Subscription.objects.filter(user=user, thread=thread).delete()


def thread_mark_read(*, user, thread: Thread, number: int) -> None:
    """Remember the furthest post the member has seen; never moves backwards."""
    if not user.is_authenticated:
        return
    updated = ReadMark.objects.filter(user=user, thread=thread).update(
        last_read_number=Greatest(F("last_read_number"), number)
    )
    if not updated:
        ReadMark.objects.get_or_create(user=user, thread=thread,
                                       defaults={"last_read_number": number})


def post_visibility_changed(*, post: Post, was: str) -> None:
    """Keep counts right as a post is approved, hidden or restored; announce a first publish."""
    is_visible = post.visibility == Visibility.PUBLISHED
    change = 1 if is_visible else -1
    thread = post.thread
    Thread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + change)
    thread_changed(thread.pk)
    Category.objects.filter(pk=thread.category_id).update(post_count=F("post_count") + change)
    if is_visible and was == Visibility.HELD:
        _published(post)


def thread_visibility_changed(*, thread: Thread) -> None:
    thread_changed(thread.pk)
    change = 1 if thread.visibility == Visibility.PUBLISHED else -1
    Category.objects.filter(pk=thread.category_id).update(thread_count=F("thread_count") + change)


def post_set_visibility(*, post: Post, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a post: counts, pages and followers follow it."""
    with transaction.atomic():
        was = content_set_visibility(content=post, visibility=visibility, by=by, reason=reason)
        if (was == Visibility.PUBLISHED) != (visibility == Visibility.PUBLISHED):
            post_visibility_changed(post=post, was=was)


def thread_set_visibility(*, thread: Thread, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a thread: its category's count and its pages follow it."""
    with transaction.atomic():
        was = content_set_visibility(content=thread, visibility=visibility, by=by,
                                     reason=reason)
        if (was == Visibility.PUBLISHED) != (visibility == Visibility.PUBLISHED):
            thread_visibility_changed(thread=thread)


def post_moderator_edit(*, post: Post, editor, body: str, reason: str) -> None:
    """A moderator's edit: screened like any text, with the old words kept as a revision."""
    screening = _screen(editor, body)
    with transaction.atomic():
        PostRevision.objects.create(post=post, body=post.body, edited_by=editor, reason=reason)
        post.body, post.html, post.edited_at = screening.text, screening.html, timezone.now()
        post.save(update_fields=["body", "html", "edited_at"])
        thread_changed(post.thread_id)


def thread_lock(*, thread: Thread, locked: bool) -> None:
    thread.is_locked = locked
    thread.save(update_fields=["is_locked"])
    thread_changed(thread.pk)


@transaction.atomic
def thread_pin(*, thread: Thread, by, pinned: bool) -> None:
    """Keep a thread at the top of its category, or let it go back among the others."""
    if not is_moderator(by):
        raise PermissionDenied("Only moderators pin threads.")
    if thread.is_pinned == pinned:
        return
    thread.is_pinned = pinned
    thread.save(update_fields=["is_pinned"])
    thread_changed(thread.pk)
    verb = ModerationAction.Verb.PIN if pinned else ModerationAction.Verb.UNPIN
    action_record(actor=by, verb=verb, target=thread)


def thread_retitle(*, thread: Thread, editor, title: str) -> None:
    thread.title = screen(_clean_title(title), author=editor, kind="message").text
    thread.save(update_fields=["title"])
    thread_changed(thread.pk)


@transaction.atomic
def thread_move(*, thread: Thread, category: Category) -> None:
    """Move a thread and its counts to another category."""
    old = thread.category_id
    if category.pk == old:
        return
    if thread.visibility == Visibility.PUBLISHED:
        Category.objects.filter(pk=old).update(thread_count=F("thread_count") - 1,
                                                post_count=F("post_count") - thread.post_count)
        Category.objects.filter(pk=category.pk).update(
            thread_count=F("thread_count") + 1, post_count=F("post_count") + thread.post_count)
    thread.category = category
    thread.save(update_fields=["category"])
    thread_changed(thread.pk)


# What a category shows on each of its thread pages (the way back, the address), or
# decides who may read them: a change means every visitor page is rendered again.
CATEGORY_PAGE_FIELDS = {"name", "slug", "is_public"}


@transaction.atomic
def category_save(*, category: Category, by, changed: Sequence[str] = ()) -> Category:
    """An administrator adds a category or changes the fields named: recorded in the audit
    trail, and its threads' cached pages renewed when what they show changed."""
    if not is_administrator(by):
        raise PermissionDenied("Only administrators set up categories.")
    if category.pk is None:
        category.save()
        action_record(actor=by, verb=ModerationAction.Verb.CATEGORY, target=category,
                      reason=f"Added {category.name}")
        return category
    if not changed:
        return category
    # Only the fields changed: counts move with F() updates as members post.
    category.save(update_fields=list(changed))
    action_record(actor=by, verb=ModerationAction.Verb.CATEGORY, target=category,
                  reason=f"{category.name}: changed {', '.join(changed)}")
    if CATEGORY_PAGE_FIELDS.intersection(changed):
        threads_changed(category.threads.values_list("pk", flat=True))
    return category


def _post_insert(thread, author, screening, warnings, warning_note, held_because) -> Post:
    number = thread.next_number
    Thread.objects.filter(pk=thread.pk).update(next_number=F("next_number") + 1)
    post = Post.objects.create(
        thread=thread, author=author, number=number, body=screening.text, html=screening.html,
        content_warnings=warnings, warning_note=warning_note, risk=screening.risk,
        risk_topics=list(screening.topics),
        visibility=Visibility.HELD if held_because else Visibility.PUBLISHED,
        moderation_reason=held_because,
    )
    Subscription.objects.get_or_create(user=author, thread=thread)
    if held_because:
        flag_content(content=post, source=QueueItem.Source.HELD, priority=Priority.NORMAL,
                     reason=held_because)
    else:
        Thread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + 1)
        Category.objects.filter(pk=thread.category_id).update(post_count=F("post_count") + 1)
        _published(post)
    screening_flag(content=post, screening=screening)
    return post


def _published(post: Post) -> None:
    """A post members can now see: the thread's activity moves on and followers hear of it."""
    thread = post.thread
    thread_changed(thread.pk)
    Thread.objects.filter(pk=thread.pk).update(
        last_post_at=post.created_at, last_post_number=Greatest(F("last_post_number"), post.number),
        last_poster=post.author,
    )
    Category.objects.filter(pk=thread.category_id).update(last_post_at=post.created_at)
    if post.number == 1:
        if thread.visibility == Visibility.HELD:
            # counts the thread in its category
            thread_set_visibility(thread=thread, visibility=Visibility.PUBLISHED, by=None)
        else:
            Category.objects.filter(pk=thread.category_id).update(
                thread_count=F("thread_count") + 1)
        return
    followers = (Subscription.objects.filter(thread=thread).exclude(user=post.author)
                 .exclude(user__blocks_made__blocked=post.author).select_related("user"))
    notify(users=[s.user for s in followers], kind=Notification.Kind.REPLY,
           text=f"{post.author.username} replied in “{thread.title}”",
           url=post.get_absolute_url())


def _screen(author, body: str, *, title: Screening | None = None) -> Screening:
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Please write something before posting."})
    if len(body) > BODY_LENGTH:
        raise ValidationError({"body": f"Please keep a post under {BODY_LENGTH:,} characters. "
                                       f"This one has {len(body):,}."})
    reject_control_characters(body)
    screening = screen(body, author=author, kind="post")
    if title is not None:
        screening = combine(title, screening)
    if screening.action == Action.BLOCK:
        raise ValidationError(screening.message, code="blocked")
    return screening


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    low, high = TITLE_LENGTH
    if not low <= len(title) <= high:
        raise ValidationError({"title": f"Please give a title of {low} to {high} characters."})
    reject_control_characters(title)
    return title


def _clean_warnings(warnings: Sequence[str], note: str, screening: Screening):
    offered = set(ContentWarning.objects.filter(is_active=True).values_list("slug", flat=True))
    chosen = list(dict.fromkeys(warnings))
    if not set(chosen) <= offered:
        raise ValidationError({"warnings": "Please choose warnings from the list."})
    missing = [slug for slug in screening.required_warnings if slug not in chosen]
    if missing:
        names = ", ".join(ContentWarning.objects.filter(slug__in=missing)
                          .values_list("name", flat=True))
        raise ValidationError(
            {"warnings": f"Please add a content warning before posting: {names}."}
        )
    note = note.strip()
    if len(note) > NOTE_LENGTH:
        raise ValidationError({"warning_note": f"Please keep the note under {NOTE_LENGTH} "
                                               "characters."})
    reject_control_characters(note)
    return chosen, note


def _hold_reason(author, screening: Screening, *, category_needs_approval: bool = False) -> str:
    """Why a new post waits for a moderator, or "" when it is published at once."""
    if is_moderator(author):
        return ""
    if screening.action == Action.HOLD:
        return screening.message
    if screening.risk == Risk.URGENT and not moderators_available():
        return OFFLINE_HOLD_REASON
    if category_needs_approval:
        return "New threads here are checked by a moderator before members see them."
    held_first = SiteSettings.current().held_first_posts
    published = Post.objects.filter(author=author, visibility=Visibility.PUBLISHED).count()
    if published < held_first:
        return ("Welcome! A moderator checks new members' first posts before others see them. "
                "It usually doesn't take long.")
    return ""
