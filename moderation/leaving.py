"""What moderation keeps about a member, for their export, and the audit lines for leaving
(community.leaving). Reports, sanctions, notes and the queue are kept when a member leaves:
they point at the "former member" shell their account becomes, so nothing names them."""

from community.emails import site_url
from community.leaving import Event, PersonalData, Section, when_text
from moderation.adapters import adapter_for
from moderation.models import ModerationAction, QueueItem, Report, Sanction
from moderation.services import action_record

VERBS = {Event.EXPORTED: ModerationAction.Verb.DATA_EXPORT,
         Event.DELETED: ModerationAction.Verb.ACCOUNT_DELETE}


class ModerationData(PersonalData):
    def export(self, user) -> list[Section]:
        reports = []
        for report in Report.objects.filter(reporter=user).select_related(
                "item__content_type").order_by("created_at"):
            item = report.item
            reports.append({
                "When": when_text(report.created_at), "Why": report.get_reason_display(),
                "Your note": report.note, "About": _what(item),
                "State": "Dealt with" if item.status == QueueItem.Status.RESOLVED
                else "Waiting for a moderator"})
        # What the member was told: never the moderator's name or private note.
        sanctions = [{"What": sanction.get_kind_display(), "Why": sanction.reason,
                      "From": when_text(sanction.created_at), "Until": when_text(sanction.ends_at),
                      "Lifted": when_text(sanction.lifted_at),
                      "You read it": when_text(sanction.acknowledged_at)}
                     for sanction in Sanction.objects.filter(member=user).order_by("created_at")]
        return [
            Section("reports_made", "Reports you made",
                    "What you reported and why. Who wrote it and what moderators said among "
                    "themselves are not included.", reports),
            Section("warnings_and_sanctions", "Warnings and sanctions",
                    "What the moderators told you, and when.", sanctions),
        ]

    def recorded(self, user, *, event: str) -> None:
        action_record(actor=user, verb=VERBS[event], member=user)


def _what(item: QueueItem) -> str:
    """The kind of thing reported, and its link."""
    model = item.content_type.model_class()
    content = item.content
    if model is None or content is None:
        return "Something since removed"
    adapter = adapter_for(content)
    return f"{adapter.kind.capitalize()}: {site_url(adapter.url(content))}"
