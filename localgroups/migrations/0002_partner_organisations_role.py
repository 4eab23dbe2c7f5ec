"""The Partner organisations role, so an administrator can grant it in the admin."""

from django.db import migrations

from community.roles import PARTNERS


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PARTNERS)


class Migration(migrations.Migration):
    dependencies = [("localgroups", "0001_directory"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_role, migrations.RunPython.noop)]
