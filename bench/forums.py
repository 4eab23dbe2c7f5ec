"""How fast the thread and category pages are served, against a pre-rendered page in the same run.

Run with `make bench` (or `.venv/bin/python bench/forums.py`). Seeds a forum
of 100,000 posts in a temporary SQLite database, then sends requests in
process through the site's ASGI application, one after another, and prints
requests per second, median latency and the ratio to a baseline view that
returns the thread page's own HTML without a query, through the same stack.
The goal is a thread page at half the baseline's rate or better.
"""

import asyncio
import html
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402

from community.models import Member, User  # noqa: E402
from config.asgi import application  # noqa: E402
from forums.models import Category, Post, Thread  # noqa: E402
from forums.selectors import POSTS_PER_PAGE  # noqa: E402
from moderation.content import Visibility  # noqa: E402

MEMBERS = 1_000
THREADS = 3_000
POSTS = 100_000
LONG_THREAD_POSTS = 2_000
CATEGORIES = ["Introduce yourself", "Anxiety and low mood", "Living with dementia",
              "Carers' corner", "Learning disability: speaking up", "Good news"]
SENTENCES = [
    "I have been feeling a bit low this week but talking here really helps.",
    "My mum has dementia and some days she does not know who I am, which is hard.",
    "We went for a walk by the canal and it was lovely to see the ducks again.",
    "Does anyone else find the evenings the worst time for their anxiety?",
    "Thank you all for the kind replies yesterday, it meant a lot to me.",
    "It makes a real difference talking to people who understand first-hand.",
    "I got the bus into town on my own today and had a hot chocolate.",
    "Peer support helped me feel less alone, so now I try to give something back.",
]
ROUNDS = 3
SECONDS = 2.0
WARM_UP = 20

PRE_RENDERED: dict[str, bytes] = {}


def baseline(request):
    return HttpResponse(PRE_RENDERED["page"])


# The site's own URLs plus the baseline, so both go through the same middleware.
urlpatterns = [path("bench/baseline/", baseline), path("", include("config.urls"))]


def text(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 7)))


def post(rng: random.Random, thread_id: int, number: int, author_id: int,
         published: set[int]) -> Post:
    body = text(rng)
    return Post(
        thread_id=thread_id, author_id=author_id, number=number, body=body,
        html=f"<p>{html.escape(body)}</p>",
        visibility=Visibility.PUBLISHED if number in published else Visibility.HIDDEN,
        content_warnings=["self-harm"] if rng.random() < 0.02 else [],
        support_count=rng.choice([0, 0, 0, 1, 2, 5]),
    )


@transaction.atomic
def seed(rng: random.Random) -> Thread:
    """Rows written directly: the bench measures reading, so screening is skipped here."""
    User.objects.bulk_create(User(id=n, username=f"member{n}", password="!")
                             for n in range(1, MEMBERS + 1))
    Member.objects.bulk_create(Member(user_id=n) for n in range(1, MEMBERS + 1))
    categories = Category.objects.bulk_create(
        Category(id=n, name=name, slug=f"category-{n}", order=n)
        for n, name in enumerate(CATEGORIES, start=1)
    )
    sizes = [LONG_THREAD_POSTS] + [1] * (THREADS - 1)
    for _ in range(POSTS - sum(sizes)):
        sizes[rng.randrange(1, THREADS)] += 1
    start = timezone.now() - timedelta(days=365)
    threads, posts, all_threads = [], [], []
    for thread_id, size in enumerate(sizes, start=1):
        authors = [rng.randint(1, MEMBERS) for _ in range(size)]
        # About one post in a hundred hidden by a moderator; a thread's first never is.
        published = [number for number in range(1, size + 1)
                     if number == 1 or rng.random() > 0.01]
        shown = set(published)
        threads.append(Thread(
            id=thread_id, category=categories[thread_id % len(categories)],
            title=f"{rng.choice(SENTENCES)[:60]} ({thread_id})", author_id=authors[0],
            post_count=len(published), last_poster_id=authors[-1],
            last_post_at=start + timedelta(minutes=thread_id), last_post_number=published[-1],
            next_number=size + 1,
        ))
        posts.extend(post(rng, thread_id, number, authors[number - 1], shown)
                     for number in range(1, size + 1))
        if len(posts) >= 10_000 or thread_id == THREADS:
            Thread.objects.bulk_create(threads)
            Post.objects.bulk_create(posts)
            all_threads.extend(threads)
            threads, posts = [], []
    for category in categories:
        mine = [thread for thread in all_threads if thread.category_id == category.pk]
        Category.objects.filter(pk=category.pk).update(
            thread_count=len(mine), post_count=sum(thread.post_count for thread in mine),
            last_post_at=max(thread.last_post_at for thread in mine),
        )
    return all_threads[0]


async def get(app, url: str, cookie: str = "") -> tuple[int, bytes]:
    """One GET through the ASGI application, as a server would make it."""
    path_part, _, query = url.partition("?")
    headers = [(b"host", b"127.0.0.1")] + ([(b"cookie", cookie.encode())] if cookie else [])
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path_part, "raw_path": path_part.encode(),
        "query_string": query.encode(), "root_path": "", "headers": headers,
        "client": ("127.0.0.1", 50_000), "server": ("127.0.0.1", 80),
    }
    sent_body = False

    async def receive():
        nonlocal sent_body
        if not sent_body:
            sent_body = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Future()  # the client never disconnects; Django cancels this wait

    status, chunks = 0, []

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def must_get(app, url: str, cookie: str = "") -> bytes:
    status, body = await get(app, url, cookie)
    if status != 200:
        raise SystemExit(f"GET {url} answered {status}, not 200: the page must work before it "
                         f"can be measured.\n{body[:800].decode(errors='replace')}")
    return body


async def measure(app, url: str, cookie: str) -> tuple[float, float]:
    """Best of a few rounds: requests per second, and that round's median latency in ms."""
    for _ in range(WARM_UP):
        await must_get(app, url, cookie)
    best = (0.0, 0.0)
    for _ in range(ROUNDS):
        latencies = []
        started = time.perf_counter()
        while time.perf_counter() - started < SECONDS:
            before = time.perf_counter()
            status, _ = await get(app, url, cookie)
            latencies.append(time.perf_counter() - before)
            if status != 200:
                raise SystemExit(f"GET {url} answered {status} while being measured.")
        rate = len(latencies) / (time.perf_counter() - started)
        if rate > best[0]:
            best = (rate, statistics.median(latencies) * 1000)
    return best


async def run(thread_url: str, category_url: str, member: str) -> None:
    PRE_RENDERED["page"] = await must_get(application, thread_url)
    thread_page = thread_url.rsplit("=", 1)[-1]
    pages = [
        ("baseline (pre-rendered thread page)", "/bench/baseline/", ""),
        (f"thread page {thread_page}, visitor", thread_url, ""),
        (f"thread page {thread_page}, member", thread_url, member),
        ("category page 1, visitor", category_url, ""),
        ("category page 1, member", category_url, member),
    ]
    results = [(name, *await measure(application, url, cookie)) for name, url, cookie in pages]
    base = results[0][1]
    print(f"{'':40}{'req/s':>9}{'median ms':>12}{'ratio to baseline':>20}")
    for name, rate, median in results:
        print(f"  {name:38}{rate:9,.0f}{median:12.2f}{rate / base:20.2f}")
    for name, rate, _ in results:
        if name.startswith("thread"):
            ratio = rate / base
            print(f"  goal, {name}: at least 0.5 of baseline: "
                  f"{'met' if ratio >= 0.5 else 'NOT met'} ({ratio:.2f})")


def member_cookie() -> str:
    """A signed-in member's session cookie, made the way the test client logs in."""
    client = Client()
    client.force_login(User.objects.get(username="member1"))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def main() -> None:
    call_command("migrate", verbosity=0)
    settings.DEBUG = False  # no query log, as in production
    settings.ROOT_URLCONF = __name__
    started = time.perf_counter()
    long_thread = seed(random.Random(2012))
    print(f"Forum of {POSTS:,} posts in {THREADS:,} threads, {MEMBERS:,} members, seeded in "
          f"{time.perf_counter() - started:.1f} s. Requests in process through "
          "config.asgi.application, one at a time, best of 3 rounds:")
    middle = LONG_THREAD_POSTS // POSTS_PER_PAGE // 2
    asyncio.run(run(f"{long_thread.get_absolute_url()}?page={middle}",
                    long_thread.category.get_absolute_url(), member_cookie()))


if __name__ == "__main__":
    main()
