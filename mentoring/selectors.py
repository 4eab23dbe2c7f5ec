"""Reads for the peer supporter's own page. Supervision notes are never read here."""

from mentoring.models import TrainingRecord


def own_training(user) -> list[TrainingRecord]:
    """The peer supporter's courses, newest first."""
    return list(TrainingRecord.objects.filter(supporter__user=user))
