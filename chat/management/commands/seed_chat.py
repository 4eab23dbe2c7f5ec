"""Demo chat rooms with a few messages from the demo members. Safe to run again."""

from datetime import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chat.models import Message, Room, RoomHours
from community.models import User
from community.ratelimits import waived
from moderation.content import Visibility

EVENINGS = [(weekday, time(18, 0), time(22, 0)) for weekday in range(7)]

# name, slug, description, drop-in hours, messages as (who, text) in the briefing's voices.
ROOMS = [
    ("Evening drop-in", "evening-drop-in",
     "A friendly room for the evenings, when things can feel harder. Come and say hello.",
     EVENINGS, [
         ("alex", "Evening all. I got out for a walk today, first time this week."),
         ("jo", "That's really good to hear, alex. If I can do it, you can do it, as someone "
                "once told me."),
         ("alex", "I was so used to staying in. It helps knowing people here get it."),
     ]),
    ("Carers' cuppa", "carers-cuppa",
     "For anyone looking after someone. Grab a cup of tea and take a breather with us.",
     [], [
         ("sam", "Mum had a good morning today. She remembered the name of our old dog."),
         ("jo", "Those moments matter. How are you doing yourself, sam?"),
         ("sam", "Tired, but talking to people who have been through the same really helps."),
     ]),
    ("Dementia friends", "dementia-friends",
     "For people living with dementia and the people close to them. Short messages are fine.",
     [], [
         ("jo", "Hello. This room is for sharing what helps, one day at a time."),
         ("sam", "We learnt the hard way with the care forms. Happy to share what we found."),
     ]),
]


class Command(BaseCommand):
    help = "Create demo chat rooms and messages (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        # Demo members post a whole forum at once, far past members' rate limits.
        with waived():
            return self.seed_all(*args, **options)

    def seed_all(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_chat makes demo content. It only runs with DEBUG on.")
        members = {user.username: user for user in User.objects.filter(
            username__in={who for *_, lines in ROOMS for who, _ in lines})}
        made = 0
        for order, (name, slug, description, hours, lines) in enumerate(ROOMS):
            room, created = Room.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "order": order})
            if not created:
                continue
            made += 1
            for weekday, opens, closes in hours:
                RoomHours.objects.create(room=room, weekday=weekday, opens=opens, closes=closes)
            # Written directly: demo lines need no screening, and nobody is listening yet.
            Message.objects.bulk_create([
                Message(room=room, author=members[who], text=text,
                        visibility=Visibility.PUBLISHED)
                for who, text in lines if who in members
            ])
        self.stdout.write(f"Demo chat rooms ready ({made} new).")
