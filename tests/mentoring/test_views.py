"""The peer supporter's own page and the step back / come back buttons: plain forms that
work without JavaScript."""

import pytest

from community import roles
from community.models import WriteLimit
from community.ratelimits import rates_changed
from community.services import role_grant
from mentoring.services import supporter_standing

pytestmark = pytest.mark.django_db


def test_own_profile_offers_step_back_in_plain_words(client, peer_supporter):
    client.force_login(peer_supporter)

    page = client.get("/members/jo/").content.decode()

    assert "You are an active peer supporter" in page
    assert 'action="/mentoring/step-back/"' in page
    assert "Step back for a while</button>" in page
    assert "You do not need to explain" in page


def test_the_button_is_not_offered_to_members_or_on_others_pages(client, member,
                                                                  peer_supporter):
    client.force_login(member)
    assert "Step back" not in client.get("/members/alex/").content.decode()
    assert "Step back" not in client.get("/members/jo/").content.decode()


def test_stepping_back_and_coming_back_with_a_plain_form(client, peer_supporter):
    client.force_login(peer_supporter)

    page = client.post("/mentoring/step-back/", {"next": "/members/jo/"}, follow=True)

    assert page.redirect_chain == [("/members/jo/", 302)]
    text = page.content.decode()
    assert "You have stepped back. Your badge is hidden" in text
    assert "Come back</button>" in text and "Step back for a while</button>" not in text
    assert '<span class="badge">Peer supporter</span>' not in text

    page = client.post("/mentoring/come-back/", follow=True)

    assert page.redirect_chain == [("/mentoring/", 302)]
    text = page.content.decode()
    assert "Welcome back. You are an active peer supporter" in text
    assert supporter_standing(peer_supporter).is_active


def test_stepping_back_needs_a_post(client, peer_supporter):
    client.force_login(peer_supporter)

    assert client.get("/mentoring/step-back/").status_code == 405
    assert not supporter_standing(peer_supporter).has_stepped_back


def test_too_many_changes_are_refused_with_when_to_try_again(client, peer_supporter):
    WriteLimit.objects.filter(kind=WriteLimit.Kind.STEP_BACK).update(rate="1 per hour")
    rates_changed()
    client.force_login(peer_supporter)
    client.post("/mentoring/step-back/")

    page = client.post("/mentoring/come-back/", follow=True).content.decode()

    assert "Please wait" in page
    assert supporter_standing(peer_supporter).has_stepped_back


def test_a_member_who_is_not_a_peer_supporter_is_told_plainly(client, member):
    client.force_login(member)

    page = client.post("/mentoring/step-back/", follow=True).content.decode()

    assert "Only peer supporters can step back." in page
    assert "please talk to an administrator" in page


def test_own_page_lists_training_and_says_when_none_is_recorded(client, peer_supporter):
    kit = peer_supporter.__class__.objects.create_user(username="kit", password="x" * 20)
    role_grant(user=kit, role=roles.PEER_SUPPORTERS)
    client.force_login(peer_supporter)
    assert "Peer support foundations" in client.get("/mentoring/").content.decode()

    client.force_login(kit)
    page = client.get("/mentoring/").content.decode()

    assert "No peer supporter training is recorded for you yet" in page
    assert "Step back for a while</button>" in page


def test_signed_out_visitors_are_sent_to_log_in(client):
    response = client.post("/mentoring/step-back/")

    assert response.status_code == 302 and "login" in response["Location"]
