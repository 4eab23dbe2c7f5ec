"""Wellbeing check-ins: a member's consent, their answers over time, and their requests to
talk to someone. Only wellbeing's services write these."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from community.content import ModeratedContent
from wellbeing.questions import Loneliness, Measure

SCORE = [MinValueValidator(0), MaxValueValidator(10)]


class Consent(models.Model):
    """One member's answer to the invitation: given (with the version of the words they
    agreed to, and when), declined, or withdrawn."""

    member = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="wellbeing_consent")
    version = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Which wording of the consent text they agreed to.")
    given_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Wellbeing consent of {self.member}"

    @property
    def is_given(self) -> bool:
        return self.given_at is not None and self.withdrawn_at is None


class CheckIn(models.Model):
    """One check-in: the five answers, or a skip. An anonymised check-in has no member;
    `series` (random, made when anonymising) groups one former respondent's answers, and
    its time is only the day."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="wellbeing_checkins")
    series = models.UUIDField(null=True, blank=True, editable=False)
    recorded_at = models.DateTimeField()
    is_skipped = models.BooleanField(default=False)
    life_satisfaction = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    worthwhile = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    happiness = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    anxiety = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCORE)
    loneliness = models.CharField(max_length=20, choices=Loneliness.choices, blank=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        indexes = [models.Index(fields=["member", "recorded_at"])]
        constraints = [
            models.CheckConstraint(
                name="wellbeing_checkin_scores_0_to_10",
                condition=Q(*[Q(**{f"{m}__isnull": True}) | Q(**{f"{m}__lte": 10})
                              for m in Measure.values])),
            models.CheckConstraint(
                name="wellbeing_checkin_answered_or_skipped",
                condition=Q(is_skipped=True) | Q(
                    **{f"{m}__isnull": False for m in Measure.values}) & ~Q(loneliness="")),
        ]

    def __str__(self) -> str:
        return f"Check-in of {self.recorded_at:%Y-%m-%d}"

    def scores(self) -> dict[str, int | None]:
        return {measure: getattr(self, measure) for measure in Measure.values}


class TalkRequest(ModeratedContent):
    """A member asked, after a check-in, for someone to talk to them. It reaches moderators
    as a queue item through its adapter (wellbeing.moderation); it holds none of the
    member's answers."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="wellbeing_talk_requests")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Request to talk from {self.member}"

    def get_absolute_url(self) -> str:
        return reverse("member_detail", args=[self.member.username])
