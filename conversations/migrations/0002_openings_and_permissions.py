"""Ready-made openings to start from, and the admin rights to edit them and the settings."""

from django.db import migrations

from community.roles import grant_in_migration

OPENINGS = [
    ("After a worrying post",
     "Hello. I'm one of the moderators here. I noticed your post and wanted to check you're "
     "OK. There's no pressure to reply, but I'm here if you'd like to talk."),
    ("Checking in",
     "Hi, I just wanted to check in and see how you're doing today. You can reply here, "
     "privately, whenever you like."),
    ("After something was removed",
     "Hello. A moderator removed something you wrote, and I wanted to make sure you're "
     "alright and explain why. You can reply here."),
]


def add(apps, schema_editor):
    Opening = apps.get_model("conversations", "Opening")
    for order, (label, text) in enumerate(OPENINGS):
        Opening.objects.create(label=label, text=text, order=(order + 1) * 10)
    grant_in_migration(apps, {
        "Administrators": [
            *(("conversations", f"{verb}_opening")
              for verb in ("add", "change", "delete", "view")),
            ("conversations", "change_conversationsettings"),
            ("conversations", "view_conversationsettings"),
        ],
    })


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial"), ("community", "0002_roles")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
