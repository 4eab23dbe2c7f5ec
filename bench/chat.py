"""Chat delivery across real server processes on Redis, against a bare relay in the same run.

Run with `.venv/bin/python bench/chat.py [N ...]` (default 50 200; needs Redis at
127.0.0.1:6379, and uses PostgreSQL at 127.0.0.1:5432 when it answers, else SQLite).
N members join one room on 1 and then 2 daphne processes; each sends a message every
1/RATE seconds (under the chat's flood limit) for a fixed time. Prints delivered
messages per second and p50/p95/p99 send-to-receive latency for the real chat and
for bench/bare_relay.py (the same server and layer, nothing else), and the ratios.
Goals: at least 0.8 of the relay's delivered rate, p99 under 100 ms with 200 members.
`--compare N` also runs N members on 2 daphne or 2 uvicorn processes, each with
channels_redis's RedisChannelLayer and RedisPubSubChannelLayer; `--rate`, `--seconds`,
`--settle`, `--only`, `--client-processes` tune a run. Talks only to 127.0.0.1.
"""

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import queue
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chat.servers import (  # noqa: E402
    ServerFailed,
    forget_prefix,
    manage,
    running_server,
    server_env,
)

REDIS_URL = "redis://127.0.0.1:6379/0"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
ROOM = "bench-room"
MARKER = "benchmsg"
CONNECT_SECONDS = 120
SETTLE_SECONDS = 2.0
DRAIN_SECONDS = 3.0
LAYERS = {
    "core": "channels_redis.core.RedisChannelLayer",
    "pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
}

MEMBERS_SCRIPT = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from chat.models import Room
from community.models import Member, User
Room.objects.get_or_create(slug={room!r}, defaults={{"name": "Bench room"}})
users = User.objects.bulk_create(User(username=f"bench{{n}}", password="!") for n in range({n}))
users = list(User.objects.filter(username__startswith="bench").order_by("pk"))
Member.objects.bulk_create(Member(user=user) for user in users)
store = import_module(settings.SESSION_ENGINE).SessionStore
cookies = []
for user in users:
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookies.append(f"{{settings.SESSION_COOKIE_NAME}}={{session.session_key}}")
open({out!r}, "w").write(json.dumps(cookies))
"""

PUBSUB_SETTINGS = """
from config.settings import *  # noqa: F403
CHANNEL_LAYERS = {{"default": {{"BACKEND": {backend!r},
                              "CONFIG": {{"hosts": [REDIS_URL], "prefix": {prefix!r}}}}}}}
"""


# ---- clients, in worker processes so the bench's own parsing is spread out ----

async def one_client(url: str, origin: str, cookie: str, phase: float, rate: float, ready, start,
                     stats):
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed

    headers = {"Cookie": cookie} if cookie else {}
    async with connect(url, origin=origin, additional_headers=headers, open_timeout=60,
                       max_size=None, ping_interval=None) as socket:
        ready.append(1)
        begin, end = await start

        async def read():
            with contextlib.suppress(ConnectionClosed):  # counted as failed by the sender
                await read_frames()

        async def read_frames():
            async for raw in socket:
                if MARKER not in raw:
                    continue
                now = time.monotonic()
                frame = json.loads(raw)
                if frame.get("type") == "error":
                    stats["errors"][frame.get("code")] = stats["errors"].get(frame.get("code"),
                                                                               0) + 1
                elif frame.get("type") == "message" and now <= end + DRAIN_SECONDS:
                    stats["latencies"].append((now - float(frame["text"].split()[1])) * 1000)

        reader = asyncio.create_task(read())
        due = begin + phase / rate  # spread evenly, the same in every run
        while due < end:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            await socket.send(json.dumps({"type": "message", "warnings": [],
                                          "text": f"{MARKER} {time.monotonic():.6f}"}))
            stats["sent"] += 1
            due += 1 / rate
        await asyncio.sleep(max(0.0, end + DRAIN_SECONDS - time.monotonic()))
        reader.cancel()


async def run_clients(targets, rate, to_parent, from_parent):
    stats = {"sent": 0, "latencies": [], "errors": {}, "failed": 0}
    ready: list[int] = []
    start = asyncio.get_running_loop().create_future()
    tasks = []
    for url, origin, cookie, phase in targets:
        tasks.append(asyncio.create_task(one_client(url, origin, cookie, phase, rate, ready,
                                                    start, stats)))
        await asyncio.sleep(0.005)  # a join at a time, as people arrive
    deadline = time.monotonic() + CONNECT_SECONDS
    while len(ready) < len(targets) and time.monotonic() < deadline:
        if all(task.done() for task in tasks):
            break
        await asyncio.sleep(0.1)
    to_parent.put(("ready", len(ready)))
    begin, end = await asyncio.to_thread(from_parent.get, True, CONNECT_SECONDS + 30)
    start.set_result((begin, end))
    results = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True),
                                     end - time.monotonic() + DRAIN_SECONDS + 30)
    stats["failed"] = sum(isinstance(result, BaseException) for result in results)
    to_parent.put(("done", stats))


def client_process(targets, rate, to_parent, from_parent):
    asyncio.run(run_clients(targets, rate, to_parent, from_parent))


def measure(base_urls: list[str], cookies: list[str], rate: float, seconds: float,
            client_processes: int, settle: float = SETTLE_SECONDS) -> dict:
    """N clients spread over the servers; returns rates and latency percentiles."""
    context = multiprocessing.get_context("spawn")
    servers = [base_urls[index % len(base_urls)] for index in range(len(cookies))]
    targets = [(f"{url.replace('http', 'ws', 1)}/ws/chat/{ROOM}/", url, cookie,
                index / len(cookies))
               for index, (url, cookie) in enumerate(zip(servers, cookies, strict=True))]
    to_parent = context.Queue()
    channels = [context.Queue() for _ in range(client_processes)]
    workers = [context.Process(target=client_process,
                               args=(targets[index::client_processes], rate, to_parent, inbox))
               for index, inbox in enumerate(channels)]
    for worker in workers:
        worker.start()
    try:
        connected = sum(to_parent.get(timeout=CONNECT_SECONDS + 60)[1] for _ in workers)
        begin = time.monotonic() + settle
        for inbox in channels:
            inbox.put((begin, begin + seconds))
        results = [to_parent.get(timeout=seconds + settle + DRAIN_SECONDS + 60)[1]
                   for _ in workers]
    except queue.Empty:
        raise ServerFailed("the clients did not finish in time") from None
    finally:
        for worker in workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.terminate()
                worker.join()
    latencies = sorted(value for result in results for value in result["latencies"])
    sent = sum(result["sent"] for result in results)
    errors: dict = {}
    for result in results:
        for code, count in result["errors"].items():
            errors[code] = errors.get(code, 0) + count

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] if latencies \
            else float("nan")

    return {
        "connected": connected, "sent": sent, "delivered": len(latencies),
        "expected": sent * connected, "rate": len(latencies) / seconds,
        "p50": percentile(0.50), "p95": percentile(0.95), "p99": percentile(0.99),
        "mean": statistics.fmean(latencies) if latencies else float("nan"),
        "errors": errors, "failed": sum(result["failed"] for result in results),
    }


# ---- the site's database and the runs ----

def bench_database(stack: ExitStack, tmp: Path) -> str:
    """A fresh PostgreSQL database of this run's own, dropped at the end; else SQLite."""
    try:
        import psycopg

        name = f"community_bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 - any failure means: use SQLite
        print(f"(PostgreSQL at 127.0.0.1 not usable: {error}; using SQLite)")
        return f"sqlite:///{tmp / 'bench.sqlite3'}"

    def drop():
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    stack.callback(drop)
    return POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"


def run_one(env: dict, log: Path, *, app: str, servers: int, server: str, cookies: list[str],
            args) -> dict:
    with ExitStack() as stack:
        health = "/healthz" if app.startswith("community") else "/"
        urls = [stack.enter_context(running_server(env, log, app=app, server=server,
                                                   health_path=health))
                for _ in range(servers)]
        start = log.stat().st_size if log.exists() else 0
        result = measure(urls, cookies, args.rate, args.seconds, args.client_processes,
                         args.settle)
    if result["failed"]:
        with log.open(errors="replace") as text:
            text.seek(start)
            print(f"    server log of that run, last lines:\n{text.read()[-1500:]}")
    return result


def row(label: str, result: dict) -> str:
    errors = ", ".join(f"{code} {count}" for code, count in result["errors"].items())
    if result["failed"]:
        errors += f" {result['failed']} sockets dropped"
    errors = errors.strip() or "-"
    share = 100 * result["delivered"] / max(1, result["expected"])
    return (f"  {label:44}{result['connected']:>5}{result['sent']:>7,}"
            f"{result['rate']:>11,.0f}{share:>7.1f}%"
            f"{result['p50']:>8.1f}{result['p95']:>8.1f}{result['p99']:>8.1f}   {errors}")


HEADER = (f"  {'':44}{'N':>5}{'sent':>7}{'deliv/s':>11}{'deliv':>8}"
          f"{'p50ms':>8}{'p95ms':>8}{'p99ms':>8}   errors")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("members", nargs="*", type=int, default=[50, 200])
    parser.add_argument("--rate", type=float, default=0.4,
                        help="messages per second per member (chat allows 0.5)")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--compare", type=int, metavar="N",
                        help="also run N members on daphne/uvicorn x "
                             "RedisChannelLayer/RedisPubSubChannelLayer")
    parser.add_argument("--settle", type=float, default=SETTLE_SECONDS,
                        help="seconds between the last join and the first message")
    parser.add_argument("--only", choices=["bare", "chat"], help="run one side only")
    args = parser.parse_args()
    redis_url = os.environ.get("BENCH_REDIS_URL", REDIS_URL)
    if "127.0.0.1" not in redis_url and "localhost" not in redis_url:
        raise SystemExit("The bench only talks to 127.0.0.1.")
    prefix = f"bench-{uuid.uuid4().hex}"
    most = max(args.members + [args.compare or 0])
    with ExitStack() as stack, tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        stack.callback(forget_prefix, redis_url, prefix)
        log = tmp / "servers.log"
        env = server_env(database_url=bench_database(stack, tmp), redis_url=redis_url,
                         prefix=prefix, DEBUG="0", SECRET_KEY="bench-" + uuid.uuid4().hex * 2,
                         SECURE_SSL_REDIRECT="0", LOG_LEVEL="ERROR")
        try:
            manage(env, log, "migrate", "--noinput")
            out = tmp / "cookies.json"
            manage(env, log, "shell", "-c", MEMBERS_SCRIPT.format(room=ROOM, n=most, out=str(out)))
            all_cookies = json.loads(out.read_text())
            print(f"Chat bench: members send {args.rate} messages/s each for {args.seconds:.0f} s;"
                  f" {args.client_processes} client processes; {os.cpu_count()} CPUs; "
                  f"database {env['DATABASE_URL'].split(':')[0]}.")
            print(HEADER)
            summary = []
            for n in args.members:
                for servers in (1, 2):
                    bare = chat = None
                    if args.only != "chat":
                        bare = run_one(env, log, app="bench.bare_relay:application",
                                       servers=servers, server="daphne", cookies=[""] * n,
                                       args=args)
                        print(row(f"bare relay, {servers} daphne", bare), flush=True)
                    if args.only != "bare":
                        chat = run_one(env, log, app="config.asgi:application",
                                       servers=servers, server="daphne",
                                       cookies=all_cookies[:n], args=args)
                        print(row(f"chat, {servers} daphne", chat), flush=True)
                    if bare and chat:
                        summary.append((n, servers, bare, chat))
            print("\nRatios, chat to bare relay (delivered rate; p99):")
            for n, servers, bare, chat in summary:
                ratio = chat["rate"] / max(1e-9, bare["rate"])
                print(f"  N={n:<4} {servers} process{'es' if servers > 1 else '  '}  "
                      f"rate {ratio:5.2f} ({'met' if ratio >= 0.8 else 'NOT met'} >= 0.8)   "
                      f"p99 {chat['p99']:.1f} ms vs {bare['p99']:.1f} ms")
                if n == 200:
                    print(f"  goal p99 < 100 ms with 200 members, {servers} process(es): "
                          f"{'met' if chat['p99'] < 100 else 'NOT met'}")
            if args.compare:
                compare(env, log, tmp, prefix, all_cookies[:args.compare], args)
        except ServerFailed as error:
            raise SystemExit(f"bench failed: {error}") from None


def compare(env, log, tmp, prefix, cookies, args) -> None:
    print(f"\nServers and layers, real chat, N={len(cookies)}, 2 processes:")
    print(HEADER)
    (tmp / "bench_layer_settings.py").write_text(PUBSUB_SETTINGS.format(
        backend=LAYERS["pubsub"], prefix=f"{prefix}:asgi"))
    results = []
    for layer in LAYERS:
        layer_env = dict(env)
        if layer == "pubsub":
            layer_env.update(DJANGO_SETTINGS_MODULE="bench_layer_settings",
                             PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT)]))
        for server in ("daphne", "uvicorn"):
            result = run_one(layer_env, log, app="config.asgi:application", servers=2,
                             server=server, cookies=cookies, args=args)
            print(row(f"chat, 2 {server}, {layer}", result), flush=True)
            results.append((f"{server} + {layer}", result))
    fastest = max(results, key=lambda item: (item[1]["rate"], -item[1]["p99"]))
    by_p99 = min(results, key=lambda item: item[1]["p99"])
    print(f"  highest delivered rate: {fastest[0]}; lowest p99: {by_p99[0]}")


if __name__ == "__main__":
    main()
