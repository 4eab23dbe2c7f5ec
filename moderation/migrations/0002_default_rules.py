"""The first default rules were loaded here; 0009 loads those measured on the evaluation set
(and replaces these where a site has them), so a new site starts with the measured ones."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_screening_and_queue"),
        ("community", "0004_default_content_warnings"),
    ]

    operations = []
