"""Wellbeing's part of leaving: the export holds the member's consent, answers and requests to
talk; deleting the account deletes their answers and consent."""

import io
import json
import zipfile

import pytest

from community import leaving
from moderation.models import QueueItem
from tests.factories import UserFactory
from wellbeing import services
from wellbeing.models import CheckIn, Consent, TalkRequest

pytestmark = pytest.mark.django_db

GOOD = {"life_satisfaction": 7, "worthwhile": 8, "happiness": 6, "anxiety": 3,
        "loneliness": "hardly_ever"}


@pytest.fixture
def answered(member, unlimited_writes):
    services.consent_give(member=member)
    services.checkin_record(member=member, answers=GOOD)
    services.talk_request_create(member=member)
    return member


def _export(user) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(leaving.data_export(user=user)))
    return {"json": json.loads(archive.read("my-data.json")),
            "html": archive.read("my-data.html").decode()}


def test_export_holds_consent_answers_and_requests_to_talk(answered):
    exported = _export(answered)
    data = exported["json"]
    assert data["wellbeing_consent"][0]["Taking part"] == "yes"
    assert data["wellbeing_consent"][0]["Version of the words agreed to"] == "1"
    row = data["wellbeing_checkins"][0]
    assert row["Life satisfaction"] == "7" and row["Anxiety yesterday"] == "3"
    assert row["How often you feel lonely"] == "Hardly ever"
    assert len(data["wellbeing_talk_requests"]) == 1
    assert "Your wellbeing check-ins" in exported["html"]


def test_export_holds_no_other_members_answers(answered):
    other = UserFactory(username="sam")
    services.consent_give(member=other)
    services.checkin_record(member=other, answers={**GOOD, "life_satisfaction": 1})
    rows = _export(answered)["json"]["wellbeing_checkins"]
    assert [row["Life satisfaction"] for row in rows] == ["7"]


def test_deleting_the_account_deletes_answers_and_consent(answered):
    other = UserFactory(username="sam")
    services.consent_give(member=other)
    services.checkin_record(member=other, answers=GOOD)
    answered.set_password("a long enough password")
    answered.save()
    leaving.account_delete(user=answered, password="a long enough password",
                           content="anonymise", confirmed=True)
    assert not CheckIn.objects.filter(member=answered).exists()
    assert CheckIn.objects.count() == 1  # sam's stay
    assert not Consent.objects.filter(member=answered).exists()
    # The moderators' record of the request stays, with no answers in it.
    assert TalkRequest.objects.filter(member=answered).count() == 1
    assert QueueItem.objects.count() == 1
