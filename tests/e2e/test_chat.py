"""Two members in a chat room: a message arrives live, a moderator hides it for everyone."""

import re
import uuid

import pytest

from tests.e2e.conftest import log_in, on_site
from tests.e2e.test_accessibility import assert_no_violations

pytestmark = pytest.mark.e2e
expect = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed: pip install -e '.[e2e]'"
).expect

# Always open (no drop-in hours), so the journey does not depend on the time of day.
ROOM = "/chat/carers-cuppa/"


def test_a_message_arrives_live_and_a_moderator_removes_it(browser, page, site_url):
    alex = log_in(page, site_url, "alex")
    alex.goto(site_url + ROOM)
    expect(alex.get_by_role("heading", name="Carers' cuppa")).to_be_visible()
    expect(alex.get_by_role("button", name="Send")).to_be_enabled()
    assert_no_violations(alex)

    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + ROOM)
        expect(mo.get_by_role("button", name="Send")).to_be_enabled()
        expect(alex.locator("[data-chat-presence]")).to_contain_text("mo")

        words = f"<b>Hello</b> from the browser {uuid.uuid4().hex[:6]}"
        alex.get_by_label("Your message").fill(words)
        alex.get_by_role("button", name="Send").click()

        seen = mo.locator(".chat-message", has_text=words)
        expect(seen).to_be_visible()
        expect(alex.locator(".chat-message", has_text=words)).to_be_visible()
        remove_with_reason(mo, seen, "Testing removal")
        expect(alex.locator(".chat-message", has_text=words)).to_have_count(0)
        expect(seen).to_have_count(0)
    finally:
        other.close()


def test_a_screen_that_reconnects_drops_what_was_removed_meanwhile(browser, page, site_url):
    links, is_cut_off = [], []

    def through(route):
        # While cut off, every reconnection fails, as when a phone loses its signal.
        if is_cut_off:
            route.close(code=1011)
        else:
            links.append((route, route.connect_to_server()))

    alex = log_in(page, site_url, "alex")
    alex.route_web_socket(re.compile(r"/ws/chat/"), through)
    alex.goto(site_url + ROOM)
    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + ROOM)
        unkind, later = (f"{words} {uuid.uuid4().hex[:6]}" for words in ("Unkind", "Later"))
        send_and_see(mo, unkind)
        expect(alex.locator(".chat-message", has_text=unkind)).to_be_visible()

        is_cut_off.append(True)
        for route, server in links:
            route.close()
            server.close()
        # Its writer deletes it: a screen that was away drops it as it drops a removal.
        mo.locator(".chat-message", has_text=unkind).get_by_role("button", name="Delete").click()
        mo.get_by_role("dialog").get_by_role("button", name="Delete it").click()
        expect(mo.locator(".chat-message", has_text=unkind)).to_have_count(0)
        send_and_see(mo, later)
        is_cut_off.clear()

        expect(alex.locator(".chat-message", has_text=later)).to_be_visible(timeout=20_000)
        expect(alex.locator(".chat-message", has_text=unkind)).to_have_count(0)
    finally:
        other.close()


def remove_with_reason(page, message, reason: str) -> None:
    """A moderator hides a message from its Moderate menu, through the menu's dialog."""
    message.locator(".chat-message__actions summary", has_text="Moderate").click()
    message.get_by_role("button", name=re.compile(r"^Hide ")).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(re.compile(r"^Reason, shown to ")).fill(reason)
    dialog.get_by_role("button", name="Hide for everyone").click()


def send_and_see(page, words: str) -> None:
    page.get_by_label("Your message").fill(words)
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".chat-message", has_text=words)).to_be_visible()


def test_visitors_are_asked_to_log_in(page, site_url):
    page.goto(site_url + ROOM)

    expect(page.get_by_role("link", name="Log in to join the room")).to_be_visible()


def test_crisis_words_bring_help_to_the_sender_and_an_alert_to_moderators(browser, page,
                                                                          site_url):
    other = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        mo = log_in(other.new_page(), site_url, "mo")
        mo.goto(site_url + "/moderation/")
        expect(mo.get_by_text("Live alerts are on")).to_be_visible()

        sam = log_in(page, site_url, "sam")
        sam.goto(site_url + ROOM)
        expect(sam.get_by_role("button", name="Send")).to_be_enabled()
        sam.get_by_label("Your message").fill(
            f"I can't do this any more, I want to die tonight {uuid.uuid4().hex[:6]}")
        sam.get_by_role("button", name="Send").click()

        card = sam.locator(".chat-signpost")
        expect(card).to_be_visible()
        expect(card).to_contain_text("Samaritans")
        expect(mo.get_by_text("New urgent item")).to_be_visible()
    finally:
        other.close()


def test_without_javascript_a_message_is_sent_from_the_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        alex = log_in(context.new_page(), site_url, "alex")
        alex.goto(site_url + ROOM)
        words = f"Evening all, from a plain form {uuid.uuid4().hex[:6]}"

        alex.get_by_label("Your message").fill(words)
        alex.get_by_role("button", name="Send").click()

        expect(alex.locator(".chat-message", has_text=words)).to_be_visible()
        expect(alex.get_by_label("Your message")).to_have_value("")
    finally:
        context.close()


# --- Nothing typed is lost, held messages stay with their writer, a chat window -------------

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}
PASSWORD = "peer-support-demo"
HOLD_WORD = "checkfirstword"


@pytest.fixture
def fresh(_e2e_database_url, site_url):
    """A room and two new members of this test's own, so no other journey's limits, mutes
    or messages get in the way: {"room": path, "slug", "writer", "reader", "run": on_site}."""
    tag = uuid.uuid4().hex[:8]
    names = {"writer": f"writer{tag}", "reader": f"reader{tag}"}
    on_site(_e2e_database_url, f"""
from chat.models import Room
from community.models import User
for name in {list(names.values())!r}:
    User.objects.create_user(username=name, email=name + "@example.org", password={PASSWORD!r})
Room.objects.create(name="Room {tag}", slug="room-{tag}")
""")
    return {"room": f"/chat/room-{tag}/", "slug": f"room-{tag}",
            "run": lambda code: on_site(_e2e_database_url, code), **names}


@pytest.fixture(scope="session")
def hold_word(_e2e_database_url, site_url):
    """A watched word that holds a message for a moderator."""
    import time

    on_site(_e2e_database_url, f"""
from moderation.models import WatchedWord
WatchedWord.objects.get_or_create(pattern={HOLD_WORD!r}, action="hold")
""")
    time.sleep(3.5)  # the server reads its screening rules again every 3 seconds
    return HOLD_WORD


def in_room(browser, site_url: str, name: str, room: str):
    """A new phone-sized browser signed in as `name`, in the room, connected."""
    context = browser.new_context(**PHONE)
    page = log_in(context.new_page(), site_url, name)
    page.goto(site_url + room)
    expect(page.locator("[data-chat-presence]")).to_contain_text(name)
    return page


def type_and_send(page, words: str) -> None:
    box = page.get_by_label("Your message")
    box.fill(words)
    box.press("Enter")


def shown(page, words: str):
    """The message as delivered (with its id), not as it waits to be sent."""
    return page.locator(".chat-message[data-id]", has_text=words)


def set_room(fresh, **fields) -> None:
    fresh["run"](f"from chat.models import Room; "
                 f"Room.objects.filter(slug={fresh['slug']!r}).update(**{fields!r})")


def mute(fresh) -> None:
    fresh["run"](f"""
from datetime import timedelta
from django.utils import timezone
from community.models import User
from moderation.models import Sanction
Sanction.objects.create(member=User.objects.get(username={fresh['writer']!r}), kind="mute",
                        reason="A pause while we check in with you.",
                        ends_at=timezone.now() + timedelta(hours=1))
""")


# Each changes the room or the member after the page opened, as when it happens mid-typing.
REFUSALS = {
    "blocked": (lambda fresh: None, "honestly just kys", "not allowed here"),
    "read_only": (lambda fresh: set_room(fresh, status="read_only"), "Is anyone here?",
                  "read-only"),
    "closed": (lambda fresh: set_room(fresh, status="closed"), "Is anyone here?", "closed"),
    "muted": (mute, "Is anyone here?", "A pause while we check in with you."),
}


@pytest.mark.parametrize("code", list(REFUSALS))
def test_a_refused_message_goes_back_in_the_box_with_the_reason(browser, site_url, fresh,
                                                                code):
    arrange, words, reason = REFUSALS[code]
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    try:
        arrange(fresh)
        words = f"{words} {uuid.uuid4().hex[:6]}"

        type_and_send(writer, words)

        expect(writer.locator("#chat-text-refusal")).to_contain_text(reason)
        expect(writer.get_by_label("Your message")).to_have_value(words)
        expect(writer.get_by_label("Your message")).to_be_focused()
        expect(writer.locator(".chat-message", has_text=words)).to_have_count(0)
        assert_no_violations(writer)
    finally:
        writer.context.close()


def test_slow_mode_gives_the_second_message_back_saying_how_long_to_wait(browser, site_url,
                                                                         fresh):
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    try:
        set_room(fresh, slow_mode_seconds=60)
        first, second = (f"{words} {uuid.uuid4().hex[:6]}" for words in ("Hello", "And again"))

        type_and_send(writer, first)
        expect(shown(writer, first)).to_be_visible()
        type_and_send(writer, second)

        expect(writer.locator("#chat-text-refusal")).to_contain_text("Slow mode is on")
        expect(writer.get_by_label("Your message")).to_have_value(second)
        send = writer.locator("[data-chat-send]")
        expect(send).to_have_text(re.compile(r"^Wait \d+ s$"))
        expect(send).to_be_disabled()
    finally:
        writer.context.close()


def test_in_slow_mode_send_counts_down_and_keeps_what_is_typed_meanwhile(browser, site_url,
                                                                         fresh):
    set_room(fresh, slow_mode_seconds=3)
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    try:
        first, second = (f"{words} {uuid.uuid4().hex[:6]}" for words in ("Hello", "And again"))
        type_and_send(writer, first)
        expect(shown(writer, first)).to_be_visible()
        send = writer.locator("[data-chat-send]")
        expect(send).to_have_text(re.compile(r"^Wait \d s$"))

        type_and_send(writer, second)
        expect(writer.locator("#chat-text-refusal")).to_contain_text("Please wait")
        expect(writer.get_by_label("Your message")).to_have_value(second)

        expect(send).to_have_text("Send", timeout=6000)
        writer.get_by_label("Your message").press("Enter")
        expect(shown(writer, second)).to_be_visible()
    finally:
        writer.context.close()


def test_a_burst_of_quick_messages_loses_none(browser, site_url, fresh):
    """Past the limit (5 in 10 seconds) the rest come back to the box; none vanish."""
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    try:
        tag = uuid.uuid4().hex[:6]
        lines = [f"quick {n} {tag}" for n in range(8)]
        box = writer.get_by_label("Your message")
        for line in lines:
            # Typed at the end of whatever is in the box, as a person would: a refusal may
            # have just put earlier words back.
            box.press("Control+End")
            writer.keyboard.insert_text(line)
            box.press("Enter")

        expect(writer.locator(".chat-message--pending")).to_have_count(0)
        expect(writer.locator("#chat-text-refusal")).to_contain_text("Please wait")
        left = box.input_value()
        delivered = [line for line in lines if shown(writer, line).count() == 1]
        # 5 in 10 seconds, however slowly a busy machine types the 8.
        assert 5 <= len(delivered) < len(lines)
        # The rest are in the box (with whatever was typed after a refusal came back).
        assert all((line in delivered) != (line in left) for line in lines), (delivered, left)
    finally:
        writer.context.close()


@pytest.mark.parametrize("dropped", ["before reaching the server", "before the answer"])
def test_a_message_sent_as_the_connection_drops_arrives_exactly_once(browser, site_url, fresh,
                                                                     dropped):
    cut = []

    def through(route):
        server = route.connect_to_server()

        def from_page(frame):
            if not cut and '"type":"message"' in frame and dropped.endswith("server"):
                cut.append(frame)
                route.close()
                server.close()
                return
            server.send(frame)

        def from_server(frame):
            if not cut and '"type": "ack"' in frame:  # stored, but the answer is lost
                cut.append(frame)
                route.close()
                server.close()
                return
            route.send(frame)

        route.on_message(from_page)
        server.on_message(from_server)

    reader = in_room(browser, site_url, fresh["reader"], fresh["room"])
    context = browser.new_context(**PHONE)
    try:
        writer = log_in(context.new_page(), site_url, fresh["writer"])
        writer.route_web_socket(re.compile(r"/ws/chat/"), through)
        writer.goto(site_url + fresh["room"])
        expect(writer.locator("[data-chat-presence]")).to_contain_text(fresh["writer"])
        words = f"Still there? {uuid.uuid4().hex[:6]}"

        type_and_send(writer, words)

        expect(shown(reader, words)).to_have_count(1, timeout=15_000)
        expect(shown(writer, words)).to_have_count(1, timeout=15_000)
        expect(writer.locator(".chat-message--pending")).to_have_count(0)
        assert cut, "the connection was not dropped"
        writer.wait_for_timeout(1000)
        expect(shown(reader, words)).to_have_count(1)
        reader.reload()
        expect(shown(reader, words)).to_have_count(1)
    finally:
        context.close()
        reader.context.close()


def queue_item_of(fresh, words: str) -> int:
    return fresh["run"](f"""
import json
from moderation.models import QueueItem
from chat.models import Message
message = Message.objects.get(text={words!r})
print(json.dumps(QueueItem.objects.filter(object_id=message.pk,
                 content_type__model="message").values_list("pk", flat=True).first()))
""")


@pytest.mark.parametrize("verdict", ["approved", "hidden"])
def test_a_held_message_stays_with_its_writer_until_a_moderator_decides(
        browser, site_url, fresh, hold_word, verdict):
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    reader = in_room(browser, site_url, fresh["reader"], fresh["room"])
    context = browser.new_context(**PHONE)
    try:
        held = f"Does anyone know a {hold_word} for this? {uuid.uuid4().hex[:6]}"
        type_and_send(writer, held)
        mine = shown(writer, held)
        expect(mine).to_contain_text("Waiting for a moderator")
        expect(writer.locator("[data-chat-alerts]")).to_contain_text("moderator")
        assert_no_violations(writer)
        later = f"Evening, all {uuid.uuid4().hex[:6]}"
        type_and_send(reader, later)
        expect(shown(writer, later)).to_be_visible()

        writer.reload()  # still there, still marked, for its writer alone
        expect(shown(writer, held)).to_contain_text("Waiting for a moderator")
        expect(reader.locator(".chat-message", has_text=held)).to_have_count(0)

        mo = log_in(context.new_page(), site_url, "mo")
        mo.goto(f"{site_url}/moderation/items/{queue_item_of(fresh, held)}/")
        if verdict == "approved":
            mo.get_by_role("button", name="Approve: let everyone see it").click()
            arrived = shown(reader, held)
            expect(arrived).to_be_visible()
            # In its place: before the message sent after it.
            assert reader.locator(".chat-message[data-id]").evaluate_all(
                "(items, [a, b]) => items.findIndex((i) => i.textContent.includes(a))"
                " < items.findIndex((i) => i.textContent.includes(b))", [held, later])
            expect(shown(writer, held)).not_to_contain_text("Waiting for a moderator")
            expect(writer.locator("[data-chat-alerts]")).not_to_contain_text("moderator")
        else:
            hide = mo.get_by_role("group", name="Hide it from members")
            hide.get_by_label("Reason", exact=True).fill("Please ask in the forum instead.")
            hide.get_by_role("button", name="Hide it").click()
            expect(writer.locator("[data-chat-alerts]")).to_contain_text(
                "did not approve your message")
            expect(writer.locator("[data-chat-alerts]")).to_contain_text("ask in the forum")
            expect(writer.locator(".chat-message", has_text=held)).to_have_count(0)
            expect(reader.locator(".chat-message", has_text=held)).to_have_count(0)
    finally:
        context.close()
        writer.context.close()
        reader.context.close()


def test_a_message_sent_from_the_keyboard_alone(browser, site_url, fresh):
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    try:
        box = writer.get_by_label("Your message")
        for _ in range(60):
            writer.keyboard.press("Tab")
            if box.evaluate("(node) => node === document.activeElement"):
                break
        expect(box).to_be_focused()
        tag = uuid.uuid4().hex[:6]

        writer.keyboard.type(f"First line {tag}")
        writer.keyboard.press("Shift+Enter")
        writer.keyboard.type("second line")
        writer.keyboard.press("Enter")

        message = shown(writer, tag)
        expect(message.locator(".chat-message__text")).to_have_text(
            f"First line {tag}\nsecond line")
        expect(box).to_have_value("")
        expect(box).to_be_focused()
    finally:
        writer.context.close()


def test_on_a_phone_the_room_opens_at_the_newest_with_the_box_in_view(browser, site_url,
                                                                      fresh):
    fresh["run"](f"""
from chat.models import Message, Room
from community.models import User
room = Room.objects.get(slug={fresh['slug']!r})
reader = User.objects.get(username={fresh['reader']!r})
Message.objects.bulk_create(Message(room=room, author=reader, text=f"Line {{n:03}}")
                            for n in range(80))
""")
    writer = in_room(browser, site_url, fresh["writer"], fresh["room"])
    reader = in_room(browser, site_url, fresh["reader"], fresh["room"])
    try:
        height = writer.viewport_size["height"]
        box = writer.get_by_label("Your message").bounding_box()
        newest = shown(writer, "Line 079").bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= height
        assert 0 <= newest["y"] and newest["y"] + newest["height"] <= box["y"]
        assert_no_violations(writer)

        # Back up the page, older messages come in without losing the place.
        writer.evaluate("window.scrollTo(0, 0)")
        expect(shown(writer, "Line 029")).to_be_attached()
        expect(shown(writer, "Line 010")).to_be_attached()
        # Scrolled up, a new message is announced rather than pulling the page down.
        words = f"Anyone about? {uuid.uuid4().hex[:6]}"
        type_and_send(reader, words)
        marker = writer.get_by_role("button", name="New messages")
        expect(marker).to_be_visible()
        marker.click()
        expect(shown(writer, words)).to_be_in_viewport()
        expect(marker).to_be_hidden()
    finally:
        writer.context.close()
        reader.context.close()
