"""The directory of local and online peer support groups, and the partner organisations
that may keep their own entries."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from community.models import Topic
from localgroups.places import GroupNation, Region, nation_of, postcode_area, postcode_district

# An entry nobody has checked for this long is flagged to administrators.
STALE_AFTER = timedelta(days=365)


class Organisation(models.Model):
    """Who runs groups. Its members (partner accounts) may keep its entries and no others."""

    name = models.CharField(max_length=120, unique=True)
    website = models.URLField(blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="partner_organisations",
        help_text="Partner accounts who may add and change this organisation's groups. "
                  "Give them the 'Partner organisations' role too.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PeerGroup(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in-person", "In person"
        ONLINE = "online", "Online"
        BOTH = "both", "In person and online"

    class Audience(models.TextChoices):
        LIVED_EXPERIENCE = "lived-experience", "People with lived experience"
        CARERS = "carers", "Carers, family and friends"
        BOTH = "both", "Both people with lived experience and carers"

    class Ages(models.TextChoices):
        ANY = "any", "Any age"
        YOUNG = "young", "Young people (under 18)"
        YOUNG_ADULTS = "young-adults", "Young adults (16 to 25)"
        ADULTS = "adults", "Adults (18 and over)"
        OLDER = "older", "Older people (65 and over)"

    name = models.CharField(max_length=120)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="groups")
    summary = models.TextField(max_length=600, help_text="What the group is, in a sentence "
                                                         "or two of plain words.")
    audience = models.CharField("who it is for", max_length=20, choices=Audience.choices,
                                default=Audience.LIVED_EXPERIENCE)
    ages = models.CharField(max_length=20, choices=Ages.choices, default=Ages.ADULTS)
    format = models.CharField("how it meets", max_length=10, choices=Format.choices,
                              default=Format.IN_PERSON)
    nation = models.CharField(max_length=20, choices=GroupNation.choices, blank=True,
                              help_text="Leave empty only for an online group open to the "
                                        "whole UK.")
    region = models.CharField(max_length=30, choices=Region.choices, blank=True)
    town = models.CharField(max_length=80, blank=True)
    postcode_district = models.CharField(
        max_length=8, blank=True,
        help_text="Only the first part of the postcode, like LS6 or EH1.")
    postcode_area = models.CharField(max_length=2, blank=True, editable=False, db_index=True)
    meets = models.CharField("when it meets", max_length=200,
                             help_text="For example: Tuesdays 6pm to 8pm, every other week.")
    accessibility = models.TextField(max_length=600, blank=True,
                                     help_text="Step-free access, hearing loop, BSL, quiet "
                                               "room, easy-read information...")
    cost = models.CharField(max_length=100, default="Free")
    how_to_join = models.TextField(max_length=600)
    website = models.URLField(blank=True)
    last_checked = models.DateField(default=timezone.localdate,
                                    help_text="When someone last confirmed these details.")
    is_published = models.BooleanField("show to members", default=True)
    is_example = models.BooleanField(
        default=False, help_text="Demo data: shown with an 'Example entry' label.")
    # When administrators were told the entry needs checking; cleared when it is checked.
    stale_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["region", "nation"]),
                   models.Index(fields=["postcode_district"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Derived, not a rule: the area lets a district search find its neighbours.
        self.postcode_area = postcode_area(self.postcode_district)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("localgroups:detail", args=[self.pk])

    @property
    def needs_checking(self) -> bool:
        return self.last_checked < timezone.localdate() - STALE_AFTER

    def clean(self):
        errors = {}
        if self.postcode_district:
            try:
                self.postcode_district = postcode_district(self.postcode_district)
            except ValidationError as error:
                errors["postcode_district"] = error.messages
        self.town = " ".join(self.town.split())
        if self.region and not self.nation:
            self.nation = nation_of(self.region)
        if self.region and nation_of(self.region) != self.nation:
            errors["region"] = (f"{self.get_region_display()} is not in "
                                f"{self.get_nation_display()}. Please check the nation "
                                f"and the region.")
        in_person = self.format != self.Format.ONLINE
        if in_person and not (self.town or self.postcode_district):
            errors["town"] = ("A group that meets in person needs a town or a postcode "
                              "district, so members nearby can find it.")
        if in_person and not self.nation:
            errors["nation"] = "A group that meets in person needs its nation."
        if errors:
            raise ValidationError(errors)


class GroupTopic(models.Model):
    """One topic a group is for; rows rather than a list so searches stay in the database."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(max_length=30, choices=Topic.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "topic"],
                                               name="one_row_per_group_topic")]
        indexes = [models.Index(fields=["topic", "group"])]

    def __str__(self) -> str:
        return self.get_topic_display()
