"""Peer supporters as the administrators know them: paid or volunteer, their training and
supervision, and whether they have stepped back for a while.

The role itself is the "Peer supporters" group (community.roles); these records decide
whether it is in force (mentoring.services.supporter_standing).
"""

from django.conf import settings
from django.db import models

from community.models import Nation, Topic


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
    caseload_limit = models.PositiveSmallIntegerField(
        "most mentees at once", default=3,
        help_text="How many members they may mentor at the same time. Requests stop showing "
                  "to them while they are full.")
    topics = models.JSONField(
        "topics they mentor on", default=list, blank=True,
        help_text="They see requests on these topics. Leave empty for every topic.")
    paused_notice_at = models.DateTimeField(
        "told of the pause at", null=True, blank=True,
        help_text="When they and the administrators were told their training had run out. "
                  "Cleared once current training is recorded, so each pause is told once.")

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return self.user.username

    def mentors_on(self, topics) -> bool:
        return not self.topics or bool(set(self.topics) & set(topics))


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


class PreferredTime(models.TextChoices):
    MORNINGS = "mornings", "Mornings"
    AFTERNOONS = "afternoons", "Afternoons"
    EVENINGS = "evenings", "Evenings"
    WEEKENDS = "weekends", "Weekends"


class MentorRequest(models.Model):
    """A member asking for a peer mentor. Peer supporters read it without the member's
    name; only the member who asked sees it with their name and the offers made."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CHOSEN = "chosen", "A peer mentor was chosen"
        DECLINED = "declined", "Declined all offers"
        WITHDRAWN = "withdrawn", "Withdrawn"

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="mentor_requests")
    topics = models.JSONField(default=list, help_text="community.models.Topic values.")
    support_with = models.TextField("what they would like support with", blank=True)
    times = models.JSONField("preferred times", default=list, blank=True)
    nation = models.CharField(max_length=20, choices=Nation.choices, blank=True)
    not_wanted = models.TextField("what they do not want", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "request for a peer mentor"
        constraints = [
            models.UniqueConstraint(fields=["member"], condition=models.Q(status="open"),
                                    name="one_open_mentor_request_per_member",
                                    violation_error_message="You already have an open "
                                    "request for a peer mentor."),
        ]

    def __str__(self) -> str:
        return f"Request for a peer mentor {self.pk}"

    def topic_labels(self) -> list[str]:
        return [Topic(value).label for value in self.topics if value in Topic.values]

    def time_labels(self) -> list[str]:
        return [PreferredTime(value).label for value in self.times
                if value in PreferredTime.values]


class MentorOffer(models.Model):
    """A peer supporter offering to mentor the member who made a request."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for the member"
        CHOSEN = "chosen", "Chosen"
        NOT_CHOSEN = "not_chosen", "Not chosen"
        WITHDRAWN = "withdrawn", "Withdrawn"

    request = models.ForeignKey(MentorRequest, on_delete=models.CASCADE, related_name="offers")
    supporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="mentor_offers")
    about = models.TextField("about my experience", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "supporter"],
                                    name="one_offer_per_supporter_per_request",
                                    violation_error_message="You have already offered to "
                                    "mentor this member."),
        ]

    def __str__(self) -> str:
        return f"Offer {self.pk} on request {self.request_id}"


class Mentoring(models.Model):
    """A mentee and the peer mentor they chose. Made only by the mentee's choice
    (mentoring.services.offer_choose)."""

    class Status(models.TextChoices):
        # Item 3 of issue 15 adds the agreement both sign; mentoring starts after it.
        AWAITING_AGREEMENT = "awaiting_agreement", "Chosen: waiting for the agreement"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    mentee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="mentorings_as_mentee")
    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="mentorings_as_mentor")
    request = models.OneToOneField(MentorRequest, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="mentoring")
    status = models.CharField(max_length=20, choices=Status.choices,
                              default=Status.AWAITING_AGREEMENT)
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"Mentoring {self.pk}"

    @property
    def counts_in_caseload(self) -> bool:
        return self.status != self.Status.ENDED


CASELOAD_STATUSES = [Mentoring.Status.AWAITING_AGREEMENT, Mentoring.Status.ACTIVE]
