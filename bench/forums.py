"""How fast members' and visitors' forum pages are served, against no-query pages in the same run.

Run with `make bench` (or `.venv/bin/python bench/forums.py`). For SQLite, and then for
PostgreSQL when one answers at 127.0.0.1:5432, it seeds a forum of 100,000 posts
(bench/forums_seed.py), starts one uvicorn process with DEBUG off as in production
(bench/forums_site.py: the site plus a baseline view), and loads it through 8
keep-alive connections of its own. Each page is measured as a visitor and as a
signed-in member beside its baseline: the same page's bytes from a view that makes no
query, through the same server and middleware, asked for without a session. Rounds
take the pages in turn, so each meets the same machine; the best round counts.
It prints requests per second, p50 and p99 at saturation, the ratio to the baseline,
and p99 for the member's thread page at half its saturation rate. The goals: a
member's thread page at least 0.5 of its baseline, the other member pages at least
0.4, and that p99 under 100 ms.

`--in-process` is the quick option: requests one at a time through the ASGI
application in this process, on SQLite, no server.
"""

import argparse
import asyncio
import json
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chat.servers import ServerFailed, manage, running_server, server_env  # noqa: E402

POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH_DB = "bench_forums"
REDIS_URL = "redis://127.0.0.1:6379/15"
CONNECTIONS = 8
ROUNDS = 3
SECONDS = 2.0
WARM_UP_SECONDS = 1.0
HALF_LOAD_SECONDS = 5.0
THREAD_GOAL, OTHER_GOAL, P99_GOAL_MS = 0.5, 0.4, 100


@dataclass(frozen=True)
class Page:
    name: str
    slug: str
    path: str
    is_member: bool

    @property
    def baseline(self) -> str:
        return f"/bench/baseline/{self.slug}-{'member' if self.is_member else 'visitor'}/"

    @property
    def goal(self) -> float | None:
        if not self.is_member:
            return None
        return THREAD_GOAL if self.slug == "thread" else OTHER_GOAL


def pages_of(seeded: dict) -> list[Page]:
    paths = [("thread", f"thread page {seeded['thread'].rsplit('=', 1)[-1]}", seeded["thread"]),
             ("category", "category page 1", seeded["category"]),
             ("index", "forum index", "/forums/"),
             ("search", "search results", "/forums/search/?q=canal+ducks"),
             ("notifications", "notifications", "/notifications/")]
    return [Page(name, slug, path, is_member)
            for slug, name, path in paths for is_member in (False, True)
            if is_member or slug != "notifications"]


# ---- a small HTTP/1.1 client: keep-alive, Content-Length or chunked answers ----

@dataclass
class Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    # What the site set (the CSRF cookie), kept per kind of reader as a browser would.
    cookies: dict[bool, dict[str, str]] = field(default_factory=lambda: {False: {}, True: {}})

    @classmethod
    async def open(cls, port: int) -> "Connection":
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def get(self, path: str, session: str = "") -> tuple[int, bytes]:
        jar = self.cookies[bool(session)]
        cookie = "; ".join([session] * bool(session)
                           + [f"{name}={value}" for name, value in jar.items()])
        self.writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
            f"{f'Cookie: {cookie}{chr(13)}{chr(10)}' if cookie else ''}\r\n".encode())
        status = int((await self.reader.readline()).split()[1])
        length, is_chunked = 0, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                is_chunked = "chunked" in value.lower()
            elif name == "set-cookie":
                pair = value.split(";", 1)[0]
                jar[pair.split("=", 1)[0]] = pair.split("=", 1)[1]
        if not is_chunked:
            return status, await self.reader.readexactly(length)
        chunks = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            chunks.append((await self.reader.readexactly(size + 2))[:-2])
        await self.reader.readline()
        return status, b"".join(chunks)

    def close(self) -> None:
        self.writer.close()


@dataclass
class Result:
    rate: float
    latencies_ms: list[float]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


async def must_get(connection: Connection, path: str, session: str) -> bytes:
    status, body = await connection.get(path, session)
    if status != 200:
        raise SystemExit(f"GET {path} answered {status}, not 200: the page must work before "
                         f"it can be measured.\n{body[:800].decode(errors='replace')}")
    return body


async def saturate(connections: list[Connection], path: str, session: str,
                   seconds: float) -> Result:
    """Every connection asks again as soon as it is answered."""
    latencies: list[float] = []
    started = time.perf_counter()
    end = started + seconds

    async def keep_asking(connection: Connection) -> None:
        while time.perf_counter() < end:
            before = time.perf_counter()
            await must_get(connection, path, session)
            latencies.append((time.perf_counter() - before) * 1000)

    await asyncio.gather(*(keep_asking(connection) for connection in connections))
    return Result(len(latencies) / (time.perf_counter() - started), latencies)


async def at_rate(connections: list[Connection], path: str, session: str, rate: float,
                  seconds: float) -> Result:
    """Requests due at a steady rate, spread over the connections; latency counts from
    when each was due, so a slow answer also delays the ones queued behind it."""
    latencies: list[float] = []
    started = time.perf_counter()
    count = int(rate * seconds)

    async def ask_in_turn(number: int, connection: Connection) -> None:
        for due in range(number, count, len(connections)):
            due_at = started + due / rate
            await asyncio.sleep(max(0.0, due_at - time.perf_counter()))
            await must_get(connection, path, session)
            latencies.append((time.perf_counter() - due_at) * 1000)

    await asyncio.gather(*(ask_in_turn(number, connection)
                           for number, connection in enumerate(connections)))
    return Result(count / (time.perf_counter() - started), latencies)


async def measure_server(port: int, pages: list[Page], session: str, baselines: Path,
                         connections_wanted: int) -> None:
    connections = [await Connection.open(port) for _ in range(connections_wanted)]
    try:
        await measure(connections, pages, session, baselines)
    finally:
        for connection in connections:
            connection.close()


async def measure(connections: list[Connection], pages: list[Page], session: str,
                  baselines: Path) -> None:
    for page in pages:  # the baselines are the pages' own bytes
        body = await must_get(connections[0], page.path, session if page.is_member else "")
        (baselines / f"{page.slug}-{'member' if page.is_member else 'visitor'}.html"
         ).write_bytes(body)
    best: dict[Page | str, Result] = {}
    for _ in range(ROUNDS):
        for page in pages:
            for key, path, who in ((page.baseline, page.baseline, ""),
                                   (page, page.path, session * page.is_member)):
                await saturate(connections, path, who, WARM_UP_SECONDS)
                result = await saturate(connections, path, who, SECONDS)
                if key not in best or result.rate > best[key].rate:
                    best[key] = result
    report(pages, best)
    thread = next(page for page in pages if page.slug == "thread" and page.is_member)
    half = best[thread].rate / 2
    result = await at_rate(connections, thread.path, session, half, HALF_LOAD_SECONDS)
    p99 = result.percentile(0.99)
    print(f"  member's {thread.name} at half its saturation rate ({half:,.0f} req/s): "
          f"p50 {result.percentile(0.5):.1f} ms, p99 {p99:.1f} ms; goal p99 under "
          f"{P99_GOAL_MS} ms: {'met' if p99 < P99_GOAL_MS else 'NOT met'}")


def report(pages: list[Page], best: dict[Page | str, Result]) -> None:
    print(f"  {'page':34}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'baseline':>10}{'ratio':>7}"
          "  goal")
    for page in pages:
        result, baseline = best[page], best[page.baseline]
        ratio = result.rate / baseline.rate
        goal = ("" if page.goal is None
                else f"  {'met' if ratio >= page.goal else 'NOT met'} (>= {page.goal})")
        who = "member" if page.is_member else "visitor"
        print(f"  {page.name + ', ' + who:34}{result.rate:8,.0f}{result.percentile(0.5):8.1f}"
              f"{result.percentile(0.99):8.1f}{baseline.rate:10,.0f}{ratio:7.2f}{goal}")


# ---- one database: seed it, serve it, measure it ----

def postgres_answers() -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=2, autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB} WITH (FORCE)")
            db.execute(f"CREATE DATABASE {POSTGRES_BENCH_DB}")
    except psycopg.OperationalError:
        return False
    return True


def redis_answers() -> bool:
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        client.flushdb()
        client.close()
    except redis.RedisError:
        return False
    return True


def run_database(label: str, database_url: str, redis_url: str, connections: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-forums-"))
    log = workdir / "server.log"
    env = server_env(database_url=database_url, redis_url=redis_url, prefix="bench-forums",
                     DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50),
                     SECURE_SSL_REDIRECT="0", BENCH_BASELINE_DIR=str(workdir),
                     DATABASE_POOL_SIZE="8")
    seeded_file = workdir / "seeded.json"
    with log.open("a") as out:
        done = subprocess.run([sys.executable, "bench/forums_seed.py", str(seeded_file)],
                              cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode:
        raise ServerFailed(f"seeding failed:\n{log.read_text()[-5000:]}")
    manage(env, log, "collectstatic", "--noinput", "--verbosity", "0")
    seeded = json.loads(seeded_file.read_text())
    print(f"\n{label}{' and Redis' if redis_url else ', no Redis'}: 100,000 posts seeded in "
          f"{seeded['seconds']:.0f} s; one uvicorn process, DEBUG off, {connections} "
          f"connections, best of {ROUNDS} rounds of {SECONDS:.0f} s:")
    with running_server(env, log, app="bench.forums_site:application",
                        server="uvicorn") as base_url:
        port = int(base_url.rsplit(":", 1)[1])
        asyncio.run(measure_server(port, pages_of(seeded), seeded["cookie"], workdir,
                                   connections))


# ---- the quick option: in this process, one request at a time ----

def run_in_process() -> None:
    import os

    workdir = Path(tempfile.mkdtemp(prefix="bench-forums-"))
    os.environ.update(DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
                      BENCH_BASELINE_DIR=str(workdir))
    from bench import forums_seed, forums_site

    forums_site.settings.DEBUG = False  # no query log, as in production
    forums_seed.main(str(workdir / "seeded.json"))
    seeded = json.loads((workdir / "seeded.json").read_text())
    print("In process through the ASGI application on SQLite, one request at a time:")
    asyncio.run(measure([InProcess(forums_site.application)], pages_of(seeded),
                        seeded["cookie"], workdir))


class InProcess(Connection):
    """The client's interface over the ASGI application itself, without a socket."""

    def __init__(self, app):
        super().__init__(reader=None, writer=None)
        self.app = app

    async def get(self, path: str, session: str = "") -> tuple[int, bytes]:
        path_part, _, query = path.partition("?")
        headers = [(b"host", b"127.0.0.1")] + ([(b"cookie", session.encode())] * bool(session))
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "https", "path": path_part,
                 "raw_path": path_part.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": headers, "client": ("127.0.0.1", 50_000),
                 "server": ("127.0.0.1", 443)}
        received, status, chunks = False, 0, []

        async def receive():
            nonlocal received
            if not received:
                received = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Future()  # the client never disconnects; Django cancels this wait

        async def send(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(chunks)



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--in-process", action="store_true",
                        help="quick: through the ASGI application in this process")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--connections", type=int, default=CONNECTIONS)
    args = parser.parse_args()
    if args.in_process:
        run_in_process()
        return
    redis_url = REDIS_URL if redis_answers() else ""
    run_database("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3", "",
                 args.connections)
    if args.sqlite_only:
        return
    if postgres_answers():
        run_database("PostgreSQL", f"postgres://postgres@127.0.0.1:5432/{POSTGRES_BENCH_DB}",
                     redis_url, args.connections)
    else:
        print("\nPostgreSQL does not answer at 127.0.0.1:5432: measured on SQLite only.")


if __name__ == "__main__":
    main()
