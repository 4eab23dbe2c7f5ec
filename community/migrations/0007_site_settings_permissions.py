"""Administrators change the site settings in the admin."""

from django.db import migrations

from community.roles import grant_in_migration


def grant(apps, schema_editor):
    grant_in_migration(apps, {"Administrators": [("community", "change_sitesettings"),
                                                 ("community", "view_sitesettings")]})


class Migration(migrations.Migration):
    dependencies = [("community", "0006_blocks_notifications_settings")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
