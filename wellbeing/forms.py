"""The check-in form and the choice made when stopping; plain radio buttons, no script."""

from django import forms

from wellbeing.questions import LONELINESS_QUESTION, MEASURE_ABOUT, Loneliness, Measure
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
