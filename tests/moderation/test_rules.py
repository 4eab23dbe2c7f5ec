"""One unreadable rule never stops screening: it is left out and the others still work."""

import pytest

from moderation.models import CrisisPattern
from moderation.screening import screen

pytestmark = pytest.mark.django_db


def test_a_broken_rule_in_the_database_is_ignored_not_fatal(caplog):
    rule = CrisisPattern.objects.create(pattern="placeholder", level="urgent", topic="suicide")
    # Written around the model's validation, as a careless migration or shell session might.
    CrisisPattern.objects.filter(pk=rule.pk).update(pattern="(a (b|c))")

    screening = screen("I want to die", kind="message")

    assert screening.risk == "urgent"
    assert "cannot be read" in caplog.text
