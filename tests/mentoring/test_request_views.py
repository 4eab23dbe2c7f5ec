"""The asking and offering pages: plain forms, refused words kept beside their box, no
member's name on the peer supporters' page, and no page for those who may not offer."""

import pytest

from community import roles
from community.services import role_grant
from mentoring import services
from mentoring.models import Mentoring, MentorRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WANTED = "My mum has dementia and the evenings are long."


def form(**changes) -> dict:
    return {"topics": ["carers", "dementia"], "support_with": WANTED, "times": ["evenings"],
            "nation": "scotland", "not_wanted": "", **changes}


def test_the_form_prefills_the_nation_from_the_profile(client, member):
    member.member.nation = "wales"
    member.member.save()
    client.force_login(member)

    page = client.get("/mentoring/ask/").content.decode()

    assert '<option value="wales" selected>' in page
    assert "Nobody becomes your mentor unless you choose them" in page


def test_a_member_asks_and_sees_their_request(client, member):
    client.force_login(member)

    response = client.post("/mentoring/ask/", form(), follow=True)

    assert response.redirect_chain == [("/mentoring/ask/", 302)]
    page = response.content.decode()
    assert "Your request is in" in page and WANTED in page
    assert "No offers yet" in page
    assert MentorRequest.objects.get().member == member


def test_refused_words_are_kept_with_the_reason(client, member):
    client.force_login(member)
    typed = "Please just kys already"

    response = client.post("/mentoring/ask/", form(not_wanted=typed))

    assert response.status_code == 400
    page = response.content.decode()
    assert typed in page and WANTED in page
    assert not MentorRequest.objects.exists()


def test_peer_supporters_read_requests_without_the_name_and_offer(client, member,
                                                                  peer_supporter):
    services.request_create(member=member, **form())
    client.force_login(peer_supporter)

    page = client.get("/mentoring/requests/").content.decode()

    assert "Dementia" in page and "Scotland" in page and WANTED in page
    assert f"/members/{member.username}/" not in page
    assert f">{member.username}<" not in page
    request = MentorRequest.objects.get()
    response = client.post(f"/mentoring/requests/{request.pk}/offer/",
                           {f"request-{request.pk}-about": "I cared for my dad."}, follow=True)
    assert "Your offer is sent" in response.content.decode()
    assert request.offers.get().supporter == peer_supporter


def test_an_empty_offer_is_refused_beside_its_box(client, member, peer_supporter):
    request = services.request_create(member=member, **form()).obj
    client.force_login(peer_supporter)

    response = client.post(f"/mentoring/requests/{request.pk}/offer/",
                           {f"request-{request.pk}-about": ""})

    assert response.status_code == 400
    assert "Please write a few words about your experience" in response.content.decode()


def test_members_and_untrained_supporters_get_no_requests(client, member):
    services.request_create(member=UserFactory(username="sam"), **form())
    untrained = UserFactory(username="pat")
    role_grant(user=untrained, role=roles.PEER_SUPPORTERS)
    for user in (member, untrained):
        client.force_login(user)
        response = client.get("/mentoring/requests/")
        assert response.status_code == 403
        assert WANTED not in response.content.decode()


def test_the_member_chooses_an_offer_from_their_page(client, member, peer_supporter):
    request = services.request_create(member=member, **form()).obj
    services.offer_create(supporter=peer_supporter, request_id=request.pk,
                          about="I cared for my dad for ten years.")
    client.force_login(member)

    page = client.get("/mentoring/ask/").content.decode()
    assert "I cared for my dad for ten years." in page and "Choose jo" in page
    assert "Peer supporter</span>" in page  # the badge

    offer = request.offers.get()
    response = client.post(f"/mentoring/offers/{offer.pk}/choose/", follow=True)

    assert "You have chosen jo as your peer mentor" in response.content.decode()
    assert Mentoring.objects.get().mentor == peer_supporter


def test_declining_all_and_withdrawing_are_plain_buttons(client, member, peer_supporter):
    request = services.request_create(member=member, **form()).obj
    services.offer_create(supporter=peer_supporter, request_id=request.pk, about="Hello")
    client.force_login(member)

    response = client.post(f"/mentoring/ask/{request.pk}/decline/", follow=True)

    assert "You have declined the offers" in response.content.decode()
    assert not Mentoring.objects.exists()
    other = services.request_create(member=member, **form()).obj
    response = client.post(f"/mentoring/ask/{other.pk}/withdraw/", follow=True)
    assert "Your request is withdrawn" in response.content.decode()


def test_another_member_cannot_choose_on_my_request(client, member, peer_supporter):
    request = services.request_create(member=member, **form()).obj
    services.offer_create(supporter=peer_supporter, request_id=request.pk, about="Hello")
    client.force_login(UserFactory(username="sam"))

    response = client.post(f"/mentoring/offers/{request.offers.get().pk}/choose/", follow=True)

    assert "That offer is not there" in response.content.decode()
    assert not Mentoring.objects.exists()


def test_crisis_words_keep_the_request_and_show_help_at_once(client, member):
    from django.core.management import call_command

    call_command("load_help_directory", verbosity=0)
    client.force_login(member)

    response = client.post("/mentoring/ask/", form(support_with="I want to die tonight"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "You don&#x27;t have to go through this alone" in page or \
        "You don't have to go through this alone" in page
    assert "Samaritans" in page and "Your request" in page
    assert MentorRequest.objects.get().support_with == "I want to die tonight"


def test_moderators_read_a_flagged_request_in_the_queue(client, member, moderator):
    from moderation.models import QueueItem
    from tests.factories import on_duty_moderator

    on_duty_moderator()
    services.request_create(member=member, **form(support_with="I want to die tonight"))
    item = QueueItem.objects.get()
    client.force_login(moderator)

    assert "I want to die tonight" in client.get("/moderation/").content.decode()
    page = client.get(f"/moderation/items/{item.pk}/").content.decode()
    assert "request for a peer mentor" in page and "I want to die tonight" in page
    history = client.get(f"/moderation/members/{member.username}/")
    assert history.status_code == 200
