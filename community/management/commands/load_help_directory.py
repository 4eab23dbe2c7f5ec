"""Load the default UK help directory, flagged for an administrator to check. Safe to run again."""

from datetime import time

from django.core.management.base import BaseCommand
from django.db import transaction

from community.models import HelpResource, Nation, OpeningHours, Topic

WEEKDAYS = range(0, 5)
WEEKEND = range(5, 7)
EVERY_DAY = range(0, 7)


def hours(days, opens: str, closes: str) -> list[tuple[int, time, time]]:
    return [(day, time.fromisoformat(opens), time.fromisoformat(closes)) for day in days]


# What an entry resets to when it is loaded again, unless the entry says otherwise.
BLANK = {
    "phone": "", "sms_number": "", "sms_keyword": "", "url": "", "is_24_7": False,
    "is_emergency": False, "nations": [], "topics": [], "order": 100,
}

# Numbers and hours as published when this was written; each entry is loaded with
# "check before going live" ticked, because services change them.
DIRECTORY = [
    {
        "name": "Emergency services",
        "description": "Police, ambulance, fire or coastguard. Call if your life or someone "
        "else's is in danger now, or you have seriously hurt yourself.",
        "phone": "999",
        "is_24_7": True,
        "is_emergency": True,
        "order": 0,
    },
    {
        "name": "Samaritans",
        "description": "Talk to someone about anything that is troubling you, day or night. "
        "Free from any phone.",
        "phone": "116 123",
        "url": "https://www.samaritans.org",
        "is_24_7": True,
        "topics": [Topic.SUICIDE, Topic.SELF_HARM, Topic.GENERAL],
        "order": 10,
    },
    {
        "name": "Shout",
        "description": "Free, confidential text support if you are struggling to cope. "
        "Text from any major UK mobile network.",
        "sms_number": "85258",
        "sms_keyword": "SHOUT",
        "url": "https://giveusashout.org",
        "is_24_7": True,
        "topics": [Topic.SUICIDE, Topic.SELF_HARM, Topic.GENERAL],
        "order": 20,
    },
    {
        "name": "NHS 111, option 2",
        "description": "Urgent mental health help in England. Call 111 and choose option 2 "
        "to speak to your local NHS mental health team.",
        "phone": "111",
        "url": "https://www.nhs.uk/nhs-services/mental-health-services/"
        "where-to-get-urgent-help-for-mental-health/",
        "is_24_7": True,
        "nations": [Nation.ENGLAND],
        "topics": [Topic.SUICIDE, Topic.SELF_HARM, Topic.GENERAL],
        "order": 30,
    },
    {
        "name": "Breathing Space",
        "description": "A free, confidential phone line for anyone in Scotland who feels "
        "low, anxious or stressed.",
        "phone": "0800 83 85 87",
        "url": "https://breathingspace.scot",
        "nations": [Nation.SCOTLAND],
        "topics": [Topic.GENERAL],
        "order": 30,
        # Weekday evenings, and right through the weekend from Friday 6pm to Monday 6am.
        "hours": hours(range(0, 4), "18:00", "02:00") + hours([4], "18:00", "00:00")
        + hours(WEEKEND, "00:00", "00:00") + hours([0], "00:00", "06:00"),
    },
    {
        "name": "C.A.L.L. (Community Advice and Listening Line)",
        "description": "Emotional support and information about mental health for anyone "
        "in Wales.",
        "phone": "0800 132 737",
        "sms_number": "81066",
        "sms_keyword": "help",
        "url": "https://www.callhelpline.org.uk",
        "is_24_7": True,
        "nations": [Nation.WALES],
        "topics": [Topic.SUICIDE, Topic.GENERAL],
        "order": 30,
    },
    {
        "name": "Lifeline",
        "description": "Crisis support for anyone in Northern Ireland who is in distress "
        "or despair.",
        "phone": "0808 808 8000",
        "url": "https://www.lifelinehelpline.info",
        "is_24_7": True,
        "nations": [Nation.NORTHERN_IRELAND],
        "topics": [Topic.SUICIDE, Topic.SELF_HARM, Topic.GENERAL],
        "order": 30,
    },
    {
        "name": "Papyrus HOPELINE247",
        "description": "For young people under 35 who are having thoughts of suicide, and "
        "anyone worried about a young person.",
        "phone": "0800 068 4141",
        "sms_number": "88247",
        "url": "https://www.papyrus-uk.org",
        "is_24_7": True,
        "topics": [Topic.SUICIDE, Topic.YOUNG_PEOPLE],
        "order": 40,
    },
    {
        "name": "CALM (Campaign Against Living Miserably)",
        "description": "Talk to someone if you are struggling or in crisis. Free and "
        "confidential.",
        "phone": "0800 58 58 58",
        "url": "https://www.thecalmzone.net",
        "topics": [Topic.SUICIDE, Topic.GENERAL],
        "order": 50,
        "hours": hours(EVERY_DAY, "17:00", "00:00"),
    },
    {
        "name": "Beat",
        "description": "Support for anyone affected by an eating disorder, and for their "
        "friends and family.",
        "phone": "0808 801 0677",
        "url": "https://www.beateatingdisorders.org.uk",
        "topics": [Topic.EATING_DISORDERS],
        "order": 60,
        "hours": hours(WEEKDAYS, "09:00", "20:00") + hours(WEEKEND, "16:00", "20:00"),
    },
    {
        "name": "Mencap Learning Disability Helpline",
        "description": "Advice and information for people with a learning disability, and "
        "their families and carers.",
        "phone": "0808 808 1111",
        "url": "https://www.mencap.org.uk",
        "topics": [Topic.LEARNING_DISABILITY, Topic.CARERS],
        "order": 70,
        "hours": hours(WEEKDAYS, "09:00", "17:00"),
    },
    {
        "name": "Dementia UK Admiral Nurse Dementia Helpline",
        "description": "Specialist dementia nurses give advice and support to people "
        "with dementia and the people who care for them.",
        "phone": "0800 888 6678",
        "url": "https://www.dementiauk.org",
        "topics": [Topic.DEMENTIA, Topic.CARERS],
        "order": 80,
        "hours": hours(WEEKDAYS, "09:00", "21:00") + hours(WEEKEND, "09:00", "17:00"),
    },
    {
        "name": "Alzheimer's Society Dementia Support Line",
        "description": "Information and support for anyone affected by dementia, including "
        "carers.",
        "phone": "0333 150 3456",
        "url": "https://www.alzheimers.org.uk",
        "nations": [Nation.ENGLAND, Nation.WALES, Nation.NORTHERN_IRELAND],
        "topics": [Topic.DEMENTIA, Topic.CARERS],
        "order": 90,
        "hours": hours(range(0, 3), "09:00", "20:00") + hours([3, 4], "09:00", "17:00")
        + hours(WEEKEND, "10:00", "16:00"),
    },
]


class Command(BaseCommand):
    help = (
        "Load the default UK help lines, each marked 'check before going live'. "
        "Entries an administrator has checked are never changed."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        checked = set(
            HelpResource.objects.filter(needs_review=False).values_list("name", flat=True)
        )
        added = updated = 0
        for entry in DIRECTORY:
            if entry["name"] in checked:
                continue
            fields = {key: value for key, value in entry.items() if key != "hours"}
            # is_active is left out so that running this again never re-shows a hidden entry.
            resource, created = HelpResource.objects.update_or_create(
                name=entry["name"], defaults={**BLANK, **fields, "needs_review": True}
            )
            resource.hours.all().delete()
            OpeningHours.objects.bulk_create(
                OpeningHours(resource=resource, weekday=day, opens=opens, closes=closes)
                for day, opens, closes in entry.get("hours", [])
            )
            if created:
                added += 1
            else:
                updated += 1
        kept = len(DIRECTORY) - added - updated
        self.stdout.write(
            f"Help directory: {added} added, {updated} updated, {kept} left as an "
            "administrator checked them."
        )
