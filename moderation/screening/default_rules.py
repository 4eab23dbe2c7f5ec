"""The rules every new site starts with; administrators edit them in the admin afterwards.

Written for UK English peer-support talk. Each crisis rule is
(pattern, level, topic); each watched word is (pattern, action, replacement,
content-warning slug). See moderation.screening.patterns for the syntax.
"""

CRISIS_PATTERNS = [
    ("want to die", "urgent", "suicide"),
    ("(kill|killing) myself", "urgent", "suicide"),
    ("suicide", "concern", "suicide"),
    ("killing (it|time)", "not-a-crisis", "general"),
]

WATCHED_WORDS = [
    ("bloody", "replace", "b****y", ""),
]
