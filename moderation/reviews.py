"""What moderators and members say about screening's ratings, recorded as they act.

A moderator closing an item screening raised says whether its rating was right,
too high or too low; a member's "someone may be at risk" report on words
screening saw no risk in is a miss. Administrators learn from both on the
screening page (moderation.feedback).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from community.models import Risk
from moderation.adapters import adapter_for
from moderation.models import RAISING_LEVELS, QueueItem, ScreeningReview
from moderation.screening import screen

Verdict = ScreeningReview.Verdict
VERDICT_MISSING = "Say whether screening's rating was right, too high or too low."


def crisis_matches(matches: list[dict]) -> list[dict]:
    """The crisis rules that raised the content's own rating, not a reporter's note's."""
    return [match for match in matches
            if match.get("source") == QueueItem.Source.CRISIS and not match.get("in_note")
            and match.get("level") in RAISING_LEVELS]


def rated(item: QueueItem) -> str:
    """The risk screening gives the item's words: what it said when it raised them, unless
    an administrator has changed the rules since. Screened again rather than worked out
    from the stored matches, so signs, context and reported speech count as they did."""
    content = item.content
    return screen(adapter_for(content).text(content), kind="message").risk


def asks_verdict(item: QueueItem) -> bool:
    """Closing this item asks whether screening rated it right: screening raised it, and
    the words are still there to judge."""
    is_screened = item.source == QueueItem.Source.CRISIS or bool(crisis_matches(item.matches))
    return is_screened and item.content is not None


def review_record(*, item: QueueItem, reviewer, verdict: str) -> ScreeningReview | None:
    """A moderator's verdict on a screened item they are closing; None for other items.

    Called before the moderator's action, so the words are kept as screening saw them.
    """
    if not asks_verdict(item):
        return None
    if verdict not in Verdict.values:
        raise ValidationError(VERDICT_MISSING)
    content = item.content
    return ScreeningReview.objects.create(
        item=item, source=ScreeningReview.Source.MODERATOR, verdict=verdict,
        rated=rated(item), text=adapter_for(content).text(content),
        rule_ids=_unique(match["rule_id"] for match in crisis_matches(item.matches)),
        reviewer=reviewer,
    )


def miss_record(*, item: QueueItem, content, reporter) -> ScreeningReview | None:
    """A member fears for someone whose words screening rates "none": a miss, recorded
    once however many members report the same content."""
    earlier = ScreeningReview.objects.filter(
        source=ScreeningReview.Source.REPORT,
        item__content_type=ContentType.objects.get_for_model(content),
        item__object_id=content.pk,
    )
    if earlier.exists():
        return None
    text = adapter_for(content).text(content)
    screening = screen(text, kind="message")
    if screening.risk != Risk.NONE:
        return None
    return ScreeningReview.objects.create(
        item=item, source=ScreeningReview.Source.REPORT, verdict=Verdict.TOO_LOW,
        rated=Risk.NONE, text=text, reviewer=reporter,
        rule_ids=_unique(match.rule_id for match in screening.matches
                         if match.source == QueueItem.Source.CRISIS),
    )


def _unique(rule_ids) -> list[int]:
    return list(dict.fromkeys(rule_ids))
