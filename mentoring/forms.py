"""The boxes on the asking and offering pages. The services check everything again and
say what is wrong beside the box, keeping what was typed."""

from django import forms

from community.models import Nation, Topic
from mentoring.models import PreferredTime
from moderation.submission import SURFACES

MAX_LENGTH = SURFACES["mentoring"].max_length


class AskForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label="What is it about?", choices=Topic.choices, widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or more. Peer supporters who know about these will see your "
                  "request.",
        error_messages={"required": "Please choose at least one topic."})
    support_with = forms.CharField(
        label="What would you like support with?", max_length=MAX_LENGTH * 2,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences is plenty. Please do not include your name, phone number "
                  "or where you live.",
        error_messages={"required": "Please say a little about what you would like support "
                                    "with."})
    times = forms.MultipleChoiceField(
        label="When suits you? (optional)", choices=PreferredTime.choices, required=False,
        widget=forms.CheckboxSelectMultiple)
    nation = forms.ChoiceField(
        label="Where do you live? (optional)", required=False,
        choices=[("", "I'd rather not say"), *Nation.choices])
    not_wanted = forms.CharField(
        label="Is there anything you do not want? (optional)", required=False,
        max_length=MAX_LENGTH * 2, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: “I don't want advice about medication.”")


class OfferForm(forms.Form):
    about = forms.CharField(
        label="About my experience", max_length=MAX_LENGTH * 2,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A few words the member reads before choosing: what you have been "
                  "through, and how you like to support people.",
        error_messages={"required": "Please write a few words about your experience, so "
                                    "the member can choose."})

    def __init__(self, *args, request_pk: int, **kwargs):
        super().__init__(*args, prefix=f"request-{request_pk}", **kwargs)
