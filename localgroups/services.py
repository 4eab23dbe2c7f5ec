"""Writes to the local groups directory: saving an entry, marking entries checked, and
telling administrators about entries nobody has checked for a year."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from community import roles
from community.models import Notification, User, WriteLimit
from community.ratelimits import limit_check
from community.services import notify
from localgroups.models import STALE_AFTER, GroupTopic, PeerGroup
from localgroups.permissions import check_edit_group

# Directory edits share the edit rate, in a scope of their own.
LIMIT_SCOPE = "local-groups"


def _limit(actor: User | None) -> None:
    if actor is not None:
        limit_check(member=actor, kind=WriteLimit.Kind.EDIT, scope=LIMIT_SCOPE)


@transaction.atomic
def group_save(*, actor: User | None, group: PeerGroup, topics: Iterable[str]) -> PeerGroup:
    """Validate and store an entry and its topics. `actor` None is the system (demo data).

    The permission check runs on the entry as it will be saved, so a partner can neither
    change another organisation's entry nor move their own to another organisation.
    """
    if actor is not None:
        check_edit_group(actor, group)
        if group.pk:
            check_edit_group(actor, PeerGroup.objects.get(pk=group.pk))
    _limit(actor)
    group.full_clean()
    if group.pk and group.last_checked and not group.needs_checking:
        group.stale_notified_at = None
    group.save()
    wanted = set(topics)
    group.topics.exclude(topic__in=wanted).delete()
    have = set(group.topics.values_list("topic", flat=True))
    GroupTopic.objects.bulk_create(
        [GroupTopic(group=group, topic=topic) for topic in sorted(wanted - have)])
    return group


@transaction.atomic
def groups_mark_checked(*, actor: User, groups: Iterable[PeerGroup]) -> int:
    """Record that someone confirmed these entries today; they stop being flagged."""
    groups = list(groups)
    for group in groups:
        check_edit_group(actor, group)
    _limit(actor)
    return PeerGroup.objects.filter(pk__in=[group.pk for group in groups]).update(
        last_checked=timezone.localdate(), stale_notified_at=None)


def stale_groups_notify(*, today=None) -> int:
    """Tell administrators, once per entry, about each entry not checked for a year.

    An entry checked again and then left for another year is told about again.
    Returns how many entries were told about.
    """
    today = today or timezone.localdate()
    stale = list(PeerGroup.objects.filter(last_checked__lt=today - STALE_AFTER,
                                          stale_notified_at=None).order_by("pk"))
    if not stale:
        return 0
    administrators = list(User.objects.filter(
        Q(groups__name=roles.ADMINISTRATORS) | Q(is_superuser=True), is_active=True).distinct())
    told = 0
    for group in stale:
        with transaction.atomic():
            # Claim the entry first, so two runs at once never tell about it twice.
            claimed = PeerGroup.objects.filter(pk=group.pk, stale_notified_at=None).update(
                stale_notified_at=timezone.now())
            if not claimed:
                continue
            notify(users=administrators, kind=Notification.Kind.MODERATION,
                   text=f"Local group '{group.name[:150]}' has not been checked for a year. "
                        f"Please check its details are still right.",
                   url=reverse("admin:localgroups_peergroup_change", args=[group.pk]))
            told += 1
    return told
