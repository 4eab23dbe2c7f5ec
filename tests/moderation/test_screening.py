"""Screening as members and moderators meet it: how worried it is, what it suggests,
what watched words do, the HTML a post becomes, and rule edits taking effect.

The sentence tables run against the default rules the migration loads, so a
failure here means a rule in moderation/screening/default_rules.py needs work.
"""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from community.models import ContentWarning, Topic
from moderation.models import CrisisPattern, WatchedWord
from moderation.screening import rules, screen
from moderation.screening.default_rules import CRISIS_PATTERNS, WATCHED_WORDS
from moderation.screening.pipeline import BLOCKED_MESSAGE, HELD_MESSAGE

pytestmark = pytest.mark.django_db


def cases(*sentences: str) -> list:
    """Parameters whose ids are the sentences themselves, so a failure names the words."""
    return [pytest.param(sentence, id=sentence[:70]) for sentence in sentences]


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def unsafe_markup(html: str) -> list[str]:
    """What a browser would run or show that members' posts must never carry."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    problems = ["<script" for _ in range(html.lower().count("<script"))]
    for tag, attributes in parser.elements:
        if tag in {"script", "img", "iframe", "style", "h1", "h2", "h3", "h4", "h5", "h6"}:
            problems.append(f"<{tag}>")
        for name, value in attributes.items():
            if name.startswith("on") or name == "style":
                problems.append(f"{tag} {name}=")
            scheme = "".join(value.split()).lower().partition(":")[0]
            if name in {"href", "src"} and scheme in {"javascript", "data", "vbscript"}:
                problems.append(f"{tag} {name}={value}")
    return problems


def why(screening) -> str:
    """The rules that fired, for a failure message."""
    return "; ".join(f"{m.level}{' (negated)' if m.negated else ''}: {m.pattern!r} on {m.words!r}"
                     for m in screening.matches) or "no rule fired"


# First-person intent, a plan, the means to hand, a time set, a goodbye.
URGENT = cases(
    "I'm scared to go home",
    "He hurts me",
    "My husband hits me when he's been out",
    "I'm going to end it",
    "My friend wants to kill herself",
    "I want to die",
    "I just want to die tonight",
    "honestly I'm going to kill myself",
    "I'm gonna end it all this weekend",
    "I've decided to end my life",
    "I want to end my life",
    "I'm ready to die now",
    "I'm planning to kill myself on Friday",
    "im gonna kms",
    "I want to unalive myself",
    "I'm going to hang myself tonight",
    "I want to hang myself",
    "I'll kill myself if I have to go back there",
    "I have the pills ready and I'm going to take them all tonight",
    "I'm going to take all my tablets tonight",
    "I took 30 paracetamol an hour ago",
    "I've just taken an overdose",
    "I swallowed the whole box of sleeping pills",
    "I've taken a load of tablets",
    "I've been stockpiling my tablets for weeks",
    "I've been hoarding my sleeping pills",
    "I'm saving up my tablets so I can take them all",
    "I'm going to take an overdose",
    "I'm going to overdose tonight",
    "I bought a rope today",
    "I'm standing on the bridge now",
    "I'm going to jump off the bridge",
    "Tomorrow I'm going to jump in front of a train",
    "I want to step in front of a train",
    "I'm going to walk into the river tonight",
    "I'd rather be dead than go back to that ward",
    "I've written my note",
    "I wrote a goodbye letter to my kids",
    "This is goodbye, thank you for everything",
    "Please look after my cat, this is goodbye",
    "Goodbye forever, I love you all",
    "You won't hear from me again",
    "I won't be here tomorrow",
    "I won't be around much longer",
    "By the time you read this I'll be gone",
    "I'll be gone by the morning",
    "I've made my mind up, I'm going to end it all",
    "I've picked the date to end it",
    "Tonight is my last night",
    "I don't want to live anymore",
    "I don't want to be alive",
    "How do I kill myself painlessly",
    "What's the easiest way to kill myself",
    "How many paracetamol would kill me",
    "I've been thinking about killing myself all day",
    "I can't stop thinking about killing myself",
    "I'm actively suicidal right now",
    "I'm sorry mum, I can't take it anymore, I'm going to kill myself",
    "I want to die, nobody cares",
    "Nobody would notice, so tonight I end it all",
    "I'm going to hurt myself tonight",
    "I want to cut myself so bad",
    "I've just cut my wrists",
    "I'm going to slit my wrists",
    "I cut too deep and it won't stop bleeding",
    "I'm going to kill him",
    "I want to stab someone",
    "I'm going to bring a knife to school tomorrow",
    "He's going to kill me, I'm hiding in the bathroom",
    "He threatened to kill me and the kids",
)

# Distress, hopelessness, past attempts, the topic without intent, someone else at
# risk, and intent denied: a moderator should look, but it is not an emergency.
CONCERN = cases(
    "I wish I was dead",
    "I hope I never wake up",
    "My family would be better off without me",
    "Everyone would be better off without me",
    "I've been thinking about suicide",
    "I tried to kill myself when I was nineteen",
    "I attempted suicide in my twenties",
    "I've thought about killing myself before",
    "The thought of killing myself scares me",
    "I'm feeling suicidal",
    "Sometimes I have suicidal thoughts",
    "I'm not suicidal but I'm struggling",
    "Mum keeps saying she wants to die",
    "My brother took his own life last year",
    "My brother jumped off a bridge",
    "I feel like such a burden to everyone",
    "Nobody would miss me if I was gone",
    "I'm such a waste of space",
    "There's no reason to live",
    "Nothing left to live for",
    "What's the point of living",
    "Life isn't worth living",
    "I wish I was never born",
    "I don't want to be here",
    "I can't be here anymore",
    "I just want to sleep forever",
    "I'm in a really dark place",
    "I can't go on like this",
    "I can't do this anymore",
    "I can't cope anymore",
    "I feel completely hopeless",
    "I feel worthless",
    "I've given up on life",
    "I want it all to stop",
    "I've got no way out",
    "I'm at the end of my tether",
    "I used to self-harm",
    "I used to cut myself as a teenager",
    "I'm worried my son is self-harming",
    "I've been self-harming again",
    "I keep hurting myself",
    "I relapsed last night and cut",
    "The urges to cut are really strong today",
    "Two months clean from self harm today",
    "I overdosed years ago",
    "After my overdose in 2019 I was in hospital for a week",
    "I had my stomach pumped once",
    "I'm scared I might hurt my baby",
    "I keep having thoughts about hurting people",
    "My dad was beaten up by my stepdad",
    "I'm scared of my partner",
    "He controls all my money",
    "He won't let me see my friends",
    "She forced me to hand over my bank card",
    "I was sexually abused as a child",
    "I was raped last year",
    "I'm in an abusive relationship",
    "I've been making myself sick after meals",
    "I haven't eaten in three days",
    "I binged and purged again",
    "I hate my body",
)

# Intent denied: never urgent. A plain denial may be none (the evaluation set counts
# "I'd never hurt myself" as none); a denial with distress stays a concern.
DENIED = cases(
    "I'm not going to hurt myself",
    "I'm not going to kill myself, I just need to talk",
    "I would never kill myself",
    "I won't kill myself, I promise",
    "I don't want to die",
    "I dont wanna die",
    "I'm not going to overdose, I just feel rubbish",
    "I'd never take my own life",
    "I don't want to kill myself but the thoughts won't stop",
    "I won't hurt myself tonight",
    "I don't want to hurt myself anymore",
    "I'm never going to end it all, I promise",
)

# Everyday talk, UK idioms and the words rules watch for in their ordinary sense.
NONE = cases(
    "This traffic is killing me",
    "My feet are killing me after that walk",
    "I'm dying to see the new Bond film",
    "I'm dying for a cuppa",
    "My phone died halfway through the call",
    "My battery is dead again",
    "My laptop is dead, posting from my phone",
    "My plants died while I was away",
    "That exam killed me",
    "That joke killed me",
    "She absolutely killed it at karaoke",
    "I'm killing it at work this week",
    "We went into town to kill time before the bus",
    "I'm going to kill time at the library until my bus",
    "I was killing myself laughing at the panto",
    "I'm dead tired after the night shift",
    "That video was dead funny",
    "The chips at that place are dead good",
    "I'm dead proud of my son",
    "The pub was dead quiet on Sunday",
    "This chocolate cake is to die for",
    "I nearly died of embarrassment",
    "I'm bored to death of this rain",
    "Has anyone seen Suicide Squad?",
    "I could murder a cuppa",
    "I skilled up on the computer course",
    "I'm skilled at knitting now",
    "I'm a diehard fan of the Archers",
    "The overkill on the adverts is too much",
    "I cut my hair short and I love it",
    "I need to cut down on sugar",
    "I cut myself shaving this morning",
    "I burnt myself on the oven door",
    "I hurt myself playing football",
    "I'm going to burn myself out if I keep doing night shifts",
    "I made myself sick with worry about the assessment",
    "I've stopped eating meat",
    "I'm going to treat myself to a takeaway",
    "Don't kill yourself over the housework",
    "The heat is unbearable, I'm dying here",
    "I want it to stop raining",
    "I'm going to end it with him tonight",
    "I feel like giving up on the diet",
    "I've had enough of this weather",
    "We walked 10 kms on Sunday",
    "I don't want to hurt her feelings",
    "She beat me at Scrabble again",
    "I got hit by a ball at the park",
    "She got hit on by some bloke at the bar",
    "I got kicked out of the group chat lol",
    "I was attacked by a seagull in Brighton",
    "My mum will kill me if I'm late",
    "She's going to kill me when she sees my hair",
    "I'm scared of spiders",
    "I'm hopeless at maths",
    "I take my tablets every morning with breakfast",
    "I took my tablets at 8 like the nurse said",
    "I took two paracetamol for my headache",
    "It took ages to get my tablets from the pharmacy",
    "I'm collecting my prescription tomorrow",
    "The conversation took an odd turn",
    "I won't be here tomorrow because I'm at my sister's",
    "I won't be around tomorrow as it's my hospital day",
    "I can't go on the trip tomorrow, I've got a hospital appointment",
    "I hope I don't wake up the baby",
    "I can't wait for the weekend",
    "I had a really good day today, I went to the allotment",
    "Sunday was a good day, I managed a walk by the canal",
    "Mum didn't recognise me today but she smiled when I sang to her",
    "Dad's dementia is worse in the evenings, any tips for sundowning?",
    "Caring for dad is hard but the day centre has been brilliant",
    "Does anyone know a good carers group in Leeds?",
    "The new care worker is lovely and mum trusts her already",
    "I'm so proud, I got the bus on my own for the first time",
    "My learning disability nurse is coming on Tuesday",
    "I'm so chuffed, I've been volunteering for a year now",
    "I'd love to meet up with the group at the cafe on Thursday",
    "The peer support group helped me feel less alone",
    "I love this group, it saved my life",
    "I've been feeling much better since I started the new tablets",
    "I'm not feeling great, but I'm okay, just tired",
    "Dieting is hard but I'm enjoying the walks",
    "I'm getting better at saying no",
    "No, I don't think so, but thanks",
)


@pytest.mark.parametrize("text", URGENT)
def test_intent_plan_means_or_timing_is_urgent(text):
    screening = screen(text, kind="message")

    assert screening.risk == "urgent", why(screening)


@pytest.mark.parametrize("text", CONCERN)
def test_distress_past_attempts_and_others_at_risk_are_concern_not_urgent(text):
    screening = screen(text, kind="message")

    assert screening.risk == "concern", why(screening)


@pytest.mark.parametrize("text", DENIED)
def test_intent_denied_is_never_urgent(text):
    screening = screen(text, kind="message")

    assert screening.risk in {"none", "concern"}, why(screening)
    assert any(m.negated for m in screening.matches), why(screening)


@pytest.mark.parametrize("text", NONE)
def test_everyday_talk_and_idioms_raise_no_risk_and_suggest_no_warning(text):
    screening = screen(text, kind="message")

    assert (screening.risk, screening.action, screening.suggested_warnings) == (
        "none", "allow", ()), why(screening)


@pytest.mark.parametrize(("text", "risk"), [
    pytest.param("I WANT TO DIE", "urgent", id="capitals"),
    pytest.param("i want to die", "urgent", id="lower case"),
    pytest.param("I\u2019m going to kill myself", "urgent", id="curly apostrophe"),
    pytest.param("Im going to kill myself", "urgent", id="no apostrophe"),
    pytest.param("I want to die!!!", "urgent", id="exclamation marks"),
    pytest.param("I.want.to.die", "urgent", id="full stops between words"),
    pytest.param("I want,to -- die", "urgent", id="stray punctuation"),
    pytest.param("I   want    to     die", "urgent", id="repeated spaces"),
    pytest.param("I want\tto\u00a0die", "urgent", id="tabs and no-break spaces"),
    pytest.param("i want to dieeeee", "urgent", id="repeated letters"),
    pytest.param("I wannnnt to diiiie", "urgent", id="repeated letters inside words"),
    pytest.param("I w4nt t0 d1e", "urgent", id="digits for letters"),
    pytest.param("I w@nt to d!e", "urgent", id="symbols for letters"),
    pytest.param("I'm going to k1ll my$elf", "urgent", id="1 for i and $ for s"),
    pytest.param("I'm g0nna 3nd it all", "urgent", id="0 for o and 3 for e"),
    pytest.param("I'm going to k i l l myself", "urgent", id="spaced letters"),
    pytest.param("I'm going to k.i.l.l myself", "urgent", id="dotted letters"),
    pytest.param("I want to d i e", "urgent", id="spaced short word"),
    pytest.param("I'm going to kill my-self", "urgent", id="hyphenated my-self"),
    pytest.param("I'm going to kill my self", "urgent", id="split my self"),
    pytest.param("\uff49 \uff57\uff41\uff4e\uff54 \uff54\uff4f \uff44\uff49\uff45", "urgent",
                 id="full-width letters"),
    pytest.param("I'm s u i c i d a l", "concern", id="spaced topic word"),
    pytest.param("I feel $uicidal", "concern", id="dollar for s in a topic word"),
    pytest.param("I'm going to k i l l  m y s e l f", "urgent", id="spaced words run together"),
    pytest.param("I want to k\u0456ll m\u0443s\u0435lf", "urgent", id="Cyrillic look-alikes"),
    pytest.param("\u1d0b\u026a\u029f\u029f\u026a\u0274\u0262 myself tonight", "urgent",
                 id="small capitals"),
    pytest.param("k\u200bill myself tonight", "urgent", id="zero-width space"),
    pytest.param("i rly want 2 die 2nite", "urgent", id="text-speak"),
    pytest.param("I'm n0t going to k1ll myself", "concern", id="disguised and negated"),
    pytest.param("I'm going to skill myself up on Excel", "none", id="skill is not kill"),
    pytest.param("I'm learning new skills", "none", id="skills is not kill"),
    pytest.param("She likes the Killers", "none", id="killers is not kill"),
    pytest.param("Suicidesquad was rubbish", "none", id="run-together words are not words"),
])
def test_disguised_spellings_are_caught_and_only_whole_words_count(text, risk):
    screening = screen(text, kind="message")

    assert screening.risk == risk, why(screening)


def test_a_suicide_prevention_walk_is_at_most_concern():
    screening = screen("Our suicide prevention walk is on Saturday, come along!", kind="post")

    assert screening.risk in {"none", "concern"}


@pytest.mark.parametrize(("intent", "denied"), [
    ("I'm going to hurt myself", "I'm not going to hurt myself"),
    ("I want to die", "I don't want to die"),
    ("I'm going to kill myself", "I'm never going to kill myself"),
    ("I want to end my life", "I won't end my life"),
    ("I'm going to take an overdose", "I'm not going to take an overdose"),
])
def test_negation_lowers_urgent_so_a_denial_is_never_urgent(intent, denied):
    said, unsaid = screen(intent, kind="message"), screen(denied, kind="message")

    assert said.risk == "urgent", why(said)
    assert unsaid.risk in {"none", "concern"}, why(unsaid)
    assert any(m.negated for m in unsaid.matches)


def test_negation_does_not_reach_into_the_next_sentence():
    screening = screen("I'm not sure what to say. I want to die", kind="message")

    assert screening.risk == "urgent", why(screening)


def test_matches_tell_the_queue_which_words_fired_and_about_what():
    screening = screen("I want to die tonight", kind="post")

    assert screening.matches[0].words == "want to die"
    assert screening.topics == (Topic.SUICIDE,)


@pytest.mark.parametrize(("text", "warning"), [
    ("I want to die", "suicide"),
    ("I cut myself again last night", "self-harm"),
    ("I took 30 paracetamol", "self-harm"),
    ("My dad died in March and I miss him", "bereavement"),
    ("It's a year since the funeral", "bereavement"),
    ("I've been drinking every night since", "substance-use"),
    ("When I was treated for anorexia the peer support wasn't real", "eating-disorders"),
    ("I'm going to kill him", "violence"),
    ("He hits me when he's angry", "abuse"),
    ("I had 600 calories today", "eating-disorders"),
])
def test_screening_suggests_the_content_warning_for_the_topic(text, warning):
    screening = screen(text, kind="post")

    assert warning in screening.suggested_warnings, why(screening)


@pytest.mark.parametrize("text", cases(
    "My dad died in March and I miss him",
    "I've been drinking again, three weeks sober gone",
    "When I was treated for anorexia the peer support wasn't real",
    "Five years sober today",
))
def test_topic_words_alone_suggest_a_warning_without_raising_risk(text):
    screening = screen(text, kind="post")

    assert (screening.risk, screening.action) == ("none", "allow"), why(screening)
    assert screening.suggested_warnings, why(screening)


# Watched words


@pytest.mark.parametrize("text", cases(
    "Stop calling my brother a retard",
    "What a spaz",
    "Nobody cares, just go kill yourself",
    "kys",
))
def test_slurs_and_abuse_are_blocked_with_a_message_and_the_text_kept(member, text):
    screening = screen(text, author=member, kind="post")

    assert (screening.action, screening.message) == ("block", BLOCKED_MESSAGE)
    assert screening.text == text
    assert screening.html is None


@pytest.mark.parametrize("text", cases(
    "What is a lethal dose of sertraline?",
    "How many tablets would it take",
    "how deep do you have to cut",
))
def test_method_detail_is_held_for_a_moderator(member, text):
    screening = screen(text, author=member, kind="post")

    assert (screening.action, screening.message) == ("hold", HELD_MESSAGE)
    assert screening.needs_review


@pytest.mark.parametrize("text", cases(
    "Ring me on 07700 900123 if you want",
    "my number is 07700 900123",
    "Add me on WhatsApp and we can chat",
    "message me on snapchat x",
))
def test_contact_details_are_published_and_flagged_for_review(member, text):
    screening = screen(text, author=member, kind="post")

    assert (screening.risk, screening.action, screening.text) == ("none", "allow", text)
    assert screening.needs_review
    assert [m.level for m in screening.matches] == ["flag"]


def test_swearing_is_replaced_and_the_rest_published_as_written(member):
    screening = screen("This week has been fucking hard", author=member, kind="post")

    assert (screening.action, screening.text) == ("allow", "This week has been f***ing hard")
    assert "f***ing" in screening.html


@pytest.mark.parametrize("text", cases("This week has been fuuuucking hard",
                                       "This week has been f.u.c.k.i.n.g hard"))
def test_disguised_swearing_that_cannot_be_replaced_is_held_unchanged(member, text):
    screening = screen(text, author=member, kind="post")

    assert (screening.action, screening.text) == ("hold", text)


def test_calorie_numbers_require_an_eating_disorders_warning(member):
    screening = screen("I only had 800 calories today", author=member, kind="post")

    assert screening.required_warnings == ("eating-disorders",)
    assert "eating-disorders" in screening.suggested_warnings
    assert screening.action == "allow"


@pytest.mark.parametrize(("text", "as_member"), [
    pytest.param("Please don't call people a retard here", "block", id="blocked word"),
    pytest.param("We removed a post asking for a lethal dose", "hold", id="held words"),
])
def test_moderators_quoting_watched_words_are_neither_blocked_nor_held(
        member, moderator, text, as_member):
    assert screen(text, author=member, kind="post").action == as_member

    screening = screen(text, author=moderator, kind="post")

    assert screening.action == "allow"
    assert screening.matches, "the words are still recorded for the queue"


# What gets rendered


def test_chat_messages_are_never_rendered_as_html():
    screening = screen("**hello** <b>there</b> https://example.org", kind="message")

    assert screening.html is None
    assert screening.text == "**hello** <b>there</b> https://example.org"


def test_posts_render_markdown_with_safe_links():
    html = screen("**Good day** at [the group](https://example.org/group)", kind="post").html

    assert html == ('<p><strong>Good day</strong> at <a href="https://example.org/group" '
                    'rel="nofollow noopener ugc">the group</a></p>')


@pytest.mark.parametrize("text", [
    pytest.param("<script>alert(1)</script>", id="script tag"),
    pytest.param("[click](javascript:alert(1))", id="javascript link"),
    pytest.param("[click](JaVaScRiPt:alert(1))", id="javascript link in mixed case"),
    pytest.param('<a href="javascript:alert(1)">x</a>', id="raw html link"),
    pytest.param("[x](data:text/html;base64,PHNjcmlwdD4=)", id="data link"),
    pytest.param('<img src="x" onerror="alert(1)">', id="image with handler"),
    pytest.param("![a picture](https://example.org/a.png)", id="markdown image"),
    pytest.param('<p style="color:red">hi</p>', id="style attribute"),
    pytest.param('<p onclick="x()">hi</p>', id="event handler"),
    pytest.param("# A heading", id="heading"),
    pytest.param("A heading\n=========", id="underlined heading"),
    pytest.param("### Smaller heading", id="small heading"),
])
def test_post_html_drops_scripts_handlers_styles_images_and_headings(text):
    html = screen(text, kind="post").html

    assert unsafe_markup(html) == [], html
    assert "<p>" in html, "the words are still shown, as text"


def test_bare_links_in_posts_are_linked_with_nofollow():
    html = screen("There's more at https://www.mind.org.uk today", kind="post").html

    assert '<a href="https://www.mind.org.uk" rel="nofollow noopener ugc">' in html


def test_an_unknown_kind_of_text_is_refused():
    with pytest.raises(ValueError, match="kind must be"):
        screen("hello", kind="comment")


AWKWARD = [
    pytest.param("", id="empty"),
    pytest.param("   \n\t  ", id="whitespace"),
    pytest.param("I had a good day. " * 5_700, id="100 KB"),
    pytest.param("a\x00b\x1bc\x07", id="control characters"),
    pytest.param("<script>alert('x')</script><b onmouseover=alert(1)>hi</b>", id="html and script"),
    pytest.param("\u202eevil\u202c \u200f\u200e\u2066x\u2069", id="right-to-left marks"),
    pytest.param("Feeling \U0001f60a today \U0001f44d\U0001f3fd \u2764\ufe0f", id="emoji"),
    pytest.param("'; DROP TABLE moderation_crisispattern; --", id="sql-looking text"),
    pytest.param("\u01c2 \u01c2\u01c2 . \u01c2", id="the boundary letter itself"),
]


@pytest.mark.parametrize("kind", ["post", "message"])
@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_input_is_screened_without_error(text, kind):
    screening = screen(text, kind=kind)

    assert (screening.risk, screening.action) == ("none", "allow")
    assert screening.text == text
    if kind == "post":
        assert unsafe_markup(screening.html) == []
    else:
        assert screening.html is None


# Rule edits


def test_a_rule_an_administrator_adds_applies_to_the_next_screening(client, admin_user):
    text = "I feel like a lost cause"
    assert screen(text, kind="message").risk == "none"
    client.force_login(admin_user)

    response = client.post("/admin/moderation/crisispattern/add/", {
        "pattern": "(feel|am) like a lost cause", "level": "concern", "topic": "general",
        "is_active": "on", "note": "Heard in the Tuesday group",
    })

    assert response.status_code == 302
    assert screen(text, kind="message").risk == "concern"


def test_a_rule_an_administrator_switches_off_stops_at_once(client, admin_user):
    rule = CrisisPattern.objects.get(pattern="want to die")
    assert screen("I want to die", kind="message").risk == "urgent"
    client.force_login(admin_user)

    response = client.post(f"/admin/moderation/crisispattern/{rule.pk}/change/", {
        "pattern": rule.pattern, "level": rule.level, "topic": rule.topic, "note": "",
    })

    assert response.status_code == 302
    assert screen("I want to die", kind="message").risk == "none"


def test_a_rule_changed_by_another_process_is_seen_after_the_recheck_interval(monkeypatch):
    assert screen("I want to die", kind="message").risk == "urgent"
    # Another server process edits the rule; this one has not been told.
    CrisisPattern.objects.filter(pattern="want to die").update(
        is_active=False, updated_at=timezone.now())

    monkeypatch.setattr(rules, "RECHECK_SECONDS", 3600)
    assert screen("I want to die", kind="message").risk == "urgent"
    monkeypatch.setattr(rules, "RECHECK_SECONDS", 0)
    assert screen("I want to die", kind="message").risk == "none"


def test_a_watched_word_added_by_another_process_is_seen_after_the_recheck_interval(
        monkeypatch):
    monkeypatch.setattr(rules, "RECHECK_SECONDS", 0)
    assert screen("meet me at the wibble", kind="message").action == "allow"

    WatchedWord.objects.create(pattern="wibble", action="block")

    assert screen("meet me at the wibble", kind="message").action == "block"


@pytest.mark.parametrize(("pattern", "message"), [
    pytest.param("~ die", "must start with words", id="starts with a gap"),
    pytest.param("(want|wish)? to die", "must start with words", id="starts optional"),
    pytest.param("want to ~", "must end with words", id="ends with a gap"),
    pytest.param("want (to|) die", "Each choice inside", id="empty choice"),
    pytest.param("want (to die", "Cannot read the rule", id="unclosed bracket"),
    pytest.param("kill (my (self|life))", "Cannot read the rule", id="nested brackets"),
    pytest.param("!!!", "has no letters or numbers", id="punctuation only"),
    pytest.param("kill myself {whenever}", "There is no list called {whenever}",
                 id="unknown word list"),
    pytest.param("... die", "must start with words", id="starts with any words"),
    pytest.param("gave my {means away", "a brace on each side", id="unclosed list"),
])
def test_a_rule_with_bad_syntax_is_refused_with_a_clear_message(pattern, message):
    rule = CrisisPattern(pattern=pattern, level="urgent", topic="suicide")

    with pytest.raises(ValidationError) as refused:
        rule.full_clean()

    assert message in " ".join(refused.value.message_dict["pattern"])


def test_a_replace_rule_without_replacement_text_is_refused():
    rule = WatchedWord(pattern="flipping", action="replace")

    with pytest.raises(ValidationError, match="replaced with"):
        rule.full_clean()


# The default rules themselves


def test_every_default_rule_is_valid_and_fits_the_admin_form():
    warnings = set(ContentWarning.objects.values_list("slug", flat=True))
    pattern_length = CrisisPattern._meta.get_field("pattern").max_length

    for pattern, level, topic, explanation in CRISIS_PATTERNS:
        CrisisPattern(pattern=pattern, level=level, topic=topic,
                      explanation=explanation).full_clean()
        assert len(pattern) <= pattern_length, pattern
    for pattern, action, replacement, warning, explanation in WATCHED_WORDS:
        WatchedWord(pattern=pattern, action=action, replacement=replacement,
                    warning=ContentWarning.objects.filter(slug=warning).first(),
                    explanation=explanation).full_clean()
        assert not warning or warning in warnings, pattern


def test_the_migration_loads_every_default_rule_once():
    patterns = [pattern for pattern, *_ in CRISIS_PATTERNS]

    assert len(set(patterns)) == len(patterns), "a default rule is listed twice"
    assert CrisisPattern.objects.filter(pattern__in=patterns).count() == len(patterns)
    assert len(patterns) >= 150
    assert WatchedWord.objects.filter(
        pattern__in=[pattern for pattern, *_ in WATCHED_WORDS]).count() == len(WATCHED_WORDS)
