"""Real server processes for tests and benchmarks that need several of them on one Redis.

Each process is a daphne (or uvicorn) serving an ASGI application on 127.0.0.1,
on a database of its own prepared with migrate and seed_demo in a subprocess.
Nothing here imports Django, so a test's own settings never leak into a server.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 30
DEMO_PASSWORD = "peer-support-demo"
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class ServerFailed(RuntimeError):
    """A server or a preparation step did not come up; the message carries its log."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(*, database_url: str, redis_url: str = "", prefix: str = "", **extra: str) -> dict:
    """The environment of a site process: its own database, a shared Redis under `prefix`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "1",
        # A developer's own ALLOWED_HOSTS would make the site refuse 127.0.0.1.
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONUNBUFFERED": "1",
        "LOG_LEVEL": "WARNING",
        **extra,
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env.update(REDIS_URL=redis_url, CHANNEL_PREFIX=f"{prefix}:asgi",
                   CACHE_PREFIX=f"{prefix}:cache")
    return env


def manage(env: dict, log: Path, *args: str, timeout: float = 180) -> None:
    with log.open("a") as out:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                              stdout=out, stderr=subprocess.STDOUT, timeout=timeout)
    if done.returncode:
        raise ServerFailed(f"manage.py {args[0]} failed:\n{log.read_text()[-5000:]}")


def prepare_site(env: dict, log: Path, *, room_slug: str) -> None:
    """Migrate, seed the demo accounts, and make sure an open room `room_slug` exists."""
    manage(env, log, "migrate", "--noinput")
    manage(env, log, "seed_demo")
    manage(env, log, "shell", "-c",
           "from chat.models import Room; "
           f"Room.objects.get_or_create(slug={room_slug!r}, defaults={{'name': {room_slug!r}}})")


@contextmanager
def running_server(env: dict, log: Path, *, app: str = "config.asgi:application",
                   server: str = "daphne", health_path: str = "/healthz"):
    """One server process on a free port; yields its base URL, and always stops it."""
    port = free_port()
    if server == "daphne":
        command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), app]
    elif server == "uvicorn":
        command = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port),
                   "--log-level", "warning", "--no-access-log", app]
    else:
        raise ValueError(f"unknown server {server!r}")
    base_url = f"http://127.0.0.1:{port}"
    with log.open("a") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(process, base_url + health_path, log)
        yield base_url
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_healthy(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"the server exited with code {process.returncode}:\n"
                               f"{log.read_text()[-5000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass  # not listening yet, or unhealthy (503): keep waiting
        time.sleep(0.2)
    raise ServerFailed(f"{url} did not return 200 within {STARTUP_SECONDS}s:\n"
                       f"{log.read_text()[-5000:]}")


def log_in(base_url: str, username: str, password: str = DEMO_PASSWORD) -> str:
    """Log in through the real form; returns the Cookie header value of the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base_url}/accounts/login/", timeout=10) as response:
        token = CSRF_FIELD.search(response.read())
    if token is None:
        raise ServerFailed("the login page has no CSRF token")
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1).decode(),
                                   "login": username, "password": password}).encode()
    with opener.open(urllib.request.Request(f"{base_url}/accounts/login/", data=body,
                                            headers={"Referer": f"{base_url}/accounts/login/"}),
                     timeout=10) as response:
        landed = response.geturl()
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies or landed.endswith("/accounts/login/"):
        raise ServerFailed(f"logging in as {username} gave no session")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def forget_prefix(redis_url: str, prefix: str) -> None:
    """Delete what one run left in a shared Redis, and nothing else."""
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            client.delete(key)
    finally:
        client.close()
