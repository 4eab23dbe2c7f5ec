"""Load the default crisis patterns and watched words shipped with the site."""

from django.db import migrations


def load_rules(apps, schema_editor):
    from moderation.screening.default_rules import CRISIS_PATTERNS, WATCHED_WORDS

    CrisisPattern = apps.get_model("moderation", "CrisisPattern")
    WatchedWord = apps.get_model("moderation", "WatchedWord")
    ContentWarning = apps.get_model("community", "ContentWarning")
    for pattern, level, topic in CRISIS_PATTERNS:
        CrisisPattern.objects.get_or_create(
            pattern=pattern, defaults={"level": level, "topic": topic}
        )
    for pattern, action, replacement, warning in WATCHED_WORDS:
        WatchedWord.objects.get_or_create(
            pattern=pattern,
            defaults={
                "action": action,
                "replacement": replacement,
                "warning": ContentWarning.objects.filter(slug=warning).first() if warning else None,
            },
        )


def remove_rules(apps, schema_editor):
    from moderation.screening.default_rules import CRISIS_PATTERNS, WATCHED_WORDS

    apps.get_model("moderation", "CrisisPattern").objects.filter(
        pattern__in=[rule[0] for rule in CRISIS_PATTERNS]
    ).delete()
    apps.get_model("moderation", "WatchedWord").objects.filter(
        pattern__in=[rule[0] for rule in WATCHED_WORDS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_screening_and_queue"),
        ("community", "0004_default_content_warnings"),
    ]

    operations = [migrations.RunPython(load_rules, remove_rules)]
