"""Create the three role groups with the permissions each needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    # Permissions are normally made after all migrations; make them now so the
    # groups can hold them on a brand-new database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
