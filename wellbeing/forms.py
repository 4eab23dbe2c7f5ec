"""The check-in form, the choice made when stopping, and the outcome page's grouping; plain
radio buttons, no script."""

from django import forms

from wellbeing.questions import LONELINESS_QUESTION, MEASURE_ABOUT, Loneliness, Measure
from wellbeing.selectors import OutcomeGroups
from wellbeing.services import AnswersChoice

SCORES = [(str(n), str(n)) for n in range(11)]


class CheckInForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for measure in Measure:
            message = f"Please choose a number from 0 to 10 for {MEASURE_ABOUT[measure]}."
            self.fields[measure.value] = forms.ChoiceField(
                label=measure.label, choices=SCORES, widget=forms.RadioSelect,
                error_messages={"required": message, "invalid_choice": message})
        message = "Please choose how often you feel lonely."
        self.fields["loneliness"] = forms.ChoiceField(
            label=LONELINESS_QUESTION, choices=Loneliness.choices, widget=forms.RadioSelect,
            error_messages={"required": message, "invalid_choice": message})

    def scales(self):
        return [self[measure.value] for measure in Measure]


class WithdrawForm(forms.Form):
    answers = forms.ChoiceField(
        label="What should happen to your answers?", choices=AnswersChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what happens to your answers.",
                        "invalid_choice": "Please choose what happens to your answers."})


class OutcomeGroupsForm(forms.Form):
    """How the administrators' outcome page groups people (read from the query string)."""

    by = forms.ChoiceField(
        label="Show the figures for", choices=OutcomeGroups.choices, widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose everyone, nation or month joined.",
                        "required": "Choose everyone, nation or month joined."})
