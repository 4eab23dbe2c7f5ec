"""Demo entries for the local groups directory, each plainly an example. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from community.models import Topic
from localgroups.models import Organisation, PeerGroup
from localgroups.places import GroupNation, Region
from localgroups.services import group_save

EXAMPLE = "Example entry: "
ORGANISATION = "Example Peer Support Network (demo)"
F, R, N = PeerGroup.Format, Region, GroupNation

DEMO_GROUPS = [
    dict(name="Headingley Tuesday Talk", format=F.IN_PERSON, nation=N.ENGLAND,
         region=R.YORKSHIRE, town="Leeds", postcode_district="LS6",
         meets="Tuesdays, 6pm to 8pm", topics=[Topic.GENERAL],
         summary="A relaxed drop-in for adults living with anxiety or low mood."),
    dict(name="Leeds City Carers Circle", format=F.IN_PERSON, nation=N.ENGLAND,
         region=R.YORKSHIRE, town="Leeds", postcode_district="LS1",
         audience=PeerGroup.Audience.CARERS, meets="First Monday of the month, 10am",
         topics=[Topic.CARERS, Topic.DEMENTIA],
         summary="Carers of people with dementia sharing what helps."),
    dict(name="Edinburgh Old Town Peer Group", format=F.BOTH, nation=N.SCOTLAND,
         region=R.SCOTLAND, town="Edinburgh", postcode_district="EH1",
         meets="Thursdays, 7pm, in person and on video", topics=[Topic.GENERAL],
         summary="Peer support for people with lived experience of mental illness."),
    dict(name="Belfast Young People's Space", format=F.IN_PERSON,
         nation=N.NORTHERN_IRELAND, region=R.NORTHERN_IRELAND, town="Belfast",
         postcode_district="BT9", ages=PeerGroup.Ages.YOUNG_ADULTS,
         meets="Saturdays, 2pm to 4pm", topics=[Topic.YOUNG_PEOPLE],
         summary="A group for 16 to 25 year olds, run by young peer supporters."),
    dict(name="Cardiff Bay Learning Disability Friends", format=F.IN_PERSON, nation=N.WALES,
         region=R.WALES, town="Cardiff", postcode_district="CF10",
         meets="Wednesdays, 1pm", topics=[Topic.LEARNING_DISABILITY],
         summary="Friendship and peer support with easy-read information and Welsh spoken."),
    dict(name="Online Evening Circle", format=F.ONLINE, nation="", region="", town="",
         postcode_district="", meets="Every evening, 8pm, on video",
         topics=[Topic.GENERAL, Topic.BEREAVEMENT],
         summary="An online group open to anyone in the UK."),
]


class Command(BaseCommand):
    help = "Add example local peer support groups (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Run even with DEBUG off (never in production).")

    @transaction.atomic
    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_local_groups adds example groups. It only runs with "
                               "DEBUG on; pass --force if you really mean it.")
        organisation, _ = Organisation.objects.get_or_create(name=ORGANISATION)
        added = 0
        for spec in DEMO_GROUPS:
            spec = dict(spec)
            topics = spec.pop("topics")
            name = EXAMPLE + spec.pop("name")
            if PeerGroup.objects.filter(name=name, is_example=True).exists():
                continue
            group = PeerGroup(name=name, organisation=organisation, is_example=True,
                              how_to_join="This is an example entry for the demo site. "
                                          "There is no real group to join.",
                              accessibility="Example: step-free access and a quiet room.",
                              **spec)
            group_save(actor=None, group=group, topics=topics)
            added += 1
        self.stdout.write(f"{added} example local group(s) added.")
