"""The content-warning categories every site starts with; administrators can add more."""

from django.db import migrations

DEFAULT_WARNINGS = [
    ("suicide", "suicide", "Thoughts of suicide, suicide attempts or losing someone to suicide."),
    ("self-harm", "self-harm", "Hurting yourself, on purpose, in any way."),
    ("eating-disorders", "eating disorders", "Eating, food, weight and body image struggles."),
    ("abuse", "abuse", "Physical, sexual, emotional or financial abuse, or neglect."),
    ("bereavement", "bereavement", "Death, dying and grief."),
    ("substance-use", "substance use", "Alcohol and drugs."),
    ("medical-detail", "medical detail", "Illness, treatment or injuries described in detail."),
    ("violence", "violence", "Violence, or thoughts of hurting other people."),
]


def create_warnings(apps, schema_editor):
    ContentWarning = apps.get_model("community", "ContentWarning")
    for order, (slug, name, description) in enumerate(DEFAULT_WARNINGS, start=1):
        ContentWarning.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order * 10}
        )


def remove_warnings(apps, schema_editor):
    slugs = [slug for slug, _, _ in DEFAULT_WARNINGS]
    apps.get_model("community", "ContentWarning").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0003_signposting_and_warnings")]

    operations = [migrations.RunPython(create_warnings, remove_warnings)]
