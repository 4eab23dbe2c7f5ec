"""Peer supporters as the administrators know them: paid or volunteer, their training and
supervision, and whether they have stepped back for a while.

The role itself is the "Peer supporters" group (community.roles); these records decide
whether it is in force (mentoring.services.supporter_standing).
"""

from django.conf import settings
from django.db import models


class PeerSupporter(models.Model):
    """One peer supporter's standing record; made when an administrator first records them."""

    class Kind(models.TextChoices):
        VOLUNTEER = "volunteer", "Volunteer"
        PAID = "paid", "Paid"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="peer_supporter")
    kind = models.CharField("paid or volunteer", max_length=20, choices=Kind.choices,
                            default=Kind.VOLUNTEER)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="supervisees",
        help_text="Who supervises them now: an administrator or moderator.")
    stepped_back_at = models.DateTimeField(
        null=True, blank=True,
        help_text="Set by the peer supporter with “Step back for a while”; cleared when "
                  "they come back.")
    paused_notice_at = models.DateTimeField(
        "told of the pause at", null=True, blank=True,
        help_text="When they and the administrators were told their training had run out. "
                  "Cleared once current training is recorded, so each pause is told once.")

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return self.user.username


class TrainingRecord(models.Model):
    supporter = models.ForeignKey(PeerSupporter, on_delete=models.CASCADE,
                                  related_name="training")
    course = models.CharField(max_length=200)
    completed_on = models.DateField("completed on")
    expires_on = models.DateField(
        "runs out on", null=True, blank=True,
        help_text="From this day the training no longer counts. Leave empty if it never "
                  "runs out.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = "training"
        verbose_name_plural = "training"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gt=models.F("completed_on")),
                name="training_runs_out_after_it_is_completed",
                violation_error_message="The training must run out after the day it was "
                                        "completed. Please check the dates."),
        ]

    def __str__(self) -> str:
        return f"{self.course} ({self.completed_on:%d %B %Y})"

    def is_current(self, today) -> bool:
        return self.completed_on <= today and (self.expires_on is None or today < self.expires_on)


class SupervisionSession(models.Model):
    """A supervision meeting. Its notes are for administrators only: never shown to the peer
    supporter, members or moderators, and left out of the peer supporter's data export."""

    supporter = models.ForeignKey(PeerSupporter, on_delete=models.CASCADE,
                                  related_name="supervision")
    held_on = models.DateField("held on")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    notes = models.TextField("private notes", blank=True,
                             help_text="Seen by administrators only.")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = "supervision session"

    def __str__(self) -> str:
        return f"Supervision on {self.held_on:%d %B %Y}"
