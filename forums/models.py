"""Topic forums: categories, threads, posts, their revisions, reactions and read marks."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from community.models import WarnedContent
from moderation.content import ModeratedContent

User = settings.AUTH_USER_MODEL


class Category(models.Model):
    class Starters(models.TextChoices):
        EVERYONE = "everyone", "Every member"
        PEER_SUPPORTERS = "peer_supporters", "Peer supporters and staff"
        STAFF = "staff", "Moderators and administrators only"

    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=100)
    who_may_start = models.CharField("who may start threads", max_length=20,
                                     choices=Starters.choices, default=Starters.EVERYONE)
    default_warnings = models.JSONField(
        default=list, blank=True, help_text="Content warnings ticked for every new thread here."
    )
    needs_approval = models.BooleanField(
        "new threads need approval", default=False,
        help_text="Every new thread waits for a moderator before members see it.",
    )
    is_public = models.BooleanField(
        "visitors can read", default=True,
        help_text="Untick to show this category to signed-in members only.",
    )
    # The published threads here, their post_count summed (posts in held or hidden threads
    # are out) and the latest of their last_post_at. Recounted by forums.services in every
    # write that changes them.
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:category", args=[self.slug])


class Thread(ModeratedContent, WarnedContent):
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(max_length=150)
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="threads")
    created_at = models.DateTimeField(auto_now_add=True)
    is_locked = models.BooleanField("locked", default=False)
    is_pinned = models.BooleanField("pinned", default=False)
    # The posts readers page through here: the published ones, those their authors removed
    # included (each stays as a "removed by its author" row), whatever the thread's own
    # state. The last_post fields describe the highest-numbered of them, and are empty
    # (None, 0) while there is none. Recounted by forums.services in every write that
    # changes them.
    post_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(null=True, blank=True)
    last_post_number = models.PositiveIntegerField(default=0)
    last_poster = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    # Numbers every post in order, held ones included, for links and read marks.
    next_number = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["category", "-is_pinned", "-last_post_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", args=[self.category.slug, self.pk])


class Post(ModeratedContent, WarnedContent):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()
    body = models.TextField()
    html = models.TextField(help_text="The body rendered and sanitised when it was written.")
    risk = models.CharField(max_length=10, default="none",
                            help_text="What screening found when it was written.")
    risk_topics = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField("removed by its author", default=False)
    support_count = models.PositiveIntegerField(default=0)
    me_too_count = models.PositiveIntegerField(default=0)
    thanks_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="one_post_per_number")
        ]
        indexes = [models.Index(fields=["author", "visibility"])]

    def __str__(self) -> str:
        return self.excerpt(60)

    def get_absolute_url(self) -> str:
        return reverse("forums:post", args=[self.pk])

    def excerpt(self, length: int = 200) -> str:
        return self.body[:length]


class PostRevision(models.Model):
    """The text of a post before an edit; moderators can read the history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Revision of post {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"


class ThreadTitleRevision(models.Model):
    """A thread's title before a change, by its starter or a moderator."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="title_revisions")
    title = models.CharField(max_length=150)
    edited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Earlier title of thread {self.thread_id}: {self.title}"


class Reaction(models.Model):
    """Peer reactions, not popularity: each says something kind, one of each per member."""

    class Kind(models.TextChoices):
        SUPPORT = "support", "Sending support"
        ME_TOO = "me_too", "Me too"
        THANKS = "thanks", "Thank you"

    COUNT_FIELDS = {Kind.SUPPORT: "support_count", Kind.ME_TOO: "me_too_count",
                    Kind.THANKS: "thanks_count"}

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_kind_display().lower()} on post {self.post_id}"


class NotifiedReaction(models.Model):
    """A reaction its post's writer has been told of: given, taken back and given again, it
    is not news a second time."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Reaction.Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="notified_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} on post {self.post_id}: told"


class Subscription(models.Model):
    """A member following a thread: they hear of new replies."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="subscriptions")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.thread_id}"


class ReadMark(models.Model):
    """How far a member has read a thread, by post number."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="read_marks")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_marks")
    last_read_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="one_read_mark")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.thread_id} to {self.last_read_number}"
