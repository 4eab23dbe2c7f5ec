"""Create the three role groups with the permissions each needs."""

from django.db import migrations

from community.roles import grant_in_migration

ROLE_PERMISSIONS = {
    "Peer supporters": [],
    "Moderators": [
        ("community", "view_member"),
        ("community", "view_user"),
    ],
    "Administrators": [
        ("community", "view_member"),
        ("community", "change_member"),
        ("community", "view_user"),
        ("community", "add_user"),
        ("community", "change_user"),
        ("auth", "view_group"),
    ],
}


def create_roles(apps, schema_editor):
    grant_in_migration(apps, ROLE_PERMISSIONS)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
