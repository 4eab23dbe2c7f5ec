"""Browser-test fixtures: the real site over ASGI on its own database, and Debian's Chromium."""

import json
import os
import random
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 30
FAILED = pytest.StashKey[bool]()
SERVER_LOG = pytest.StashKey[Path]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        item.stash[FAILED] = True
        # The server runs in another process: its traceback is only in the log.
        log = item.session.stash.get(SERVER_LOG, None)
        if log and log.exists():
            report.sections.append(("server log", log.read_text(errors="replace")[-20_000:]))
    return report


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def _e2e_database_url(tmp_path_factory):
    """A database of the server's own, so pytest-django's test database is never touched."""
    url = os.environ.get("DATABASE_URL", "")
    if not url or url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'site.sqlite3'}"
        return
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        pytest.skip(f"browser tests run on SQLite or PostgreSQL, not {parts.scheme}")
    import psycopg

    name = f"{parts.path.lstrip('/')}_e2e"
    admin_url = parts._replace(path="/postgres").geturl()

    def run(sql: str) -> None:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(sql)

    # FORCE ends connections a crashed earlier run may have left open.
    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    yield parts._replace(path=f"/{name}").geturl()
    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def mail_dir(tmp_path_factory) -> Path:
    """Where the site writes the emails it sends, one file per connection."""
    return tmp_path_factory.mktemp("e2e-mail")


def sent_mail(mail_dir: Path) -> str:
    """Every email the site has sent so far, as text."""
    return "\n".join(path.read_text(errors="replace") for path in sorted(mail_dir.iterdir()))


@pytest.fixture(scope="session")
def site_url(request, _e2e_database_url, tmp_path_factory, mail_dir):
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": _e2e_database_url,
        "DEBUG": "1",
        # A developer's own ALLOWED_HOSTS would make the site refuse 127.0.0.1.
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONUNBUFFERED": "1",
        # Every browser test signs in from 127.0.0.1: the per-address pace is for the public.
        "LOGINS_PER_MINUTE_PER_IP": "1000",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        # Links in emails lead to this server.
        "SITE_URL": base_url,
    }
    log_path = tmp_path_factory.mktemp("e2e-server") / "server.log"
    request.session.stash[SERVER_LOG] = log_path
    with log_path.open("w") as log:
        for command in (["migrate", "--noinput"], ["seed_demo"]):
            done = subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=120,
            )
            if done.returncode:
                pytest.fail(f"manage.py {' '.join(command)} failed:\n{log_path.read_text()}")

        server = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
             "config.asgi:application"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_healthy(server, base_url, log_path)
            yield base_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_healthy(server: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the site exited with code {server.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass  # not listening yet, or unhealthy (503): keep waiting
        time.sleep(0.2)
    pytest.fail(
        f"{base_url}/healthz did not return 200 within {STARTUP_SECONDS}s:\n{log_path.read_text()}"
    )


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("REQUIRE_SERVICES=1 but Chromium is missing: apt-get install chromium")
        pytest.skip("Chromium not installed: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright not installed: pip install -e '.[e2e]'")
    # Debian's Chromium, not Playwright's download, so no `playwright install` is needed.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser):
    # A fresh context per test: no cookies or session carried between journeys.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    yield page
    if request.node.stash.get(FAILED, False):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True)
    context.close()


def log_in(page, site_url: str, username: str):
    """Sign a page in as one of the demo accounts, through the real log-in form."""
    page.goto(site_url + "/accounts/login/")
    page.get_by_label("Pseudonym or email").fill(username)
    page.get_by_label("Password", exact=True).fill("peer-support-demo")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()
    return page


@pytest.fixture
def signed_in_page(page, site_url):
    """A page signed in as the demo member alex."""
    return log_in(page, site_url, "alex")


@pytest.fixture
def moderator_page(page, site_url):
    """A page signed in as the demo moderator mo."""
    return log_in(page, site_url, "mo")


# A writer of its own, so muting or hiding them changes nothing for the other journeys' demo
# members.
WRITE_POST = """
import json
from community.models import User
from forums.models import Thread
from forums.services import post_create
from moderation.models import QueueItem
from moderation.services import content_approve

writer = User.objects.create_user(username="{name}", email="{name}@example.org",
                                  password="peer-support-demo")
thread = Thread.objects.filter(category__slug="anxiety-and-low-mood").order_by("pk").first()
post = post_create(author=writer, thread=thread, body="{body}").post
# A newcomer's first post waits for a moderator; this journey starts once it is published.
for held in QueueItem.objects.filter(object_id=post.pk, content_type__model="post"):
    content_approve(item=held, moderator=User.objects.get(username="mo"))
print(json.dumps({{"post": post.pk}}))
"""


@pytest.fixture
def written(site_url, _e2e_database_url):
    """A published post by a new member: (their name, the post's words, the post's id)."""
    tag = "".join(random.choices(string.ascii_lowercase, k=6))
    name, body = f"kit{tag}", f"Another long night. I keep going over everything ({tag})."
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "DATABASE_URL": _e2e_database_url, "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", WRITE_POST.format(name=name, body=body)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=60)
    return name, body, json.loads(done.stdout.strip().splitlines()[-1])["post"]


def on_site(database_url: str, code: str) -> dict:
    """Run Python in the site's own database (as an administrator's shell would); the last
    line printed, as JSON."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "DATABASE_URL": database_url, "DEBUG": "1"}
    done = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
                          cwd=ROOT, env=env, check=True, capture_output=True, text=True,
                          timeout=60)
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}
