"""How many messages a second one full chat room carries, against a bare relay in the same run.

Run with `.venv/bin/python bench/chat.py` (needs redis-server on the PATH or Redis at
127.0.0.1:6379; uses PostgreSQL at 127.0.0.1:5432 when it answers, else SQLite).

For 1 and then 2 uvicorn processes set up as README's "Running in production" says
(Redis pub/sub as the channel layer, a database pool, no per-message compression),
N members (default 200) join one room, spread over the
processes, and then the room climbs a ladder of rates: at each step the members
together send R messages a second (each one in turn) for a few seconds. A step passes
when every member's socket got every message (no loss, no socket dropped) with p99
send-to-receive latency under 500 ms; the saturation point is the last step that
passed. bench/bare_relay.py (the same server and layer, nothing else) climbs beside it,
each rate run for both in turn so they meet the same load, and the ratios chat/relay
are printed per process count. A failed step is tried once more before a side stops.
The joining storm (every member arriving within about a second) is reported too, and a
few seconds of messages at the lowest rate warm each run up before the ladder.

The bench sets the members' chat write limit high (an administrator's setting), so the
ladder is not cut short by the flood limit. Talks only to 127.0.0.1.
"""

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import queue
import shutil
import subprocess
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
    free_port,
    manage,
    running_server,
    server_env,
)

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"
SHARED_REDIS_URL = "redis://127.0.0.1:6379/0"
ROOM = "bench-room"
MARKER = "benchmsg"
JOIN_SECONDS = 120
DRAIN_SECONDS = 3.0
PASS_P99_MS = 500
WARM_UP_SECONDS = 3
GOAL_RATE, GOAL_P99_MS = 20, 100
# What README's "Running in production" sets besides the addresses.
PRODUCTION = {"DATABASE_POOL_SIZE": "8", "UVICORN_WS_PER_MESSAGE_DEFLATE": "false"}
LADDER = [5, 10, 20, 30, 40, 60, 80, 120, 160, 240]

MEMBERS_SCRIPT = """
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from chat.models import Room
from community.models import Member, User, WriteLimit
Room.objects.get_or_create(slug={room!r}, defaults={{"name": "Bench room"}})
WriteLimit.objects.update_or_create(kind=WriteLimit.Kind.MESSAGE,
                                    defaults={{"rate": "1000 per 10 seconds"}})
User.objects.bulk_create(User(username=f"bench{{n}}", password="!") for n in range({n}))
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


# ---- members, in worker processes so the bench's own reading is spread out ----

class Member:
    """One socket: it reads every frame, and sends its share of a step's messages."""

    def __init__(self, socket, phase: float, *, expects_history: bool):
        self.socket, self.phase, self.is_open = socket, phase, True
        # In the room once the chat has sent its history (the relay sends none).
        self.arrived = asyncio.Event()
        if not expects_history:
            self.arrived.set()

    async def read(self, steps: dict):
        from websockets.exceptions import ConnectionClosed

        with contextlib.suppress(ConnectionClosed):
            async for raw in self.socket:
                if raw.startswith('{"type": "history"'):
                    self.arrived.set()
                    continue
                at = raw.find(MARKER)
                if at < 0:
                    if '"error"' in raw:
                        code = json.loads(raw).get("code")
                        for stats in steps.values():
                            stats["errors"][code] = stats["errors"].get(code, 0) + 1
                    continue
                now = time.monotonic()
                _, step, sent_at = raw[at:].split('"', 1)[0].split()
                stats = steps.get(int(step))
                if stats is not None:
                    stats["latencies"].append((now - float(sent_at)) * 1000)
        self.is_open = False
        self.arrived.set()

    async def send_share(self, step: int, begin: float, end: float, rate: float, stats):
        due = begin + self.phase / rate
        while due < end and self.is_open:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            with contextlib.suppress(Exception):  # a closed socket shows as loss
                await self.socket.send(json.dumps({
                    "type": "message", "warnings": [],
                    "text": f"{MARKER} {step} {time.monotonic():.6f}"}))
                stats["sent"] += 1
            due += 1 / rate


async def run_members(targets, to_parent, from_parent):
    from websockets.asyncio.client import connect

    steps: dict[int, dict] = {}
    members, readers = [], []

    async def join(url, origin, cookie, phase):
        headers = {"Cookie": cookie} if cookie else {}
        socket = await connect(url, origin=origin, additional_headers=headers,
                               open_timeout=JOIN_SECONDS, max_size=None, ping_interval=None)
        member = Member(socket, phase, expects_history=bool(cookie))
        members.append(member)
        readers.append(asyncio.create_task(member.read(steps)))
        await member.arrived.wait()

    started = time.monotonic()
    joins = []
    for target in targets:
        joins.append(asyncio.create_task(join(*target)))
        await asyncio.sleep(0.005)  # people arriving, a few milliseconds apart
    joined = await asyncio.gather(*joins, return_exceptions=True)
    to_parent.put(("joined", {"joined": len(members), "seconds": time.monotonic() - started,
                              "failed": sum(isinstance(r, BaseException) for r in joined)}))
    while True:
        order = await asyncio.to_thread(from_parent.get)
        if order is None:
            break
        step, begin, end, rate = order
        stats = steps[step] = {"sent": 0, "latencies": [], "errors": {},
                               "open_before": sum(m.is_open for m in members)}
        await asyncio.gather(*(m.send_share(step, begin, end, rate, stats) for m in members))
        await asyncio.sleep(max(0.0, end + DRAIN_SECONDS - time.monotonic()))
        del steps[step]
        stats["open_after"] = sum(m.is_open for m in members)
        to_parent.put(("step", stats))
    for member in members:
        with contextlib.suppress(Exception):
            await member.socket.close()
    for reader in readers:
        reader.cancel()


def member_process(targets, to_parent, from_parent):
    asyncio.run(run_members(targets, to_parent, from_parent))


class Room:
    """N members in worker processes, joined to the servers; steps of the ladder on demand."""

    def __init__(self, base_urls: list[str], cookies: list[str], workers: int):
        context = multiprocessing.get_context("spawn")
        self.size = len(cookies)
        targets = [(f"{url.replace('http', 'ws', 1)}/ws/chat/{ROOM}/", url, cookie,
                    index / self.size)
                   for index, (url, cookie) in enumerate(
                       zip([base_urls[i % len(base_urls)] for i in range(self.size)], cookies,
                           strict=True))]
        self.to_parent = context.Queue()
        self.inboxes = [context.Queue() for _ in range(workers)]
        self.workers = [context.Process(target=member_process,
                                        args=(targets[index::workers], self.to_parent, inbox))
                        for index, inbox in enumerate(self.inboxes)]
        # Step numbers unique to the run, so no message of an earlier room counts.
        self.steps = int(time.time() * 1000)

    def _replies(self, timeout: float) -> list[dict]:
        try:
            return [self.to_parent.get(timeout=timeout)[1] for _ in self.workers]
        except queue.Empty:
            raise ServerFailed("the members did not answer in time") from None

    def join(self) -> dict:
        for worker in self.workers:
            worker.start()
        replies = self._replies(JOIN_SECONDS + 60)
        return {"joined": sum(r["joined"] for r in replies),
                "failed": sum(r["failed"] for r in replies),
                "seconds": max(r["seconds"] for r in replies)}

    def step(self, rate: float, seconds: float) -> dict:
        """The room sends `rate` messages a second for `seconds`; what every member got."""
        self.steps += 1
        begin = time.monotonic() + 0.5
        for inbox in self.inboxes:
            inbox.put((self.steps, begin, begin + seconds, rate / self.size))
        replies = self._replies(seconds + DRAIN_SECONDS + 60)
        latencies = sorted(value for r in replies for value in r["latencies"])
        sent = sum(r["sent"] for r in replies)
        listening = sum(r["open_before"] for r in replies)
        errors: dict = {}
        for reply in replies:
            for code, count in reply["errors"].items():
                errors[code] = errors.get(code, 0) + count
        p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] if latencies \
            else float("inf")
        result = {"rate": rate, "sent": sent, "expected": sent * listening,
                  "delivered": len(latencies), "errors": errors,
                  "dropped": listening - sum(r["open_after"] for r in replies),
                  "p50": latencies[len(latencies) // 2] if latencies else float("inf"),
                  "p99": p99}
        result["passed"] = (result["delivered"] == result["expected"] > 0
                            and not result["dropped"] and not errors and p99 < PASS_P99_MS)
        return result

    def close(self) -> None:
        for inbox in self.inboxes:
            inbox.put(None)
        for worker in self.workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.terminate()
                worker.join()


# ---- the services, the site's database and the runs ----

def bench_redis(stack: ExitStack, tmp: Path) -> str:
    """A redis-server of the run's own (nothing else disturbs it), else the shared one."""
    binary = shutil.which("redis-server")
    if binary is None:
        return os.environ.get("BENCH_REDIS_URL", SHARED_REDIS_URL)
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no", "--dir", str(tmp)],
                               stdout=subprocess.DEVNULL)
    stack.callback(process.wait)
    stack.callback(process.terminate)
    time.sleep(0.3)
    return f"redis://127.0.0.1:{port}/0"


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


SIDES = {"relay": "bench.bare_relay:application", "chat": "config.asgi:application"}


def climb(env: dict, log: Path, *, processes: int, cookies: list[str], args) -> dict:
    """Both rooms joined side by side, then the ladder, each rate run for the relay and then
    the chat, so both meet the same load on the machine; a failed step is tried once more
    (other work on the machine can stall everything for a moment). A side stops climbing at
    its first step that fails twice. For each side: the joining and each step."""
    sides = [side for side in SIDES if args.only in (None, side)]
    with ExitStack() as stack:
        rooms, found = {}, {}
        for side in sides:
            health = "/healthz" if side == "chat" else "/"
            urls = [stack.enter_context(running_server(env, log, app=SIDES[side],
                                                       server="uvicorn", health_path=health))
                    for _ in range(processes)]
            rooms[side] = Room(urls, cookies if side == "chat" else [""] * len(cookies),
                               args.client_processes)
            stack.callback(rooms[side].close)
            found[side] = (rooms[side].join(), [])
            time.sleep(1)  # the last presence lists of the joining
            # Not judged: each process's first messages pay for loading rules and caches.
            rooms[side].step(args.rates[0], WARM_UP_SECONDS)
        climbing = set(sides)
        for rate in args.rates:
            for side in [side for side in sides if side in climbing]:
                step = rooms[side].step(rate, args.seconds)
                if not step["passed"]:
                    step = rooms[side].step(rate, args.seconds)
                found[side][1].append(step)
                if not step["passed"]:
                    climbing.discard(side)
            if not climbing:
                break
    return found


def saturation(steps: list[dict]) -> float:
    return max((step["rate"] for step in steps if step["passed"]), default=0)


def step_row(label: str, step: dict) -> str:
    share = 100 * step["delivered"] / max(1, step["expected"])
    problems = [f"{code} {count}" for code, count in step["errors"].items()]
    if step["dropped"]:
        problems.append(f"{step['dropped']} sockets dropped")
    return (f"  {label:22}{step['rate']:>6g}{step['sent']:>7,}{step['delivered']:>10,}"
            f"{share:>8.1f}%{step['p50']:>8.0f}{step['p99']:>8.0f}   "
            f"{'pass' if step['passed'] else 'FAIL'} {', '.join(problems)}")


HEADER = (f"  {'':22}{'msg/s':>6}{'sent':>7}{'delivered':>10}{'share':>9}"
          f"{'p50ms':>8}{'p99ms':>8}")


def load() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--rates", type=float, nargs="+", default=LADDER,
                        help="the ladder: messages per second in the whole room")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seconds", type=float, default=6.0, help="length of each step")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--only", choices=["relay", "chat"], help="run one side only")
    args = parser.parse_args()
    prefix = f"bench-{uuid.uuid4().hex}"
    with ExitStack() as stack, tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        redis_url = bench_redis(stack, tmp)
        stack.callback(forget_prefix, redis_url, prefix)
        log = tmp / "servers.log"
        env = server_env(database_url=bench_database(stack, tmp), redis_url=redis_url,
                         prefix=prefix, DEBUG="0", SECRET_KEY="bench-" + uuid.uuid4().hex * 2,
                         SECURE_SSL_REDIRECT="0", LOG_LEVEL="ERROR", **PRODUCTION)
        try:
            manage(env, log, "migrate", "--noinput")
            out = tmp / "cookies.json"
            manage(env, log, "shell", "-c",
                   MEMBERS_SCRIPT.format(room=ROOM, n=args.members, out=str(out)))
            cookies = json.loads(out.read_text())
            print(f"Chat bench: {args.members} members in one room, uvicorn + Redis pub/sub, "
                  f"{args.seconds:g} s a step, {args.client_processes} member processes, "
                  f"{os.cpu_count()} CPUs, database {env['DATABASE_URL'].split(':')[0]}; "
                  f"{load()}.")
            print(HEADER)
            summary = []
            for processes in args.processes:
                found = climb(env, log, processes=processes, cookies=cookies, args=args)
                for side, (joined, steps) in found.items():
                    label = f"{side}, {processes} process{'es' if processes > 1 else ''}"
                    print(f"  {label}: {joined['joined']} of {args.members} joined in "
                          f"{joined['seconds']:.1f} s"
                          + (f", {joined['failed']} could not" if joined["failed"] else ""))
                    for step in steps:
                        print(step_row(label, step))
                summary.append((processes, found, load()))
                sys.stdout.flush()
            print_summary(summary, args.members)
        except ServerFailed as error:
            raise SystemExit(f"bench failed: {error}") from None


def print_summary(summary, members: int) -> None:
    print(f"\nSaturation (largest rate with no loss and p99 < {PASS_P99_MS} ms), "
          f"{members} members:")
    for processes, found, load_after in summary:
        rates = {side: saturation(steps) for side, (_, steps) in found.items()}
        line = f"  {processes} process{'es' if processes > 1 else '  '}  " + "  ".join(
            f"{side} {rate:g} msg/s" for side, rate in rates.items())
        if "chat" in rates and "relay" in rates:
            ratio = f"{rates['chat'] / rates['relay']:.2f}" if rates["relay"] else "n/a"
            line += f"  ratio chat/relay {ratio}"
        if "chat" in found:
            at_goal = [s for s in found["chat"][1] if s["rate"] == GOAL_RATE]
            if at_goal:
                step = at_goal[0]
                met = "met" if step["passed"] and step["p99"] < GOAL_P99_MS else "NOT met"
                line += (f"  chat p99 at {GOAL_RATE} msg/s {step['p99']:.0f} ms "
                         f"({met}: < {GOAL_P99_MS} ms)")
        print(f"{line}   ({load_after})")


if __name__ == "__main__":
    main()
