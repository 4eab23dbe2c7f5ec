"""How fast screen() is, against a baseline that only lower-cases and escapes the same text.

Run with `make bench` (or `.venv/bin/python bench/screening.py`). Prints
messages per second for each and the ratio, all measured in this one run;
the goal is under 150 microseconds for a 500-character chat message.
"""

import html
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from moderation.screening import screen  # noqa: E402

SENTENCES = [
    "I have been feeling a bit low this week but talking here really helps.",
    "My mum has dementia and some days she does not know who I am, which is hard.",
    "We went for a walk by the canal and it was lovely to see the ducks again.",
    "Does anyone else find the evenings the worst time for their anxiety?",
    "Thank you all for the kind replies yesterday, it meant a lot to me.",
    "The new care worker is lovely and mum seems to trust her already.",
    "I can't sleep again and my mind keeps going over everything.",
    "Sometimes I feel like such a burden to everyone around me.",
]
ROUNDS = 3
GOAL_MICROSECONDS = 150
SECONDS = 1.0


def messages_of(length: int) -> list[str]:
    """Realistic messages of about `length` characters, each a different mix."""
    messages = []
    for start in range(len(SENTENCES)):
        text = ""
        index = start
        while len(text) < length:
            text += SENTENCES[index % len(SENTENCES)] + " "
            index += 1
        messages.append(text[:length])
    return messages


def rate(function, messages: list[str]) -> float:
    """Best of a few rounds, in messages per second."""
    best = 0.0
    for _ in range(ROUNDS):
        count, started = 0, time.perf_counter()
        while time.perf_counter() - started < SECONDS:
            for message in messages:
                function(message)
            count += len(messages)
        best = max(best, count / (time.perf_counter() - started))
    return best


def baseline(text: str) -> str:
    return html.escape(text.lower())


def chat_speed() -> float:
    """Microseconds screen() takes over a 500-character chat message (migrated database)."""
    messages = messages_of(500)
    screen(messages[0])  # compile the rules once, as a running server has
    return 1e6 / rate(lambda text: screen(text, kind="message"), messages)


def main() -> None:
    call_command("migrate", verbosity=0)
    messages = messages_of(500)
    base = rate(baseline, messages)
    chat = 1e6 / chat_speed()
    post = rate(lambda text: screen(text, kind="post"), messages)
    print("500-character texts, default rules, messages per second (best of 3):")
    print(f"  baseline (lower-case + escape) {base:12,.0f}")
    print(f"  screen(kind='message')         {chat:12,.0f}   {1e6 / chat:6.1f} us each   "
          f"ratio to baseline {chat / base:.4f}")
    print(f"  screen(kind='post') + Markdown {post:12,.0f}   {1e6 / post:6.1f} us each   "
          f"ratio to baseline {post / base:.4f}")
    print(f"  goal: under {GOAL_MICROSECONDS} us per chat message: "
          f"{'met' if 1e6 / chat < GOAL_MICROSECONDS else 'NOT met'}")


if __name__ == "__main__":
    main()
