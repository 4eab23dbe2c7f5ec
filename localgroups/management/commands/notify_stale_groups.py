"""Run daily (cron): tell administrators about directory entries not checked for a year."""

from django.core.management.base import BaseCommand

from localgroups.services import stale_groups_notify


class Command(BaseCommand):
    help = "Notify administrators, once per entry, of local groups not checked for a year."

    def handle(self, *args, **options):
        told = stale_groups_notify()
        self.stdout.write(f"{told} local group(s) needing a check were sent to administrators.")
