"""Demo members, roles and forum conversations so a fresh site looks alive. Safe to run again."""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from community import roles
from community.models import Nation, User
from community.services import member_update, role_grant

DEMO_PASSWORD = "peer-support-demo"
# Demo members have been around a while, so their reports count as established members' do.
DEMO_MEMBERSHIP = timedelta(days=60)

DEMO_MEMBERS = [
    {
        "username": "alex",
        "pronouns": "they/them",
        "nation": Nation.ENGLAND,
        "bio": "Living with anxiety and low mood for about ten years. Here to listen as much "
        "as to talk. Walking my dog helps on bad days.",
        "roles": [],
    },
    {
        "username": "sam",
        "pronouns": "he/him",
        "nation": Nation.SCOTLAND,
        "bio": "I care for my mum, who has dementia. Still learning, one day at a time.",
        "roles": [],
    },
    {
        "username": "jo",
        "pronouns": "she/her",
        "nation": Nation.WALES,
        "bio": "Trained peer supporter. I have lived with bipolar disorder since my twenties. "
        "Peer support helped me feel less alone, so now I give something back.",
        "roles": [roles.PEER_SUPPORTERS],
    },
    {
        "username": "mo",
        "pronouns": "",
        "nation": Nation.ENGLAND,
        "bio": "Moderator. If something worries you, use the report button and one of us "
        "will look.",
        "roles": [roles.MODERATORS],
    },
    {
        "username": "admin",
        "pronouns": "",
        "nation": "",
        "bio": "Site administrator and safeguarding lead.",
        "roles": [roles.ADMINISTRATORS, roles.MODERATORS],
        "is_superuser": True,
    },
]


class Command(BaseCommand):
    help = "Create demo members, a moderator and an administrator (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password. It only runs with "
                "DEBUG on; pass --force if you really mean it."
            )
        created = self.seed_members()
        call_command("load_help_directory", stdout=self.stdout)
        # By name, so community imports no forum code; DEBUG was checked above.
        call_command("seed_forums", force=True, stdout=self.stdout)
        call_command("seed_chat", force=True, stdout=self.stdout)
        call_command("seed_local_groups", force=True, stdout=self.stdout)
        call_command("seed_mentoring", force=True, stdout=self.stdout)
        self.stdout.write(
            f"Demo data ready ({created} new accounts). Log in as alex, sam, jo (peer "
            f"supporter), mo (moderator) or admin (administrator), password: {DEMO_PASSWORD}"
        )

    @transaction.atomic
    def seed_members(self) -> int:
        created = 0
        for spec in DEMO_MEMBERS:
            if User.objects.filter(username=spec["username"]).exists():
                continue
            create = User.objects.create_superuser if spec.get("is_superuser") else (
                User.objects.create_user
            )
            user = create(
                username=spec["username"],
                email=f"{spec['username']}@example.org",
                password=DEMO_PASSWORD,
                date_joined=timezone.now() - DEMO_MEMBERSHIP,
            )
            member_update(
                member=user.member,
                pronouns=spec["pronouns"],
                bio=spec["bio"],
                nation=spec["nation"],
            )
            for role in spec["roles"]:
                role_grant(user=user, role=role)
            created += 1
        return created
