"""Administrators manage forum categories in the admin; both staff roles can look at threads and posts."""

from django.db import migrations

from community.roles import grant_in_migration


def grant(apps, schema_editor):
    grant_in_migration(apps, {
        "Administrators": [
            *(("forums", f"{verb}_category") for verb in ("add", "change", "delete", "view")),
            ("forums", "change_thread"),
            ("forums", "view_thread"),
            ("forums", "view_post"),
        ],
        "Moderators": [("forums", f"view_{model}") for model in ("category", "thread", "post")],
    })


class Migration(migrations.Migration):
    dependencies = [("forums", "0002_search"), ("community", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
