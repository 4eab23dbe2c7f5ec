"""Rules written from the evaluation set's second batch: everyday errands that looked like
signs ("the car to the garage", "jump in the shower"), and "odd" no longer read as an
overdose. Rules an administrator already has are left as they are; the one replaced is
removed."""

from django.db import migrations

REPLACED = ["(o d ing|oding|odd ing|o ding|odd|o d)"]


def add_rules(apps, schema_editor):
    from moderation.screening.default_rules import CRISIS_PATTERNS

    CrisisPattern = apps.get_model("moderation", "CrisisPattern")
    CrisisPattern.objects.filter(pattern__in=REPLACED).delete()
    for pattern, level, topic, explanation in CRISIS_PATTERNS:
        CrisisPattern.objects.get_or_create(
            pattern=pattern, defaults={"level": level, "topic": topic, "explanation": explanation})


class Migration(migrations.Migration):
    dependencies = [("moderation", "0014_reasons_for_moderators")]
    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
