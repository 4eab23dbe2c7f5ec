"""Administrators run the rooms in the admin; moderators can look at rooms and messages there."""

from django.db import migrations

from community.roles import grant_in_migration


def grant(apps, schema_editor):
    grant_in_migration(apps, {
        "Administrators": [
            *(("chat", f"{verb}_{model}") for model in ("room", "roomhours")
              for verb in ("add", "change", "delete", "view")),
            ("chat", "view_message"),
        ],
        "Moderators": [("chat", "view_room"), ("chat", "view_message")],
    })


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_rooms"), ("community", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
