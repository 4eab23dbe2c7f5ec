"""How screening reads a whole message, beyond single phrases: signs that add up to a
plan, words said to someone else or about the past, recovery and support, and the
explanation moderators read beside each match.

The rules here are written for each test, so the tests say what the pipeline does
whatever the default rules become.
"""

import pytest

from moderation.models import CrisisPattern, QueueItem
from moderation.screening import rules, screen

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_rules():
    """Only the rules a test adds."""
    CrisisPattern.objects.all().delete()
    rules.forget()

    def add(pattern, level, explanation="", topic="suicide"):
        CrisisPattern.objects.create(pattern=pattern, level=level, topic=topic,
                                     explanation=explanation)
        rules.forget()

    return add


def test_two_different_kinds_of_sign_are_urgent_and_one_alone_is_nothing(own_rules):
    own_rules("tonight", "sign", "a time")
    own_rules("(got|have) the rope", "sign", "the means")
    own_rules("(bye|goodbye) everyone", "sign", "a goodbye")

    assert screen("See you all at the quiz tonight", kind="message").risk == "none"
    assert screen("I've got the rope. Tonight.", kind="message").risk == "urgent"
    assert screen("Goodbye everyone. I've got the rope", kind="message").risk == "urgent"


def test_the_same_kind_of_sign_twice_is_still_one_sign(own_rules):
    own_rules("tonight", "sign", "a time")
    own_rules("tomorrow", "sign", "a time")

    assert screen("Not tonight, maybe tomorrow", kind="message").risk == "none"


def test_a_sign_denied_or_long_past_does_not_count(own_rules):
    own_rules("tonight", "sign", "a time")
    own_rules("(wrote|written) a goodbye letter", "sign", "a goodbye")

    past = screen("Two years ago I wrote a goodbye letter. I'm out tonight", kind="message")
    assert past.risk == "none"
    assert any(m.past for m in past.matches)


def test_words_said_to_the_reader_are_one_level_lower(own_rules):
    own_rules("want to die", "urgent", "a wish to die")

    assert screen("I want to die", kind="message").risk == "urgent"
    reply = screen("You said you want to die last night, how are you today?", kind="message")
    assert reply.risk == "concern"
    assert reply.matches[0].reported
    assert screen("If you want to die, please ring 116 123", kind="message").risk == "concern"


def test_a_sentence_about_the_past_lowers_urgent_to_concern(own_rules):
    own_rules("took {many} {medicine}", "urgent", "an overdose", topic="overdose")

    assert screen("I took 30 paracetamol", kind="message").risk == "urgent"
    assert screen("Years ago I took 30 paracetamol", kind="message").risk == "concern"
    assert screen("In 2015 I took 30 paracetamol", kind="message").risk == "concern"
    assert screen("I took 30 paracetamol an hour ago", kind="message").risk == "urgent"


def test_looking_back_from_recovery_reads_concern_as_none_unless_it_is_still_there(own_rules):
    own_rules("tried to kill myself", "concern", "a past attempt")
    own_rules("(im|i am) (doing|now) (well|ok|better)", "context", "looking back")
    own_rules("still (think|get) ~ (it|urges)", "ongoing", "still struggling")

    assert screen("I tried to kill myself once", kind="message").risk == "concern"
    assert screen("I tried to kill myself once. I'm doing well now.",
                  kind="message").risk == "none"
    assert screen("I tried to kill myself once. I'm doing well now but I still think "
                  "about it", kind="message").risk == "concern"


def test_context_never_lowers_urgent_words(own_rules):
    own_rules("want to die", "urgent", "a wish to die")
    own_rules("(im|i am) (doing|now) (well|ok|better)", "context", "looking back")

    assert screen("I was doing well now I want to die", kind="message").risk == "urgent"


def test_a_negated_concern_is_none_and_a_negated_urgent_is_concern(own_rules):
    own_rules("hurt myself", "concern", "self-harm")
    own_rules("going to kill myself", "urgent", "intent")

    assert screen("I'd never hurt myself", kind="message").risk == "none"
    assert screen("I'm not going to kill myself", kind="message").risk == "concern"


def test_an_everyday_phrase_cancels_a_rule_whose_end_it_covers(own_rules):
    own_rules("going to burn myself", "urgent", "intent", topic="self-harm")
    own_rules("burn myself out", "not-a-crisis")

    assert screen("I'm going to burn myself", kind="message").risk == "urgent"
    assert screen("I'm going to burn myself out on nights", kind="message").risk == "none"


def test_any_words_between_stay_within_one_sentence(own_rules):
    own_rules("do it ... tonight", "urgent", "plan + time")

    assert screen("I'm going to do it when they're asleep tonight",
                  kind="message").risk == "urgent"
    assert screen("I'll do it. Tonight I'm at the quiz", kind="message").risk == "none"


def test_each_match_says_in_words_what_it_found(own_rules):
    own_rules("kill myself {when}", "urgent", "plan + time")

    match = screen("I will kill myself tonight", kind="message").matches[0]

    assert (match.explanation, match.words) == ("plan + time", "kill myself tonight")


@pytest.mark.parametrize(("text", "quoted"), [
    ("So h a v e the p!lls ready now", "h a v e the p!lls ready"),
    ("I HAVE THE PIIILLS READY", "HAVE THE PIIILLS READY"),
    ("I have the p1lls,, ready", "have the p1lls,, ready"),
    ("I have the pіlls ready", "have the pіlls ready"),  # a Cyrillic і
    ("I have the pi\u200blls r-e-a-d-y", "have the pi\u200blls r-e-a-d-y"),  # a hidden space
    ("Hello.\n\nI have   the pills ready", "have the pills ready"),
    ("I got 2 have the pills ready", "have the pills ready"),
])
def test_a_match_quotes_the_words_as_the_member_wrote_them(own_rules, text, quoted):
    own_rules("have the pills ready", "urgent", "the means")

    assert [m.words for m in screen(text, kind="message").matches] == [quoted]


def test_the_item_page_quotes_what_screening_found_in_the_members_spelling(
        client, moderator, member, own_rules):
    from forums.services import thread_create
    from tests.factories import CategoryFactory

    own_rules("have the pills ready", "urgent", "the means")
    thread_create(author=member, category=CategoryFactory(), title="Tonight",
                  body="So h a v e the p!lls ready")
    client.force_login(moderator)
    item = QueueItem.objects.get()

    page = client.get(f"/moderation/items/{item.pk}/").content.decode()

    assert "the means</strong>: “h a v e the p!lls ready”" in page
    assert "have the pils" not in page


def test_the_queue_shows_why_an_item_is_there(client, moderator, member, own_rules):
    from forums.services import thread_create
    from tests.factories import CategoryFactory

    own_rules("kill myself {when}", "urgent", "plan + time")
    thread_create(author=member, category=CategoryFactory(), title="Tonight",
                  body="I will kill myself tonight")
    client.force_login(moderator)

    page = client.get("/moderation/").content.decode()

    assert "Why it is here" in page and "plan + time" in page
