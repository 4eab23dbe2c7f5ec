"""The members' search form; every field optional, every error a sentence to act on."""

from django import forms
from django.core.exceptions import ValidationError

from community.models import Topic
from localgroups.places import GroupNation, Region, nation_of, postcode_district

ANY = [("", "Any")]


class GroupSearchForm(forms.Form):
    FORMATS = [("", "In person or online"), ("in-person", "In person"), ("online", "Online")]

    postcode = forms.CharField(
        label="Postcode district", required=False, max_length=12,
        error_messages={"max_length": "Please enter only the first part of your postcode, "
                                      "like LS6."},
        help_text="The first part of your postcode, like LS6 or EH1. We will also show "
                  "groups nearby in the same postcode area.")
    town = forms.CharField(label="Town or city", required=False, max_length=80,
                           error_messages={"max_length": "Please enter a shorter town name "
                                                         "(80 letters at most)."})
    region = forms.ChoiceField(label="Region", required=False, choices=ANY + Region.choices)
    nation = forms.ChoiceField(label="Nation", required=False,
                               choices=ANY + GroupNation.choices)
    topic = forms.ChoiceField(label="What it is about", required=False,
                              choices=ANY + Topic.choices)
    format = forms.ChoiceField(label="How it meets", required=False, choices=FORMATS)

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"]
        if not value.strip():
            return ""
        try:
            return postcode_district(value)
        except ValidationError as error:
            raise ValidationError(
                "We could not read that postcode. Please enter the first part of a UK "
                "postcode, like LS6, EH1, BT9 or CF10.") from error

    def clean_town(self) -> str:
        return " ".join(self.cleaned_data["town"].split())

    def clean(self):
        data = super().clean()
        region, nation = data.get("region"), data.get("nation")
        if region and nation and nation_of(region) != nation:
            self.add_error("region", f"{Region(region).label} is not in "
                                     f"{GroupNation(nation).label}. Please choose one of "
                                     f"them, or change the other.")
        return data
