"""The conversation pages, as a member and a moderator use them without JavaScript."""

import html

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from conversations.models import Conversation, Opening
from conversations.services import conversation_end, conversation_open, conversation_write
from forums.services import thread_create
from tests.factories import CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db
LIST = "/conversations/"
# The session and user, the header's reads (a moderator's queue count among them), the count
# and one page of conversations.
LIST_QUERIES = 8


def start_url(member, query=""):
    return reverse("conversations:start", args=[member.username]) + query


def test_a_moderator_checks_in_from_the_members_page_and_the_member_replies(client, moderator,
                                                                           member):
    client.force_login(moderator)
    profile = client.get(f"/members/{member.username}/")
    assert "Check in privately" in profile.text

    page = client.get(start_url(member))
    opening = Opening.objects.first()
    assert opening.label in page.text
    filled = client.get(start_url(member, f"?opening={opening.pk}"))
    assert f"{opening.text}</textarea>" in html.unescape(filled.text)

    sent = client.post(start_url(member), {"text": "Hello, how are you doing?"}, follow=True)
    conversation = Conversation.objects.get()
    assert sent.redirect_chain[-1][0].startswith(conversation.get_absolute_url())
    assert "Your message is sent" in sent.text

    client.force_login(member)
    assert "would like to check in" in client.get("/notifications/").text
    assert conversation.get_absolute_url() in client.get(LIST).text
    replied = client.post(conversation.get_absolute_url(), {"text": "Not great, thanks for asking"},
                          follow=True)
    assert "Not great, thanks for asking" in replied.text
    assert "Hello, how are you doing?" in replied.text

    ended = client.post(reverse("conversations:end", args=[conversation.pk]), follow=True)
    assert "This conversation has ended." in ended.text and "alex ended it" in ended.text
    assert "Your message" not in ended.text, "no box to write in"


def test_members_see_no_check_in_link_on_each_others_pages(client, member):
    other = UserFactory(username="sam")
    client.force_login(member)

    assert "privately" not in client.get(f"/members/{other.username}/").text
    page = client.get(start_url(other))
    assert page.status_code == 403 and "Only moderators" in page.text


def test_refused_words_stay_in_the_box_with_the_reason(client, moderator, member):
    client.force_login(moderator)
    words = "I hope you are OK. " * 120

    page = client.post(start_url(member), {"text": words})

    assert page.status_code == 400
    assert f"{words}</textarea>" in html.unescape(page.text)
    assert "Please keep your message under 2,000" in page.text
    assert not Conversation.objects.exists()


def test_a_refused_reply_keeps_its_words_and_shows_help(client, moderator, member):
    from django.core.management import call_command
    call_command("load_help_directory", verbosity=0)
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    client.force_login(member)

    page = client.post(conversation.get_absolute_url(),
                       {"text": "kys. I want to die tonight"})

    assert page.status_code == 400
    assert "kys. I want to die tonight</textarea>" in page.text
    assert "Samaritans" in page.text


def test_worrying_words_bring_help_after_sending(client, moderator, member):
    from django.core.management import call_command
    call_command("load_help_directory", verbosity=0)
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    client.force_login(member)

    page = client.post(conversation.get_absolute_url(), {"text": "I want to die tonight"},
                       follow=True)

    assert "?help=" in page.redirect_chain[-1][0]
    assert "You don't have to go through this alone" in page.text and "Samaritans" in page.text


def test_a_check_in_about_a_post_names_it(client, moderator, member, unlimited_writes):
    post = thread_create(author=member, category=CategoryFactory(), title="Low days",
                         body="Hard week").post
    client.force_login(moderator)

    page = client.get(start_url(member, f"?about=post-{post.pk}"))
    assert "You are writing about" in page.text and "their post" in page.text
    client.post(start_url(member, f"?about=post-{post.pk}"), {"text": "Checking in"})

    assert Conversation.objects.get().about == post


@pytest.mark.parametrize("about", ["post-999", "nothing-1", "post-x", "post-"])
def test_an_unknown_about_reference_is_not_found(client, moderator, member, about):
    client.force_login(moderator)

    assert client.get(start_url(member, f"?about={about}")).status_code == 404


def test_others_cannot_read_a_conversation(client, moderator, member):
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    client.force_login(UserFactory(username="sam"))

    assert client.get(conversation.get_absolute_url()).status_code == 404
    assert client.post(conversation.get_absolute_url(), {"text": "hi"}).status_code == 404


def test_other_moderators_read_a_check_in_but_cannot_write_in_it(client, moderator, member,
                                                                  admin_user):
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    client.force_login(admin_user)

    page = client.get(conversation.get_absolute_url())
    assert page.status_code == 200 and "Your message" not in page.text
    assert conversation.get_absolute_url() in client.get(LIST).text


def test_the_other_member_can_report_a_message(client, moderator, member):
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    client.force_login(member)
    message = conversation.messages.get()

    page = client.get(reverse("conversations:report", args=[message.pk]))

    assert page.status_code == 200 and "a private message from mo" in page.text


def test_the_queue_item_offers_a_check_in(client, moderator, member):
    from moderation.models import QueueItem
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    written = conversation_write(author=member, conversation=conversation,
                                 text="I want to die tonight")
    item = QueueItem.objects.get(object_id=written.message.pk)
    client.force_login(moderator)

    page = client.get(reverse("moderation:item", args=[item.pk]))

    assert start_url(member, f"?item={item.pk}") in page.text
    assert "private message by alex" in page.text


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_runs_a_fixed_number_of_queries(client, moderator, admin_user, size,
                                                unlimited_writes,
                                                django_assert_max_num_queries):
    for number in range(size):
        member = UserFactory(username=f"member-{number}")
        conversation = conversation_open(starter=moderator, member=member,
                                         text="Hi").conversation
        if number % 2:
            conversation_end(by=member, conversation=conversation)
    client.force_login(admin_user)
    client.get(LIST)

    with django_assert_max_num_queries(LIST_QUERIES):
        page = client.get(LIST)

    assert page.text.count('href="/conversations/') == min(size, 30) + 1


def test_moderators_check_in_from_a_post(client, moderator, member, unlimited_writes):
    post = thread_create(author=member, category=CategoryFactory(), title="Low days",
                         body="Hard week").post
    client.force_login(moderator)

    page = client.get(reverse("forums:post", args=[post.pk]), follow=True)

    assert start_url(member, f"?about=post-{post.pk}") in page.text


def test_a_check_in_about_someone_elses_post_is_not_found(client, moderator, member,
                                                           unlimited_writes):
    post = thread_create(author=UserFactory(username="sam"), category=CategoryFactory(),
                         title="Low days", body="Hard week").post
    client.force_login(moderator)

    assert client.get(start_url(member, f"?about=post-{post.pk}")).status_code == 404


def test_peer_supporters_start_only_from_words_members_can_read(client, peer_supporter, member,
                                                                conversation_settings,
                                                                unlimited_writes):
    conversation_settings(peer_supporters=True)
    held = thread_create(author=member, category=CategoryFactory(), title="Low days",
                         body="Hard week").post
    assert held.visibility == "held"
    client.force_login(peer_supporter)

    assert client.get(start_url(member, f"?about=post-{held.pk}")).status_code == 404
    assert client.get(start_url(member)).status_code == 200


def test_the_audit_log_reads_each_step(client, moderator, member, admin_user):
    conversation = conversation_open(starter=moderator, member=member, text="Hi").conversation
    conversation_write(author=member, conversation=conversation, text="Quietly struggling")
    conversation_end(by=member, conversation=conversation)
    client.force_login(admin_user)

    page = client.get("/moderation/log/")

    number = conversation.pk
    log = " ".join(strip_tags(page.text).split())
    for line in (f"mo opened private conversation {number} with alex ",
                 f"mo wrote in private conversation {number} with alex",
                 f"alex wrote in private conversation {number} ",
                 f"alex ended private conversation {number} "):
        assert line in log
    assert "Quietly struggling" not in page.text


def test_a_reported_members_conversation_opens_to_moderators(client, member, moderator,
                                                             conversation_settings,
                                                             reports_count_in_full):
    from moderation.models import QueueItem
    conversation_settings(members=True)
    sam = UserFactory(username="sam")
    conversation = conversation_open(starter=member, member=sam,
                                     text="You are pathetic").conversation
    client.force_login(moderator)
    assert client.get(conversation.get_absolute_url()).status_code == 404
    assert conversation.get_absolute_url() not in client.get(LIST).text

    client.force_login(sam)
    message = conversation.messages.get()
    client.post(reverse("conversations:report", args=[message.pk]), {"reason": "unkind"})

    item = QueueItem.objects.get(object_id=message.pk)
    assert item.content == message and item.priority == "high"
    client.force_login(moderator)
    page = client.get(conversation.get_absolute_url())
    assert page.status_code == 200 and "You are pathetic" in page.text
