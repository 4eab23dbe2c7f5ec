"""Demo training and supervision for the demo peer supporter (jo). Safe to run again."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from community.models import User
from mentoring.models import PeerSupporter, SupervisionSession, TrainingRecord
from mentoring.services import supervision_save, supporter_save, training_save

COURSE = "Peer support foundations (Mind Cymru, 5 days)"


class Command(BaseCommand):
    help = "Give the demo peer supporter training and supervision records (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Run even with DEBUG off (never in production).")

    @transaction.atomic
    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_mentoring is demo data: it only runs with DEBUG on.")
        jo = User.objects.filter(username="jo").first()
        lead = User.objects.filter(username="admin").first()
        if jo is None or lead is None or PeerSupporter.objects.filter(user=jo).exists():
            return
        today = timezone.localdate()
        supporter = supporter_save(
            supporter=PeerSupporter(user=jo, kind=PeerSupporter.Kind.VOLUNTEER,
                                    supervisor=lead), by=lead)
        training_save(training=TrainingRecord(
            supporter=supporter, course=COURSE, completed_on=today - timedelta(days=200),
            expires_on=today + timedelta(days=530)), by=lead)
        supervision_save(session=SupervisionSession(
            supporter=supporter, held_on=today - timedelta(days=14), supervisor=lead,
            notes="Talked about keeping evenings free. Jo is doing well and knows to say "
                  "when a conversation weighs on her."), by=lead)
        self.stdout.write("Demo peer supporter training recorded for jo.")
