"""Demo forum categories and conversations, written by the demo members. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from community.models import SiteSettings, User
from community.ratelimits import waived
from forums.models import Category, Thread
from forums.services import post_create, reaction_set, thread_create

Starters = Category.Starters

CATEGORIES = [
    ("Introduce yourself", "introduce-yourself",
     "Say hello. Tell us as much or as little about yourself as you like.", Starters.EVERYONE),
    ("Anxiety and low mood", "anxiety-and-low-mood",
     "Worry, panic, low days, and what helps you get through them.", Starters.EVERYONE),
    ("Living with dementia", "living-with-dementia",
     "For people living with dementia and the people close to them.", Starters.EVERYONE),
    ("Carers' corner", "carers-corner",
     "Looking after someone: the hard days, the good ones, and looking after yourself too.",
     Starters.EVERYONE),
    ("Learning disability: speaking up", "learning-disability-speaking-up",
     "Share your views, your news and your rights. Short posts and easy words are welcome.",
     Starters.EVERYONE),
    ("Good news", "good-news", "Small wins and big ones. Tell us what went well.",
     Starters.EVERYONE),
    ("News from the team", "news-from-the-team",
     "Updates from the moderators and the people who run this site.", Starters.STAFF),
]

# Each thread: where, who, title, first post, replies as (who, text), reactions as
# (index of the post, 0 being the first, who, kind); optional warnings and note.
THREADS = [
    {
        "category": "news-from-the-team", "author": "mo",
        "title": "Welcome: how we keep this space safe",
        "body": "Hello everyone, I'm mo, one of the moderators. A few things worth knowing:\n\n"
        "- **Get help now** is at the top of every page. If you are in danger now, call 999.\n"
        "- If a post worries you, use the report button under it. A moderator will look.\n"
        "- A new member's first post is checked by a moderator before others see it. It "
        "isn't about trust: it keeps spam out.\n"
        "- If you write about something that could upset people, please add a content "
        "warning. Readers choose what they see.\n\n"
        "Peer supporters, like jo, have a badge. They've had training and they have lived "
        "experience. They're not professionals, and this site doesn't replace your GP or "
        "care team. Be kind, look after yourselves, and tell us what we could do better.",
        "replies": [
            ("jo", "Thanks mo. And hello from the peer supporters! We're around most evenings "
             "if you'd like someone to talk to."),
        ],
        "reactions": [(0, "alex", "thanks"), (0, "sam", "thanks")],
    },
    {
        "category": "introduce-yourself", "author": "alex",
        "title": "Hello from a nervous newbie",
        "body": "Hi all. I've been reading for a couple of weeks and finally plucked up the "
        "courage to post. I've lived with anxiety and low mood for about ten years. I'm not "
        "great at talking to people face to face, so this feels like a good start.\n\n"
        "I have a dog called Biscuit who gets me out of the house on the bad days.",
        "replies": [
            ("jo", "Welcome, alex! The first post is the hardest, so well done. When I "
             "started I was shy and embarrassed about everything, and now I help run a "
             "group. Biscuit sounds like an excellent colleague."),
            ("sam", "Hi alex, welcome. I'm fairly new too. Nobody judges here, which I "
             "didn't expect."),
        ],
        "reactions": [(0, "jo", "support"), (0, "sam", "me_too"), (1, "alex", "thanks")],
    },
    {
        "category": "introduce-yourself", "author": "sam",
        "title": "Hello from a carer in Scotland",
        "body": "Hi everyone, I'm sam. I look after my mum, who has dementia. A friend told "
        "me about this place. I'm hoping to find people who get it without me having to "
        "explain everything from the start.",
        "replies": [
            ("jo", "Welcome sam, you're in the right place. Have a look in Carers' corner, "
             "there are some good folk in there."),
        ],
        "reactions": [(0, "alex", "support")],
    },
    {
        "category": "anxiety-and-low-mood", "author": "alex",
        "title": "Does anyone else find the evenings the worst?",
        "body": "In the day I can keep busy, but once it gets dark my mind goes over "
        "everything I said and did. Last night I didn't get to sleep until three.\n\n"
        "I'm not after advice as such. I'd just like to know I'm not the only one.",
        "replies": [
            ("jo", "You're definitely not the only one. For me it was always about nine "
             "o'clock. What helped was a little routine: I write three things in a notebook, "
             "anything at all, then put it in a drawer, like closing the day. It sounds daft "
             "but it works more often than not.\n\nAnd if a night gets too much, the Get "
             "help now link has people you can ring at any hour."),
            ("sam", "Me too. I put on a podcast, something boring about trains. It gives my "
             "mind something to hold on to."),
            ("alex", "Thank you both. Trains it is tonight, and I'll try the notebook."),
        ],
        "reactions": [(0, "sam", "me_too"), (1, "alex", "thanks"), (2, "jo", "support")],
    },
    {
        "category": "anxiety-and-low-mood", "author": "jo",
        "title": "A milestone I wanted to share",
        "warnings": ["self-harm"],
        "note": "About recovering from self-harm in the past. No details, and it ends on a "
        "hopeful note.",
        "body": "I don't talk about this part of my story much. Years ago I self-harmed when "
        "things got too much, and for a long time I avoided groups, because being around "
        "other people in crisis made it worse for me.\n\n"
        "This week it's been a year. What changed things was finding a few people who "
        "encouraged each other to keep going, to go back to the GP, and to reach out early "
        "instead of waiting.\n\n"
        "If this is something you're living with now: you're not on your own, and it isn't "
        "forever. The Get help now link at the top lists people you can talk to today.",
        "replies": [
            ("alex", "Thank you for sharing this, jo. It takes courage, and I'm really glad "
             "you found your people."),
        ],
        "reactions": [(0, "alex", "support"), (0, "sam", "support")],
    },
    {
        "category": "living-with-dementia", "author": "sam",
        "title": "Mum didn't know who I was today",
        "body": "Today Mum asked me, very politely, when her son was coming to visit. I "
        "smiled and said soon, then sat in the car for twenty minutes before I could drive "
        "home. I know it's the illness. It still knocked me for six.\n\n"
        "How do other people manage the days when they're not recognised?",
        "replies": [
            ("jo", "That's such a hard moment, sam, and sitting in the car for a while "
             "sounds like what you needed. A friend went through this with her dad. What "
             "helped her was to stop correcting him and just be good company, whoever he "
             "thought she was. Some days he enjoyed the visits more than ever. Be kind to "
             "yourself tonight."),
            ("alex", "I don't have advice, just that I read this and I'm thinking of you."),
        ],
        "reactions": [(0, "alex", "support"), (0, "mo", "support"), (1, "sam", "thanks")],
    },
    {
        "category": "carers-corner", "author": "sam",
        "title": "Does anyone else feel guilty for needing a break?",
        "body": "The council has offered a week of respite care for Mum so I can have a rest. "
        "Part of me is desperate for it and part of me feels like I'm letting her down. I've "
        "been caring for her alongside work and I'm running on empty.\n\n"
        "Carers out there: how did you get past the guilt?",
        "replies": [
            ("jo", "I cared for my mum for years alongside a full-time job and two teenagers, "
             "and I got very low. Looking back, I wish someone had told me that a break is "
             "part of caring, not the opposite of it. Take the week. Your mum needs you "
             "well."),
            ("alex", "Not a carer myself, but my sister looked after our gran and said the "
             "same. She took the break and came back with a lot more patience. You deserve "
             "rest too."),
        ],
        "reactions": [(0, "alex", "me_too"), (1, "sam", "thanks")],
    },
    {
        "category": "learning-disability-speaking-up", "author": "jo",
        "title": "Starting something new: what helped you?",
        "body": "Starting college or a new group can feel scary. At one college, students who "
        "had been there a year showed the new people around. They remembered being "
        "nervous too. It helped a lot.\n\n"
        "What helped you when you started something new? Short answers are fine.",
        "replies": [
            ("alex", "A buddy met me at the bus stop on my first day. After that it was "
             "easier."),
            ("sam", "My cousin joined a drama group last year. He says he was shy before. "
             "Now he can look at the camera and speak up. He is proud of himself."),
        ],
        "reactions": [(2, "jo", "support"), (1, "jo", "thanks")],
    },
    {
        "category": "good-news", "author": "alex",
        "title": "I got the bus into town on my own!",
        "body": "Small thing for most people, big thing for me. For months I couldn't go out "
        "without someone with me. A volunteer came with me the first few times. Today I got "
        "the bus into town on my own, had a hot chocolate and came home. I'm quite proud.",
        "replies": [
            ("jo", "That's not a small thing at all. Brilliant, alex. Well done you."),
            ("sam", "Brilliant news! Cream on the hot chocolate, I hope?"),
            ("alex", "Cream and marshmallows, obviously."),
        ],
        "reactions": [(0, "jo", "support"), (0, "sam", "support"), (0, "mo", "support")],
    },
]


class Command(BaseCommand):
    help = "Create demo forum categories and threads by the demo members (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, **options):
        # Demo members post a whole forum at once, far past members' rate limits.
        with waived():
            return self.seed_all(*args, **options)

    def seed_all(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_forums posts as the demo members. It only runs with DEBUG "
                               "on; pass --force if you really mean it.")
        usernames = {thread["author"] for thread in THREADS} | {"alex", "sam", "jo", "mo"}
        members = User.objects.in_bulk(usernames, field_name="username")
        missing = sorted(usernames - set(members))
        if missing:
            raise CommandError(f"Demo members missing: {', '.join(missing)}. Run seed_demo.")
        categories, threads = self.seed(members)
        self.stdout.write(f"Demo forums ready ({categories} new categories, {threads} new "
                          "threads).")

    @transaction.atomic
    def seed(self, members: dict[str, User]) -> tuple[int, int]:
        new_categories = 0
        for order, (name, slug, description, starters) in enumerate(CATEGORIES, start=1):
            _, created = Category.objects.get_or_create(slug=slug, defaults={
                "name": name, "description": description, "who_may_start": starters,
                "order": order * 10,
            })
            new_categories += created
        # Demo members are new, so their first posts would wait for a moderator.
        # Inside this transaction nobody else ever sees the hold switched off.
        site = SiteSettings.current()
        SiteSettings.objects.filter(pk=site.pk).update(held_first_posts=0)
        new_threads = sum(self.seed_thread(spec, members) for spec in THREADS)
        SiteSettings.objects.filter(pk=site.pk).update(held_first_posts=site.held_first_posts)
        return new_categories, new_threads

    def seed_thread(self, spec: dict, members: dict[str, User]) -> bool:
        category = Category.objects.get(slug=spec["category"])
        if Thread.objects.filter(category=category, title=spec["title"]).exists():
            return False
        first = thread_create(author=members[spec["author"]], category=category,
                              title=spec["title"], body=spec["body"],
                              warnings=spec.get("warnings", ()),
                              warning_note=spec.get("note", "")).post
        posts = [first]
        for author, body in spec["replies"]:
            posts.append(post_create(author=members[author], thread=first.thread,
                                     body=body).post)
        for index, username, kind in spec["reactions"]:
            reaction_set(post=posts[index], user=members[username], kind=kind)
        return True
