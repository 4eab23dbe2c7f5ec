"""The questions of a wellbeing check-in, in the Office for National Statistics' own words,
and what counts as a very low answer (one that shows the help lines)."""

from django.db import models

# The consent text members agree to; a new wording needs a new version, so each consent
# on record says which words were agreed.
CONSENT_VERSION = 1

# A check-in at most every four weeks; the first when the member opts in.
EVERY_DAYS = 28

SCALE_NOTE = "0 means not at all, 10 means completely."


class Measure(models.TextChoices):
    """The four ONS personal wellbeing questions, answered from 0 to 10."""

    LIFE_SATISFACTION = ("life_satisfaction",
                         "Overall, how satisfied are you with your life nowadays?")
    WORTHWHILE = "worthwhile", ("Overall, to what extent do you feel that the things you do in "
                                "your life are worthwhile?")
    HAPPINESS = "happiness", "Overall, how happy did you feel yesterday?"
    ANXIETY = "anxiety", "Overall, how anxious did you feel yesterday?"


# Short names for charts and tables.
MEASURE_NAMES = {
    Measure.LIFE_SATISFACTION: "Life satisfaction",
    Measure.WORTHWHILE: "Things you do are worthwhile",
    Measure.HAPPINESS: "Happiness yesterday",
    Measure.ANXIETY: "Anxiety yesterday",
}

# What each question asks about, for messages: "Please choose a number ... for <this>."
MEASURE_ABOUT = {
    Measure.LIFE_SATISFACTION: "how satisfied you are with your life",
    Measure.WORTHWHILE: "whether the things you do are worthwhile",
    Measure.HAPPINESS: "how happy you felt yesterday",
    Measure.ANXIETY: "how anxious you felt yesterday",
}

LONELINESS_QUESTION = "How often do you feel lonely?"


class Loneliness(models.TextChoices):
    """The ONS direct loneliness question's answers, in the ONS order."""

    OFTEN = "often", "Often/always"
    SOME = "some", "Some of the time"
    OCCASIONALLY = "occasionally", "Occasionally"
    HARDLY_EVER = "hardly_ever", "Hardly ever"
    NEVER = "never", "Never"


LOW_AT_MOST = 2  # life satisfaction, worthwhile or happiness this low is very low
ANXIOUS_AT_LEAST = 9  # anxiety runs the other way


def is_very_low(answers: dict) -> bool:
    """Whether any answer is very low: a score of 2 or less (9 or more for anxiety), or
    feeling lonely often or always."""
    for measure in (Measure.LIFE_SATISFACTION, Measure.WORTHWHILE, Measure.HAPPINESS):
        value = answers.get(measure)
        if value is not None and value <= LOW_AT_MOST:
            return True
    anxiety = answers.get(Measure.ANXIETY)
    return (anxiety is not None and anxiety >= ANXIOUS_AT_LEAST) or \
        answers.get("loneliness") == Loneliness.OFTEN
