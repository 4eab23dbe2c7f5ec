"""Administrators set targets and duty hours in the admin, and read sanctions and notes there."""

from django.db import migrations

from community.roles import grant_in_migration

READ_ONLY = ["sanction", "moderatornote"]


def grant(apps, schema_editor):
    grant_in_migration(apps, {
        "Administrators": [
            ("moderation", "change_moderationsettings"),
            ("moderation", "view_moderationsettings"),
            *(("moderation", f"{verb}_dutyhours") for verb in ("add", "change", "delete", "view")),
            *(("moderation", f"view_{model}") for model in READ_ONLY),
        ],
        "Moderators": [("moderation", f"view_{model}") for model in READ_ONLY],
    })


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_workspace")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
