"""Administrators manage help resources and content-warning categories in the admin."""

from django.db import migrations

from community.roles import grant_in_migration

MANAGED = ["helpresource", "openinghours", "contentwarning"]


def grant(apps, schema_editor):
    grant_in_migration(apps, {
        "Administrators": [("community", f"{verb}_{model}") for model in MANAGED
                           for verb in ("add", "change", "delete", "view")],
    })


class Migration(migrations.Migration):
    dependencies = [("community", "0004_default_content_warnings")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
