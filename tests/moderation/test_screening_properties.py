"""Screening over generated text: it never fails, posts never carry unsafe markup, words
normalise to a fixed point, and the fast matcher finds what a plain reading of a rule finds."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from moderation.screening import screen
from moderation.screening.default_rules import CRISIS_PATTERNS, WATCHED_WORDS
from moderation.screening.normalise import BOUNDARY, Spelling, _spans, normalise
from moderation.screening.patterns import Gap, Matcher, parse
from tests.moderation.test_screening import unsafe_markup

pytestmark = pytest.mark.django_db

# Pieces members type, and pieces people use to smuggle markup past a sanitiser.
FRAGMENTS = [
    "**", "*", "_", "__", "~~", "`", "```", "\n", "\n\n", "> ", "- ", "1. ", "# ", "---", "    ",
    "[link](", ")", "](", "![", "<", ">", "</", "/>", "&", "&#", "&#x", ";", '"', "'", "=",
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:alert(1)'>",
    "javascript:", "JaVaScRiPt:", "java\tscript:", "data:text/html,", "vbscript:", "on", "click",
    "onclick=", "onmouseover=", "style=", "color:red", "<svg/onload=alert(1)>", "<iframe ",
    "<style>", "http://", "https://example.org", "www.example.org", "mailto:", "<b>", "</b>",
    "&lt;", "&quot;", "\\", "\u202e", "\u200b", "\x00", "\x1b", "\ufeff", "\U0001f600",
    "I want to die", "kill myself", "my-self", "k i l l", "d1e", "not", ". ", "!!!", BOUNDARY,
]
member_text = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    ),
    max_size=60,
).map("".join)
long_text = st.builds(lambda piece, times: piece * times, member_text, st.integers(1, 60))
# The rules are read once from the test database; a long post takes a while to render.
SLOW_WITH_DATABASE = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW_WITH_DATABASE)
@given(text=st.one_of(member_text, long_text))
@example(text="[x](javascript:alert(1))")
@example(text='<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')
@example(text="<<script>script>alert(1)<</script>/script>")
def test_posts_never_fail_and_never_carry_unsafe_markup(text):
    screening = screen(text, kind="post")

    if screening.html is not None:  # None only when the words are blocked
        assert unsafe_markup(screening.html) == []


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW_WITH_DATABASE)
@given(text=st.one_of(member_text, long_text))
def test_chat_messages_never_fail_and_are_never_html(text):
    screening = screen(text, kind="message")

    assert screening.html is None
    assert screening.risk in {"none", "concern", "urgent"}


# Text as people write it: letters (some accented), look-alike digits and symbols,
# spaces, punctuation and new lines, but not the stray combining marks and
# compatibility characters that only a fuzzer writes.
written = st.text(
    alphabet=st.sampled_from(list("abcdefgiklmnorstuyAEIKLMT  ..,!?;'’-_\n\t0134@$éüñ")),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(text=written)
@example(text="b c dd")
@example(text="k i l l my-self!!")
def test_normalised_words_normalise_to_themselves(text):
    words = normalise(text)

    assert normalise(" ".join(words)) == words


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_normalising_never_fails_and_gives_plain_words(text):
    for word in normalise(text):
        assert word and not any(character.isspace() for character in word)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(written, member_text))
@example(text="k i l l my-self!! 2nite. \n\nI want 2 d\u200bіe")
@example(text="café ok ｶﾞ 가 ﬁne")
def test_the_words_screening_read_are_quoted_from_the_text(text):
    tokens = normalise(text, MATCHER.words)
    spelling = Spelling(text, MATCHER.words, tokens)

    # The replay behind the quotes reads every text as screening did (else it would
    # fall back to screening's words).
    assert _spans(text, MATCHER.words, tokens) or not tokens
    for start, token in enumerate(tokens):
        if token != BOUNDARY:
            assert spelling.of(start, start + 1) in " ".join(text.split()), token


def _reference(elements, tokens: list[str], index: int, position: int) -> int:
    """Where elements[index:] matches from position, read the slow and obvious way."""
    if index == len(elements):
        return position
    element = elements[index]
    if isinstance(element, Gap):
        for skip in range(element.least, element.most + 1):
            skipped = tokens[position:position + skip]
            if len(skipped) < skip or BOUNDARY in skipped:
                break
            end = _reference(elements, tokens, index + 1, position + skip)
            if end >= 0:
                return end
        return -1
    for option in element.options:
        if tuple(tokens[position:position + len(option)]) == option:
            end = _reference(elements, tokens, index + 1, position + len(option))
            if end >= 0:
                return end
    return -1


class Rule:
    def __init__(self, pattern: str):
        self.pattern = pattern


DEFAULT_RULES = [Rule(pattern) for pattern, *_ in CRISIS_PATTERNS + WATCHED_WORDS]
COMPILED = [(rule, parse(rule.pattern)) for rule in DEFAULT_RULES]
MATCHER = Matcher(COMPILED)


@settings(max_examples=300, deadline=None)
@given(picked=st.lists(st.sampled_from(range(len(COMPILED))), min_size=1, max_size=6,
                       unique=True), data=st.data())
def test_the_matcher_finds_what_a_plain_reading_of_each_rule_finds(picked, data):
    chosen = [COMPILED[index] for index in picked]
    # Words from the chosen rules, so that their phrases turn up often.
    vocabulary = sorted({word for _, elements in chosen for element in elements
                         if not isinstance(element, Gap)
                         for option in element.options for word in option} | {BOUNDARY, "x"})
    tokens = data.draw(st.lists(st.sampled_from(vocabulary), max_size=25))
    expected = sorted((id(rule), start, end) for rule, elements in COMPILED
                      for start in range(len(tokens))
                      if (end := _reference(elements, tokens, 0, start)) >= 0)

    found = sorted((id(f.rule), f.start, f.end) for f in MATCHER.find(tokens))

    assert found == expected
