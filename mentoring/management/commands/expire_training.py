"""Pause peer supporters whose training has run out, telling them and the administrators
once. Safe to run again; run it daily (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from mentoring.services import training_lapses_pause


class Command(BaseCommand):
    help = ("Pause peer supporters with no current training and tell them and the "
            "administrators (once per pause). Safe to run daily.")

    def handle(self, *args, **options):
        paused = training_lapses_pause()
        if paused:
            names = ", ".join(user.username for user in paused)
            self.stdout.write(f"Paused {len(paused)} peer supporter(s): {names}.")
        else:
            self.stdout.write("No peer supporter newly paused.")
