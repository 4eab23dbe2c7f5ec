"""Send the daily digests: run it once a day from cron (README, "Emails"). Safe to run
again: a member gets at most one digest a day."""

from django.core.management.base import BaseCommand

from forums.services import digests_send


class Command(BaseCommand):
    help = "Email the daily digest of new replies to the members who chose it."

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"Sent {sent} digest{'' if sent == 1 else 's'}.")
