"""What administrators learn from screening reviews (moderation.reviews): each crisis rule's
record over a period, the misses waiting for a decision, and turning a miss into a rule or
an evaluation example.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateformat import format as date_format

from community.models import Risk, Topic, WriteLimit
from community.ratelimits import limit_check
from moderation.models import (
    CrisisPattern,
    EvaluationExample,
    ModerationAction,
    QueueItem,
    ScreeningReview,
)
from moderation.permissions import check_improve_screening
from moderation.pseudonymise import member_pseudonyms, pseudonymise
from moderation.reviews import crisis_matches
from moderation.screening import rules, screen
from moderation.screening.corpus import examples
from moderation.screening.normalise import SENTENCE_END, normalise
from moderation.screening.patterns import Matcher, parse
from moderation.services import action_record

Verdict, Outcome = ScreeningReview.Verdict, ScreeningReview.Outcome
MISSES_SHOWN = 50
PHRASE_WORDS = 12
WORD = re.compile(r"\w+")
APOSTROPHES = re.compile(r"['’‘`]")
# What a miss implies screening should have said.
IMPLIED_LEVEL = {Risk.NONE: Risk.CONCERN, Risk.CONCERN: Risk.URGENT, Risk.URGENT: Risk.URGENT}
# A rule made from a miss may find at most this share of the evaluation set's everyday
# texts: "the" or "i feel" would raise nearly every post.
MOST_EVERYDAY_FOUND = 0.01
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RULE_LEVELS = (CrisisPattern.Level.URGENT, CrisisPattern.Level.CONCERN)
EXPORT_COLUMNS = ["id", "level", "category", "voice", "text"]


@dataclass(frozen=True)
class RuleRecord:
    """One crisis rule over a period: the items it raised and what moderators made of them."""

    rule: CrisisPattern
    hits: int
    judged: int
    right: int
    false_alarms: int

    @property
    def false_alarm_percent(self) -> int | None:
        return round(100 * self.false_alarms / self.judged) if self.judged else None


def rule_records(*, since: datetime) -> list[RuleRecord]:
    """Each crisis rule that raised an item since `since`, most false alarms first, then most
    hits. Three queries whatever the period."""
    hits: Counter[int] = Counter()
    items = QueueItem.objects.filter(created_at__gte=since).values_list("matches", flat=True)
    for matches in items:
        hits.update({match["rule_id"] for match in crisis_matches(matches)})
    verdicts: defaultdict[int, Counter[str]] = defaultdict(Counter)
    reviews = ScreeningReview.objects.filter(item__created_at__gte=since)
    for verdict, rule_ids in reviews.values_list("verdict", "rule_ids"):
        for rule_id in rule_ids:
            verdicts[rule_id][verdict] += 1
    records = [
        RuleRecord(rule, hits=hits[pk], judged=verdicts[pk].total(),
                   right=verdicts[pk][Verdict.RIGHT], false_alarms=verdicts[pk][Verdict.TOO_HIGH])
        for pk, rule in CrisisPattern.objects.in_bulk(list(hits)).items()
    ]
    return sorted(records, key=lambda record: (-record.false_alarms, -record.hits,
                                               record.rule.pattern))


def open_misses() -> QuerySet[ScreeningReview]:
    """Texts screening rated too low that no administrator has dealt with, newest first."""
    return ScreeningReview.objects.filter(verdict=Verdict.TOO_LOW, outcome=Outcome.UNDECIDED)


def suggested_rule(review: ScreeningReview) -> dict[str, str]:
    """A first draft of a rule for a miss: its opening words, the level the reviewer implied,
    and the topic of a rule that did match, if any."""
    topic = CrisisPattern.objects.filter(pk__in=review.rule_ids).values_list(
        "topic", flat=True).first()
    return {"pattern": suggested_phrase(pseudonymise(review.text, member_pseudonyms())),
            "level": IMPLIED_LEVEL.get(review.rated, Risk.URGENT),
            "topic": topic or Topic.SUICIDE}


def suggested_phrase(text: str) -> str:
    """The first sentence, lower-cased and without punctuation, in at most 12 words."""
    sentence = next((part for part in SENTENCE_END.split(text) if WORD.search(part)), "")
    words = WORD.findall(APOSTROPHES.sub("", sentence.casefold()))
    return " ".join(words[:PHRASE_WORDS])


def rule_finds(rule: CrisisPattern, text: str) -> bool:
    """Whether screening, as it stands now, matches `text` with `rule`."""
    return any(match.source == QueueItem.Source.CRISIS and match.rule_id == rule.pk
               for match in screen(text, kind="message").matches)


def review_make_rule(*, review: ScreeningReview, admin, pattern: str, level: str, topic: str,
                     explanation: str = "") -> CrisisPattern:
    """A miss becomes a crisis rule, which screening uses at once."""
    check_improve_screening(admin)
    if level not in RULE_LEVELS:
        raise ValidationError({"level": "A rule made from a miss is urgent or concern."})
    rule = CrisisPattern(pattern=pattern.strip(), level=level, topic=topic,
                         explanation=explanation.strip(),
                         note=f"Made from a miss on {date_format(timezone.localdate(), 'j F Y')}.")
    rule.full_clean()
    _check_particular(rule)
    with transaction.atomic():
        _settle(review, admin, Outcome.RULE)
        rule.save()
        action_record(actor=admin, verb=ModerationAction.Verb.RULE, target=rule,
                      reason=f"From a miss: “{rule.pattern}”, {rule.level}")
    rules.forget()
    return rule


def _check_particular(rule: CrisisPattern) -> None:
    """Refuse a rule that would also find everyday talk, measured on the evaluation set."""
    matcher = Matcher([(rule, parse(rule.pattern))])
    everyday = [example.text for example in examples("dev") if example.level == Risk.NONE]
    found = [text for text in everyday if matcher.find(normalise(text, matcher.words))]
    if len(found) > MOST_EVERYDAY_FOUND * len(everyday):
        raise ValidationError({"pattern": (
            f"These words also find {len(found)} of the {len(everyday)} everyday texts in "
            f"the evaluation set, such as “{found[0][:80]}”. Use more of the words that "
            "made this worrying.")})


def review_make_example(*, review: ScreeningReview, admin, level: str,
                        category: str) -> EvaluationExample:
    """A miss joins the examples administrators export to the evaluation set."""
    check_improve_screening(admin)
    example = EvaluationExample(text=review.text, level=level, category=category.strip(),
                                review=review, created_by=admin)
    example.full_clean()
    with transaction.atomic():
        _settle(review, admin, Outcome.EXAMPLE)
        example.save()
        action_record(actor=admin, verb=ModerationAction.Verb.EXAMPLE, target=review,
                      item=review.item, reason=f"Level {example.level}, {example.category}")
    return example


def review_set_aside(*, review: ScreeningReview, admin) -> None:
    """Nothing to learn from this miss: it leaves the list."""
    check_improve_screening(admin)
    with transaction.atomic():
        _settle(review, admin, Outcome.SET_ASIDE)
        action_record(actor=admin, verb=ModerationAction.Verb.SET_ASIDE, target=review,
                      item=review.item)


def example_rows() -> Iterator[list[str]]:
    """The evaluation examples as the corpus's CSV rows, with nobody identifiable in them."""
    pseudonyms = member_pseudonyms()
    for example in EvaluationExample.objects.all():
        text = pseudonymise(example.text, pseudonyms)
        # Read as words, never run as a formula, when the file is opened in a spreadsheet.
        yield [f"use-{example.pk:04d}", example.level, example.category, "member",
               f"'{text}" if text.startswith(FORMULA_STARTS) else text]


def _settle(review: ScreeningReview, admin, outcome: str) -> None:
    """Record what was done with a miss, once: two administrators may act on it at once."""
    limit_check(member=admin, kind=WriteLimit.Kind.SCREENING)
    locked = ScreeningReview.objects.select_for_update().get(pk=review.pk)
    if locked.outcome:
        raise ValidationError("Another administrator has dealt with this miss already.")
    locked.outcome, locked.outcome_at = outcome, timezone.now()
    locked.save(update_fields=["outcome", "outcome_at"])
