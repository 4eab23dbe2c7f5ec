"""A forum of 100,000 posts for bench/forums.py, written straight into the database.

Run as `python bench/forums_seed.py OUT.json` with DATABASE_URL set (the bench does
this): migrates, seeds, gives member1 some notifications and a session, and writes
the thread and category addresses and member1's cookie to OUT.json. Rows are written
directly: the bench measures reading, so screening is skipped here.
"""

import html
import json
import os
import random
import sys
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from community.models import Member, Notification, User  # noqa: E402
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


def notifications_for(user: User, count: int = 40) -> None:
    Notification.objects.bulk_create(
        Notification(user=user, kind=Notification.Kind.REPLY, url=f"/forums/posts/{n}/",
                     text=f"member{n} replied in a thread you follow")
        for n in range(1, count + 1)
    )


def session_cookie(user: User) -> str:
    """A signed-in session, made the way logging in makes one."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def main(out: str) -> None:
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    long_thread = seed(random.Random(2012))
    member = User.objects.get(username="member1")
    notifications_for(member)
    middle = LONG_THREAD_POSTS // POSTS_PER_PAGE // 2
    Path(out).write_text(json.dumps({
        "thread": f"{long_thread.get_absolute_url()}?page={middle}",
        "category": long_thread.category.get_absolute_url(),
        "cookie": session_cookie(member),
        "seconds": time.perf_counter() - started,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
