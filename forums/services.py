"""Writes in the forums: starting threads, replying, editing, deleting, reacting, following.

Every text goes through the one submission path (moderation.submission):
refused text raises Refused with the message to show beside the kept text;
held text is stored unseen and queued; risky text is published and queued,
and the view shows the writer help at once.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Sum
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone

from community.emails import email_send, site_url
from community.models import Notification, Risk, WriteLimit
from community.permissions import check_member
from community.ratelimits import limit_check
from community.roles import is_administrator
from community.selectors import digest_readers
from community.services import (
    content_set_visibility,
    digest_claim,
    digest_give_back,
    notify,
)
from forums import permissions
from forums.models import (
    Category,
    NotifiedReaction,
    Post,
    PostRevision,
    Reaction,
    ReadMark,
    Subscription,
    Thread,
    ThreadTitleRevision,
)
from forums.page_cache import thread_changed, threads_changed
from forums.selectors import DigestThread, digest_threads
from moderation.content import Reason, Visibility
from moderation.models import ModerationAction
from moderation.permissions import check_moderate
from moderation.sanctions import refuse_if_silenced
from moderation.screening import Screening
from moderation.services import action_record
from moderation.submission import Checked, check_writer, submission_check, submission_recorded

DOUBLE_SEND_WINDOW = timedelta(minutes=1)
READ_MARK_SECONDS = 24 * 60 * 60
APPROVAL_TOLD = "New threads here are checked by a moderator before members see them."


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
    permissions.check_start_thread(author, category)
    approval = Reason(APPROVAL_TOLD, f"Held: new threads in {category.name} wait for approval")
    checked = submission_check(
        author=author, kind="thread", text=body, title=title, warnings=warnings,
        warning_note=warning_note, approval=approval if category.needs_approval else None)
    with transaction.atomic():
        # Locked so a form sent twice at once finds its first copy.
        Category.objects.select_for_update(no_key=True).filter(pk=category.pk).first()
        same = _just_sent(Post.objects.filter(number=1, thread__category=category,
                                              thread__title=checked.title), author, checked)
        if same:
            return Posted(same, checked.screening)
        thread = Thread.objects.create(
            category=category, title=checked.title, author=author,
            visibility=Visibility.HELD if checked.is_held else Visibility.PUBLISHED,
            moderation_reason=checked.held_because, content_warnings=list(checked.warnings),
            warning_note=checked.warning_note,
        )
        post = _post_insert(thread, author, checked)
        return Posted(post, checked.screening)


def post_create(*, author, thread: Thread, body: str, warnings: Sequence[str] = (),
                warning_note: str = "") -> Posted:
    permissions.check_reply(author, thread)
    checked = submission_check(author=author, kind="post", text=body, warnings=warnings,
                               warning_note=warning_note)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        same = _just_sent(thread.posts.all(), author, checked)
        post = same or _post_insert(thread, author, checked)
        return Posted(post, checked.screening)


def post_edit(*, post: Post, editor, body: str, warnings: Sequence[str] = (),
              warning_note: str = "") -> Posted:
    """The writer edits their post; the old text is kept as a revision."""
    permissions.check_edit_post(editor, post)
    checked = submission_check(author=editor, kind="edit", text=body, warnings=warnings,
                               warning_note=warning_note)
    screening = checked.screening
    with transaction.atomic():
        PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
        post.body, post.html = checked.text, checked.html
        post.content_warnings, post.warning_note = list(checked.warnings), checked.warning_note
        post.risk, post.risk_topics = screening.risk, list(screening.topics)
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "html", "content_warnings", "warning_note", "risk",
                                 "risk_topics", "edited_at"])
        thread_changed(post.thread_id)
        if checked.is_held and post.visibility == Visibility.PUBLISHED:
            post_set_visibility(post=post, visibility=Visibility.HELD, by=None,
                                reason="Your edit is waiting for a moderator to look at it.")
        submission_recorded(content=post, checked=checked, author=editor)
        return Posted(post, screening)


def post_delete(*, post: Post, by) -> None:
    """Soft delete by the writer: the row stays, readers see that it was removed.

    Counts are unchanged: the post keeps its place in the thread as a "removed" row.
    """
    permissions.check_delete_post(by, post)
    check_writer(by, even_if_muted=True)
    post.is_deleted = True
    post.save(update_fields=["is_deleted"])
    thread_changed(post.thread_id)


@transaction.atomic
def reaction_set(*, post: Post, user, kind: str, given: bool = True) -> bool:
    """Give the reaction or take it back; True when that changed anything.

    The member says which they want rather than flipping it, so a double click or
    a form sent twice gives one reaction, never a reaction and its undoing.
    """
    if kind not in Reaction.Kind.values:
        raise ValidationError("That is not one of the reactions.")
    permissions.check_react(user, post)
    refuse_if_silenced(user)
    limit_check(member=user, kind=WriteLimit.Kind.REACTION)
    counter = Reaction.COUNT_FIELDS[kind]
    if not given:
        deleted, _ = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            Post.objects.filter(pk=post.pk).update(**{counter: F(counter) - 1})
            thread_changed(post.thread_id)
        return bool(deleted)
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=user, kind=kind)
    except IntegrityError:
        return False  # given a moment ago, by the same click sent twice
    Post.objects.filter(pk=post.pk).update(**{counter: F(counter) + 1})
    thread_changed(post.thread_id)
    if NotifiedReaction.objects.get_or_create(post=post, user=user, kind=kind)[1]:
        title = post.thread.title
        notify(users=[post.author], kind=Notification.Kind.REACTION, actor=user,
               key=f"post:{post.pk}", url=post.get_absolute_url(),
               text=f"{user.username}: “{Reaction.Kind(kind).label}” on your post in “{title}”",
               text_for_many=f"reactions to your post in “{title}”")
    return True


def thread_follow(*, user, thread: Thread, follow: bool) -> None:
    check_member(user)
    permissions.check_see_thread(user, thread)
    check_writer(user, even_if_muted=True)
    if follow:
        Subscription.objects.get_or_create(user=user, thread=thread)
    else:
        Subscription.objects.filter(user=user, thread=thread).delete()


def digests_send(*, now=None) -> int:
    """Email each member who chose the daily digest about new replies in the threads they
    follow, since their last digest. At most one a day each (by the site's date), so a
    second run the same day sends nothing; a failed email is tried again by the next run.
    Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for choices in digest_readers():
        since = digest_claim(choices=choices, now=now)
        if since is None:
            continue
        threads = digest_threads(choices.user, since, now)
        if not threads:
            continue
        lines = ["There are new replies in threads you follow:",
                 *map(_digest_line, threads), "All the forums:"]
        if email_send(user=choices.user, subject="New replies in threads you follow",
                      lines=lines, path=reverse("forums:index")):
            sent += 1
        else:
            digest_give_back(choices=choices)
    return sent


def _digest_line(row: DigestThread) -> str:
    """The thread, how many replies, and a link to the first one the member has not read."""
    unread = reverse("forums:thread_unread", args=[row.thread.category.slug, row.thread.pk])
    replies = "1 new reply" if row.replies == 1 else f"{row.replies} new replies"
    return f"{row.name}: {replies}\n{site_url(unread)}"


def thread_mark_read(*, user, thread: Thread, number: int) -> None:
    """Remember the furthest post the member has seen; never moves backwards."""
    if not user.is_authenticated:
        return
    # Rereading a page writes nothing: the furthest number written is kept in the cache.
    written = f"forums:read:{user.pk}:{thread.pk}"
    if cache.get(written, 0) >= number:
        return
    updated = ReadMark.objects.filter(user=user, thread=thread).update(
        last_read_number=Greatest(F("last_read_number"), number)
    )
    if not updated:
        ReadMark.objects.get_or_create(user=user, thread=thread,
                                       defaults={"last_read_number": number})
    # Pages are not one transaction, so the mark is already stored; were it rolled back
    # after all, the reader's next page further on writes it again.
    cache.set(written, number, READ_MARK_SECONDS)


def post_visibility_changed(*, post: Post, was: str) -> None:
    """Counts follow a post as it is approved, hidden or restored; a first publish is announced."""
    if post.visibility == Visibility.PUBLISHED and was == Visibility.HELD:
        _published(post)
        return
    _counts_refresh(post.thread)
    thread_changed(post.thread_id)


def thread_visibility_changed(*, thread: Thread) -> None:
    _counts_refresh(thread)
    thread_changed(thread.pk)


def post_set_visibility(*, post: Post, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a post: counts, pages and followers follow it. Called by this
    app's services and moderation's adapter, which check who may do it first."""
    with transaction.atomic():
        was = content_set_visibility(content=post, visibility=visibility, by=by, reason=reason)
        if (was == Visibility.PUBLISHED) != (visibility == Visibility.PUBLISHED):
            post_visibility_changed(post=post, was=was)


def thread_set_visibility(*, thread: Thread, visibility: str, by, reason: str = "") -> None:
    """Hold, hide or publish a thread: its category's count and its pages follow it. Called
    by this app's services and moderation's adapter, which check who may do it first."""
    with transaction.atomic():
        was = content_set_visibility(content=thread, visibility=visibility, by=by,
                                     reason=reason)
        if (was == Visibility.PUBLISHED) != (visibility == Visibility.PUBLISHED):
            thread_visibility_changed(thread=thread)


def post_moderator_edit(*, post: Post, editor, body: str, reason: str) -> None:
    """A moderator's edit: checked like any text, with the old words kept as a revision."""
    check_moderate(editor)
    checked = submission_check(author=editor, kind="edit", text=body,
                               warnings=post.content_warnings, warning_note=post.warning_note)
    with transaction.atomic():
        PostRevision.objects.create(post=post, body=post.body, edited_by=editor, reason=reason)
        post.body, post.html, post.edited_at = checked.text, checked.html, timezone.now()
        post.save(update_fields=["body", "html", "edited_at"])
        thread_changed(post.thread_id)


def thread_lock(*, thread: Thread, locked: bool) -> None:
    """Through moderation's adapter only, once moderation has checked the moderator."""
    thread.is_locked = locked
    thread.save(update_fields=["is_locked"])
    thread_changed(thread.pk)


@transaction.atomic
def thread_pin(*, thread: Thread, by, pinned: bool) -> None:
    """Keep a thread at the top of its category, or let it go back among the others."""
    check_moderate(by)
    if thread.is_pinned == pinned:
        return
    thread.is_pinned = pinned
    thread.save(update_fields=["is_pinned"])
    thread_changed(thread.pk)
    verb = ModerationAction.Verb.PIN if pinned else ModerationAction.Verb.UNPIN
    action_record(actor=by, verb=verb, target=thread)


def thread_retitle(*, thread: Thread, editor, title: str) -> None:
    """A moderator's new title, through moderation's adapter (which audits it)."""
    check_moderate(editor)
    new_title = submission_check(author=editor, kind="title", text=title, field="title").text
    with transaction.atomic():
        _title_set(thread, new_title, editor)


TITLE_HELD = "Your new title is waiting for a moderator to look at it."


@dataclass(frozen=True)
class Retitled:
    """What happened to a starter's new title, for the view to tell them."""

    thread: Thread
    is_held: bool
    help: list  # help lines for words that suggest risk


def thread_title_edit(*, thread: Thread, editor, title: str) -> Retitled:
    """The member who started a thread changes its title: checked like any text they write
    (sanctions, the edit rate limit, length, screening), the old title kept as a revision.
    A title screening holds waits with its thread for a moderator, as a held edit does."""
    permissions.check_retitle(editor, thread)
    checked = submission_check(author=editor, kind="title", text=title, field="title")
    with transaction.atomic():
        thread = Thread.objects.select_for_update().select_related("category").get(pk=thread.pk)
        permissions.check_retitle(editor, thread)  # as it stands now it is locked
        if checked.text == thread.title:
            return Retitled(thread, thread.visibility == Visibility.HELD, [])
        _title_set(thread, checked.text, editor)
        if checked.is_held and thread.visibility == Visibility.PUBLISHED:
            thread_set_visibility(thread=thread, visibility=Visibility.HELD, by=None,
                                  reason=TITLE_HELD)
        resources = submission_recorded(content=thread, checked=checked, author=editor)
    return Retitled(thread, thread.visibility == Visibility.HELD, resources)


def _title_set(thread: Thread, title: str, editor) -> None:
    ThreadTitleRevision.objects.create(thread=thread, title=thread.title, edited_by=editor)
    thread.title = title
    thread.save(update_fields=["title"])
    thread_changed(thread.pk)


@transaction.atomic
def thread_move(*, thread: Thread, category: Category) -> None:
    """Move a thread; both categories are recounted. Through moderation's adapter, which
    checks the moderator first."""
    old = Thread.objects.select_for_update(no_key=True).values_list(
        "category_id", flat=True).get(pk=thread.pk)
    if category.pk == old:
        return
    thread.category = category
    thread.save(update_fields=["category"])
    _counts_refresh(thread, left=old)
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


def _just_sent(posts, author, checked: Checked) -> Post | None:
    """The same words from the same writer moments ago: a double click or a form sent
    twice, answered with the post it already made rather than a copy."""
    since = timezone.now() - DOUBLE_SEND_WINDOW
    return posts.filter(author=author, body=checked.text, created_at__gte=since,
                        is_deleted=False).order_by("-pk").first()


def _post_insert(thread, author, checked: Checked) -> Post:
    number = thread.next_number
    Thread.objects.filter(pk=thread.pk).update(next_number=F("next_number") + 1)
    screening = checked.screening
    post = Post.objects.create(
        thread=thread, author=author, number=number, body=checked.text, html=checked.html,
        content_warnings=list(checked.warnings), warning_note=checked.warning_note,
        risk=screening.risk, risk_topics=list(screening.topics),
        visibility=Visibility.HELD if checked.is_held else Visibility.PUBLISHED,
        moderation_reason=checked.held_because,
    )
    Subscription.objects.get_or_create(user=author, thread=thread)
    if not checked.is_held:
        _published(post)
    submission_recorded(content=post, checked=checked, author=author)
    return post


def _published(post: Post) -> None:
    """A post members can now see: the counts move on and followers hear of it."""
    thread = post.thread
    if post.number == 1 and thread.visibility == Visibility.HELD:
        # A thread is published with its first post.
        thread_set_visibility(thread=thread, visibility=Visibility.PUBLISHED, by=None)
    _counts_refresh(thread)
    thread_changed(thread.pk)
    if post.number == 1 or not Thread.objects.filter(
            pk=thread.pk, visibility=Visibility.PUBLISHED).exists():
        return  # a hidden thread's title is not news to anyone
    followers = Subscription.objects.filter(thread=thread).exclude(user=post.author)
    notify(users=[s.user for s in followers.select_related("user")],
           kind=Notification.Kind.REPLY, actor=post.author, key=f"thread:{thread.pk}",
           text=f"{post.author.username} replied in “{thread.title}”",
           text_for_many=f"new replies in “{thread.title}”", url=post.get_absolute_url())


@transaction.atomic(savepoint=False)
def _counts_refresh(thread: Thread, *, left: int | None = None) -> None:
    """Recount a thread and its category (and one it has just left) from the rows.

    Called after the write, in its transaction (or in one of its own, so the locks hold).
    The thread is locked before its categories, and categories in id order, so concurrent
    writers queue rather than deadlock, and the last of them counts every committed row as
    well as its own. The category is read from the locked row: the caller's copy may
    predate a move. FOR NO KEY UPDATE, so inserting a thread or post (which takes a key
    share lock on the row it points at) neither waits for it nor deadlocks with it.
    """
    category = Thread.objects.select_for_update(no_key=True).values_list(
        "category_id", flat=True).get(pk=thread.pk)
    readable = Post.objects.filter(thread=thread.pk, visibility=Visibility.PUBLISHED)
    last = readable.order_by("-number").only("created_at", "number", "author").first()
    Thread.objects.filter(pk=thread.pk).update(
        post_count=readable.count(), last_post_at=last and last.created_at,
        last_post_number=last.number if last else 0, last_poster=last and last.author_id,
    )
    categories_recount([category, left])


@transaction.atomic(savepoint=False)
def categories_recount(category_ids) -> None:
    """Recount categories from their threads (locked in id order, as above)."""
    locked = (Category.objects.select_for_update(no_key=True).filter(pk__in=category_ids)
              .order_by("pk").values_list("pk", flat=True))
    for pk in locked:
        shown = Thread.objects.filter(category=pk, visibility=Visibility.PUBLISHED)
        Category.objects.filter(pk=pk).update(**shown.aggregate(
            thread_count=Count("pk"), post_count=Coalesce(Sum("post_count"), 0),
            last_post_at=Max("last_post_at"),
        ))
