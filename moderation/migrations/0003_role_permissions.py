"""Administrators manage screening rules and read the queue and audit trail in the admin."""

from django.db import migrations

from community.roles import grant_in_migration

RULES = ["crisispattern", "watchedword"]
RECORDS = ["queueitem", "report", "moderationaction"]


def grant(apps, schema_editor):
    grant_in_migration(apps, {
        "Administrators": [
            *(("moderation", f"{verb}_{model}") for model in RULES
              for verb in ("add", "change", "delete", "view")),
            *(("moderation", f"view_{model}") for model in RECORDS),
        ],
        "Moderators": [("moderation", f"view_{model}") for model in RULES + RECORDS],
    })


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_default_rules"), ("community", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
