"""Writes for moderation: the queue (flags, reports, claims), actions on content, the audit trail.

Content is reached only through its adapter (moderation.adapters): every kind
is handled alike, and each action is applied by the app that owns the content.
Here the action is checked, recorded and the author told.
"""

from collections.abc import Sequence
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from community import roles
from community.models import Notification, Risk, User, WriteLimit
from community.ratelimits import limit_check
from community.realtime import send_event_on_commit
from community.refusals import Refused
from community.roles import is_moderator
from community.services import notify
from community.signposting import resources_for
from moderation.adapters import ContentAction, ContentAdapter, adapter_for
from moderation.cover import duty_changed
from moderation.models import (
    PRIORITY_RANK,
    REPORT_PRIORITY,
    ModerationAction,
    ModerationSettings,
    ModeratorNote,
    ModeratorPresence,
    Priority,
    QueueItem,
    Report,
    ReportReason,
    ScreeningReview,
)
from moderation.permissions import check_act_on, check_moderate, check_report
from moderation.reviews import miss_record, review_record
from moderation.screening import Action, Screening

MODERATORS_GROUP = "moderators"
ALERT_PRIORITIES = {Priority.URGENT, Priority.HIGH}


def action_record(*, actor, verb: str, target=None, member=None, item: QueueItem | None = None,
                  reason: str = "") -> ModerationAction:
    """Add a line to the audit trail: who did what to which content or member, and why."""
    return ModerationAction.objects.create(
        actor=actor,
        verb=verb,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=target.pk if target is not None else None,
        member=member,
        item=item,
        reason=reason[:500],
    )


@transaction.atomic
def flag_content(*, content, source: str, priority: str, reason: str,
                 matches: Sequence[dict] = ()) -> QueueItem:
    """Put content in front of moderators, on its one open queue item."""
    item, is_news = _gather(content, source=source, priority=priority, reason=reason,
                            matches=list(matches))
    action_record(actor=None, verb=ModerationAction.Verb.FLAG, target=content,
                  member=adapter_for(content).author(content), item=item, reason=reason)
    if is_news:
        _announce(item)
    return item


def screening_flag(*, content, screening: Screening) -> QueueItem | None:
    """Queue content whose screening asks for a moderator; None when it does not."""
    if not screening.needs_review:
        return None
    matches = [match.record() for match in screening.matches]
    if screening.risk == Risk.URGENT:
        return flag_content(content=content, source=QueueItem.Source.CRISIS,
                            priority=Priority.URGENT, reason="Crisis language: urgent",
                            matches=matches)
    if screening.risk == Risk.CONCERN:
        return flag_content(content=content, source=QueueItem.Source.CRISIS,
                            priority=Priority.NORMAL, reason="Crisis language: concern",
                            matches=matches)
    held = screening.action == Action.HOLD
    words = ", ".join(m.words for m in screening.matches if m.source == "watched_word")
    return flag_content(
        content=content,
        source=QueueItem.Source.WATCHED_WORD,
        priority=Priority.NORMAL,
        reason=f"Watched words{' (held)' if held else ''}: {words}",
        matches=matches,
    )


@transaction.atomic
def report_create(*, reporter, content, reason: str, note: str = "") -> Report:
    """A member's report; several reports of one piece of content gather on one open item.

    Reports from accounts without standing (moderation.submission.has_standing) reach the
    queue at normal priority, marked, and count toward no hiding: only their note's own
    words can make one urgent. How many a member may send is capped (_refuse_if_too_many).
    """
    check_report(reporter, content)
    if reason not in ReportReason.values:
        raise Refused("reason", "Please choose a reason from the list.", "reason")
    submission = _submission()
    has_standing = submission.has_standing(reporter)
    _refuse_if_too_many(reporter, reason=reason, has_standing=has_standing)
    checked = submission.submission_check(author=reporter, kind="report", text=note,
                                          field="note")
    priority = REPORT_PRIORITY.get(reason, Priority.NORMAL) if has_standing else Priority.NORMAL
    if checked.screening.risk == Risk.URGENT:
        priority = Priority.URGENT  # the note itself says someone is in danger now
    # The note's matches are marked, so they are never taken for a rating of the content.
    item, is_news = _gather(content, source=QueueItem.Source.REPORT, priority=priority,
                           reason=f"Reported: {ReportReason(reason).label}"
                                  f"{'' if has_standing else FROM_NEW_ACCOUNT}",
                           matches=[{**match.record(), "in_note": True}
                                    for match in checked.screening.matches],
                           has_standing=has_standing)
    if item.reports.filter(reporter=reporter).exists():
        raise Refused("duplicate", "You have already reported this. A moderator will look at it.")
    report = Report.objects.create(item=item, reporter=reporter, reason=reason,
                                   note=checked.text, has_standing=has_standing)
    if reason == ReportReason.AT_RISK:
        miss_record(item=item, content=content, reporter=reporter)
    _hide_if_many_reports(item, content)
    if is_news:
        _announce(item)
    return report


FROM_NEW_ACCOUNT = " (from a new account)"
IN_DANGER_NOW = ("If you think someone is in danger right now, “Get help now” at the top of "
                 "every page says who to call.")


def _refuse_if_too_many(reporter, *, reason: str, has_standing: bool) -> None:
    """One member cannot flood the queue: past the administrators' number of reports still
    waiting, or a new account past its day's allowance, further reports are refused kindly
    (the write limit for reports applies too, in submission_check)."""
    if is_moderator(reporter):
        return
    settings, mine = ModerationSettings.current(), Report.objects.filter(reporter=reporter)
    waiting = settings.open_reports_per_member
    if waiting and mine.exclude(item__status=QueueItem.Status.RESOLVED).count() >= waiting:
        message = (f"Thank you for your reports. {waiting} are still waiting for a moderator: "
                   "please wait until they have looked at those before sending more.")
    elif (not has_standing and settings.new_account_daily_reports
          and mine.filter(created_at__gte=timezone.now() - timedelta(days=1)).count()
          >= settings.new_account_daily_reports):
        cap = settings.new_account_daily_reports
        message = (f"New accounts can send {cap} report{'s' if cap != 1 else ''} a day. "
                   "Thank you for looking out for others: you can send more tomorrow.")
    else:
        return
    if reason != ReportReason.AT_RISK:
        raise Refused("too_many_reports", message)
    refused = Refused("too_many_reports", f"{message} {IN_DANGER_NOW}")
    refused.help = resources_for(Risk.URGENT, (), reporter.member.nation, timezone.now())
    raise refused


AUTO_HIDE_TOLD = "Hidden for now: several members reported it. A moderator will look soon."


def _hide_if_many_reports(item: QueueItem, content) -> None:
    """Past the administrators' threshold of distinct reporters with standing, hide until a
    moderator looks. Staff's words stay: reports cannot silence moderators."""
    adapter = adapter_for(content)
    threshold = ModerationSettings.current().auto_hide_reports
    if not threshold or item.is_auto_hidden or not adapter.is_visible(content):
        return
    if is_moderator(adapter.author(content)):
        return
    if item.reports.filter(has_standing=True).values("reporter").distinct().count() < threshold:
        return
    adapter.hide(content, by=None, reason=AUTO_HIDE_TOLD)
    item.is_auto_hidden = True
    item.save(update_fields=["is_auto_hidden"])
    action_record(actor=None, verb=ModerationAction.Verb.HIDE, target=content,
                  member=adapter.author(content), item=item,
                  reason=f"Hidden until a moderator looks: reported by {threshold} members")


def _gather(content, *, source: str, priority: str, reason: str, matches: list,
            has_standing: bool = True) -> tuple[QueueItem, bool]:
    """The content's open item, created or added to; True when it is new or more urgent now.

    `has_standing` False: the priority comes from a new account's report, and the item
    waits behind others of that priority until someone else gives it the same.
    """
    content_type = ContentType.objects.get_for_model(content)
    open_items = QueueItem.objects.select_for_update().filter(
        content_type=content_type, object_id=content.pk
    ).exclude(status=QueueItem.Status.RESOLVED)
    item = open_items.first()
    if item is None:
        try:
            with transaction.atomic():
                return QueueItem.objects.create(
                    content_type=content_type, object_id=content.pk, source=source,
                    priority=priority, reason=reason, matches=matches,
                    is_from_new_account=not has_standing,
                ), True
        except IntegrityError:
            # Another request opened the item a moment ago: join it.
            item = open_items.get()
    is_more_urgent = PRIORITY_RANK[priority] < PRIORITY_RANK[item.priority]
    if is_more_urgent:
        item.priority, item.is_from_new_account = priority, not has_standing
    elif priority == item.priority and has_standing:
        item.is_from_new_account = False
    item.reason = reason
    item.matches = [*item.matches, *matches]
    item.save(update_fields=["priority", "is_from_new_account", "reason", "matches"])
    return item, is_more_urgent


def _announce(item: QueueItem) -> None:
    """Tell online moderators at once about urgent and high-priority items."""
    if item.priority in ALERT_PRIORITIES:
        send_event_on_commit(MODERATORS_GROUP, {
            "type": "queue.item",
            "id": item.pk,
            "priority": item.priority,
            "reason": item.reason,
        })


# --- Working the queue -------------------------------------------------------------------


def item_viewed(*, item: QueueItem) -> None:
    """Opening an item counts as the first look, for the time it took someone to see it."""
    if item.first_looked_at is None:
        item.first_looked_at = timezone.now()
        # Filtered, so two moderators opening it at once keep the earlier look.
        QueueItem.objects.filter(pk=item.pk, first_looked_at=None).update(
            first_looked_at=item.first_looked_at)


@transaction.atomic
def item_claim(*, item: QueueItem, moderator) -> QueueItem:
    item = _open_item(item, moderator)
    is_claimed = item.is_claim_current(timezone.now(), ModerationSettings.current().claim_minutes)
    if is_claimed and item.claimed_by_id != moderator.pk:
        raise ValidationError(f"{item.claimed_by} is already looking at this.")
    _touch(item, moderator, claim=True)
    action_record(actor=moderator, verb=ModerationAction.Verb.CLAIM, item=item,
                  target=item.content)
    return item


@transaction.atomic
def item_hand_over(*, item: QueueItem, moderator, to, note: str = "") -> QueueItem:
    item = _open_item(item, moderator)
    if not is_moderator(to):
        raise ValidationError("Hand items only to another moderator.")
    item.claimed_by, item.claimed_at = to, timezone.now()
    item.status = QueueItem.Status.CLAIMED
    item.save(update_fields=["claimed_by", "claimed_at", "status"])
    action_record(actor=moderator, verb=ModerationAction.Verb.HAND_OVER, item=item,
                  target=item.content, member=to, reason=note)
    notify(users=[to], kind=Notification.Kind.MODERATION,
           text=f"{moderator.username} handed you a queue item: {item.reason}",
           url=reverse("moderation:item", args=[item.pk]))
    return item


@transaction.atomic
def item_escalate(*, item: QueueItem, moderator, note: str) -> QueueItem:
    """Pass an item to the administrators (the safeguarding leads), at the top of the queue."""
    item = _open_item(item, moderator, claimed_or_not=True)
    if item.escalated_at is not None:
        raise ValidationError(dealt_with(item), code=DEALT_WITH)
    note = note.strip()
    if not note:
        raise ValidationError("Say why you are escalating, for the safeguarding lead.")
    item.escalated_at, item.escalation_note = timezone.now(), note[:500]
    item.priority, item.is_from_new_account = Priority.URGENT, False
    item.save(update_fields=["escalated_at", "escalation_note", "priority",
                             "is_from_new_account"])
    action_record(actor=moderator, verb=ModerationAction.Verb.ESCALATE, item=item,
                  target=item.content, reason=note)
    leads = User.objects.filter(Q(groups__name=roles.ADMINISTRATORS) | Q(is_superuser=True),
                                is_active=True).distinct()
    notify(users=list(leads), kind=Notification.Kind.MODERATION,
           text=f"Escalated by {moderator.username}: {note[:200]}",
           url=reverse("moderation:item", args=[item.pk]))
    _announce(item)
    return item


# --- Acting on content --------------------------------------------------------------------
# Closing an item screening raised takes the moderator's `verdict` on its rating
# (moderation.reviews): "right", "too-high" or "too-low".


@transaction.atomic
def content_approve(*, item: QueueItem, moderator, verdict: str = "") -> None:
    """Publish held content and close its item."""
    item = _open_item(item, moderator)
    content = _content_of(item)
    review = review_record(item=item, reviewer=moderator, verdict=verdict)
    adapter = _applicable(content, ContentAction.APPROVE)
    adapter.approve(content, by=moderator)
    _resolve(item, content, moderator, ModerationAction.Verb.APPROVE, "", review)
    _tell_author(content, adapter, f"A moderator approved your {_named(content, adapter)}. "
                                   f"Now {adapter.readers(content)} can see it.")


@transaction.atomic
def reports_dismiss(*, item: QueueItem, moderator, reason: str = "", verdict: str = "") -> None:
    """Nothing to act on: close the item, and bring back content the reports hid."""
    item = _open_item(item, moderator)
    content = _content_of(item)
    review = review_record(item=item, reviewer=moderator, verdict=verdict)
    if item.is_auto_hidden and content is not None:
        adapter = adapter_for(content)
        if ContentAction.RESTORE in adapter.actions(content):
            adapter.restore(content, by=moderator)
    _resolve(item, content, moderator, ModerationAction.Verb.DISMISS,
             reason or "Reports dismissed", review)


@transaction.atomic
def content_hide(*, item: QueueItem, moderator, reason: str, verdict: str = "") -> None:
    item = _open_item(item, moderator)
    content = _content_of(item)
    _hide(item, content, moderator, reason,
          review_record(item=item, reviewer=moderator, verdict=verdict))


def _hide(item: QueueItem | None, content, moderator, reason: str,
          review: ScreeningReview | None) -> None:
    reason = _required_reason(reason)
    adapter = _applicable(content, ContentAction.HIDE)
    adapter.hide(content, by=moderator, reason=reason)
    _done(item, content, moderator, ModerationAction.Verb.HIDE, reason, review)
    _tell_author(content, adapter, f"A moderator hid your {_named(content, adapter)}. "
                                   f"The reason: {reason}")


@transaction.atomic
def content_restore(*, content, moderator, reason: str = "") -> None:
    check_moderate(moderator)
    content = _fresh(content)
    adapter = _applicable(content, ContentAction.RESTORE)
    adapter.restore(content, by=moderator)
    action_record(actor=moderator, verb=ModerationAction.Verb.RESTORE, target=content,
                  member=adapter.author(content), reason=reason)
    _tell_author(content, adapter, f"A moderator restored your {_named(content, adapter)}. "
                                   f"Now {adapter.readers(content)} can see it again.")


@transaction.atomic
def content_edit(*, item: QueueItem, moderator, text: str, reason: str,
                 verdict: str = "") -> None:
    """Edit the words (the content's app keeps the old version) and close the item."""
    item = _open_item(item, moderator)
    content = _content_of(item)
    _edit(item, content, moderator, text, reason,
          review_record(item=item, reviewer=moderator, verdict=verdict))


def _edit(item: QueueItem | None, content, moderator, text: str, reason: str,
          review: ScreeningReview | None) -> None:
    reason = _required_reason(reason)
    adapter = _applicable(content, ContentAction.EDIT)
    named = _named(content, adapter)  # as the author knew it: the edit may change its title
    adapter.edit(content, by=moderator, text=text, reason=reason)
    _done(item, content, moderator, ModerationAction.Verb.EDIT, reason, review)
    _tell_author(content, adapter, f"A moderator edited your {named}. The reason: {reason}")


# --- Acting where members read ------------------------------------------------------------
# The menu on each post and chat message acts on the content itself, through the same rules,
# locks and audit as the queue. An open queue item for the content is closed by the hide or
# edit, in the same transaction, so the queue never keeps an item someone already dealt with.
# A verdict on screening's rating is recorded when given: the menu's page asks for it, but a
# moderator taking a message down in a live room is not held up for one.


@transaction.atomic
def content_hide_where_read(*, content, moderator, reason: str, verdict: str = "") -> None:
    item = _open_item_of(content, moderator)
    content = _fresh(content)
    _hide(item, content, moderator, reason, _review_if_given(item, moderator, verdict))


@transaction.atomic
def content_edit_where_read(*, content, moderator, text: str, reason: str,
                            verdict: str = "") -> None:
    """Edit the words (the content's app keeps the old version), closing any open item."""
    item = _open_item_of(content, moderator)
    content = _fresh(content)
    _edit(item, content, moderator, text, reason, _review_if_given(item, moderator, verdict))


def _open_item_of(content, moderator) -> QueueItem | None:
    """The content's open queue item, locked as _open_item locks it (and so before the
    content, in the same order as the queue's actions); None when it has none. Another
    moderator's current claim keeps it theirs here too."""
    check_moderate(moderator)
    item = (QueueItem.objects.select_for_update()
            .filter(content_type=ContentType.objects.get_for_model(content),
                    object_id=content.pk)
            .exclude(status=QueueItem.Status.RESOLVED).first())
    if item is not None:
        check_act_on(moderator, item)
    return item


def _review_if_given(item: QueueItem | None, moderator, verdict: str) -> ScreeningReview | None:
    if item is None or not verdict:
        return None
    return review_record(item=item, reviewer=moderator, verdict=verdict)


@transaction.atomic
def content_clear(*, item: QueueItem, moderator, reason: str, verdict: str = "") -> None:
    """Remove the words altogether (a profile's text) and close the item."""
    item = _open_item(item, moderator)
    content = _content_of(item)
    review = review_record(item=item, reviewer=moderator, verdict=verdict)
    reason = _required_reason(reason)
    adapter = _applicable(content, ContentAction.CLEAR)
    adapter.clear(content, by=moderator, reason=reason)
    _resolve(item, content, moderator, ModerationAction.Verb.CLEAR, reason, review)
    _tell_author(content, adapter, f"A moderator cleared your {_named(content, adapter)}. "
                                   f"The reason: {reason}")


@transaction.atomic
def content_lock(*, content, moderator, locked: bool, reason: str = "") -> None:
    check_moderate(moderator)
    content = _fresh(content)
    adapter = _applicable(content, ContentAction.LOCK if locked else ContentAction.UNLOCK)
    adapter.lock(content, by=moderator, locked=locked)
    verb = ModerationAction.Verb.LOCK if locked else ModerationAction.Verb.UNLOCK
    action_record(actor=moderator, verb=verb, target=content, member=adapter.author(content),
                  reason=reason)


@transaction.atomic
def content_move(*, content, moderator, destination: str, reason: str = "") -> None:
    check_moderate(moderator)
    content = _fresh(content)
    adapter = _applicable(content, ContentAction.MOVE)
    if destination not in dict(adapter.move_choices(content)):
        raise ValidationError("Choose where to move it from the list.")
    adapter.move(content, by=moderator, destination=destination)
    action_record(actor=moderator, verb=ModerationAction.Verb.MOVE, target=content,
                  member=adapter.author(content), reason=reason or f"Moved to {destination}")


@transaction.atomic
def note_add(*, member, moderator, text: str) -> ModeratorNote:
    check_moderate(moderator)
    text = _submission().submission_check(author=moderator, kind="note", text=text,
                                          field="text").text
    note = ModeratorNote.objects.create(member=member, author=moderator, text=text)
    action_record(actor=moderator, verb=ModerationAction.Verb.NOTE, member=member)
    return note


def _submission():
    """The submission path, which files its own flags through this module: imported late."""
    from moderation import submission

    return submission


def presence_touch(*, moderator, now=None) -> None:
    """Record that a moderator is active, so members are not told nobody is around."""
    check_moderate(moderator)
    ModeratorPresence.objects.update_or_create(
        moderator=moderator, defaults={"last_seen_at": now or timezone.now()}
    )


@transaction.atomic
def duty_set(*, moderator, on_duty: bool) -> None:
    """Go on or off duty. Off duty, a moderator does not count as around: when nobody does,
    members are told so and urgent words wait for a moderator (moderation.cover)."""
    check_moderate(moderator)
    limit_check(member=moderator, kind=WriteLimit.Kind.DUTY,
                reason="You have gone on and off duty a lot in a short time.")
    now = timezone.now()
    presence, _ = ModeratorPresence.objects.select_for_update().get_or_create(
        moderator=moderator, defaults={"last_seen_at": now})
    if presence.is_on_duty == on_duty:
        return  # already so: a second press, or another tab
    # Choosing is using the site, so going on duty counts at once.
    presence.is_on_duty, presence.last_seen_at = on_duty, now
    presence.save(update_fields=["is_on_duty", "last_seen_at"])
    action_record(actor=moderator, verb=ModerationAction.Verb.DUTY_ON if on_duty
                  else ModerationAction.Verb.DUTY_OFF)
    transaction.on_commit(lambda: duty_changed(moderator.pk))


DEALT_WITH = "dealt_with"


def dealt_with(item: QueueItem) -> str:
    """What a moderator acting on an item someone else has just closed (or escalated) reads:
    who did what, and why; the item page shows the rest of the story."""
    text = "Someone else dealt with this a moment ago: see what they did."
    latest = item.actions.select_related("actor").first()  # newest first
    if latest is None:
        return text
    who = latest.actor.username if latest.actor else "The site"
    why = f": “{latest.reason}”" if latest.reason else ""
    return f"{text} Latest: {who}, {latest.get_verb_display().lower()}{why}."


def _open_item(item: QueueItem, moderator, *, claimed_or_not: bool = False) -> QueueItem:
    """The item as it is now, locked until the action commits, so two moderators acting at
    once take turns and the second learns it is done. `claimed_or_not`: another's claim
    does not stop it (anyone may alert the safeguarding lead)."""
    check_moderate(moderator)
    item = QueueItem.objects.select_for_update().select_related("content_type").get(pk=item.pk)
    if item.status == QueueItem.Status.RESOLVED:
        raise ValidationError(dealt_with(item), code=DEALT_WITH)
    if not claimed_or_not:
        check_act_on(moderator, item)
    return item


def _content_of(item: QueueItem):
    return _locked_content(item.content_type.model_class(), item.object_id)


def _fresh(content):
    return _locked_content(type(content), content.pk) if content is not None else None


def _locked_content(model, pk):
    """The content as it is now, locked until the action commits: a copy read earlier may
    say held when another moderator has just hidden it, and counts follow what it was.
    None when it no longer exists."""
    if model is None:
        return None
    return (adapter_for(model).queryset().select_for_update(no_key=True, of=("self",))
            .filter(pk=pk).first())


def _applicable(content, action: str) -> ContentAdapter:
    """The content's adapter, when the action applies to the content as it stands."""
    if content is None:
        raise ValidationError("The content no longer exists, so there is nothing to act on.")
    adapter = adapter_for(content)
    if action not in adapter.actions(content):
        raise ValidationError(f"That can't be done to this {adapter.kind} now.")
    return adapter


def _tell_author(content, adapter: ContentAdapter, text: str) -> None:
    notify(users=[adapter.author(content)], kind=Notification.Kind.MODERATION, text=text,
           url=adapter.url(content))


def _named(content, adapter: ContentAdapter) -> str:
    """The content as its author would name it: "chat message in Evening drop-in"."""
    place = adapter.place(content)
    return f"{adapter.kind} {place}" if place else adapter.kind


def _required_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError("Give a reason: the member will see it.")
    return reason[:500]


def _touch(item: QueueItem, moderator, *, claim: bool = False) -> None:
    """A moderator looked at or acted on the item: the first look and the claim are noted."""
    now = timezone.now()
    fields = []
    if item.first_looked_at is None:
        item.first_looked_at = now
        fields.append("first_looked_at")
    if claim or item.claimed_by_id == moderator.pk:
        item.claimed_by, item.claimed_at, item.status = moderator, now, QueueItem.Status.CLAIMED
        fields += ["claimed_by", "claimed_at", "status"]
    item.save(update_fields=fields)


def _done(item: QueueItem | None, content, moderator, verb: str, reason: str,
          review: ScreeningReview | None = None) -> None:
    """Record an action on content: closing its queue item, or on its own without one."""
    if item is not None:
        _resolve(item, content, moderator, verb, reason, review)
        return
    action_record(actor=moderator, verb=verb, target=content,
                  member=adapter_for(content).author(content), reason=reason)


def _resolve(item: QueueItem, content, moderator, verb: str, reason: str,
             review: ScreeningReview | None = None) -> None:
    if review is not None:
        rating = f"Screening's rating: {review.get_verdict_display().lower()}"
        reason = f"{reason}. {rating}" if reason else rating
    _touch(item, moderator)
    item.status, item.resolved_at, item.resolved_by = (
        QueueItem.Status.RESOLVED, timezone.now(), moderator)
    item.save(update_fields=["status", "resolved_at", "resolved_by"])
    action_record(actor=moderator, verb=verb, item=item, target=content,
                  member=adapter_for(content).author(content) if content is not None else None,
                  reason=reason)
    reporters = User.objects.filter(reports_made__item=item).distinct()
    # Reporters learn that someone looked, never what happened to whom.
    notify(users=list(reporters), kind=Notification.Kind.MODERATION,
           text="Thank you for your report. A moderator has looked at it.")
