"""Members: the user account, the community profile beside it, and UK nations."""

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from community.validators import reject_email_like, reject_phone_like


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"
    ELSEWHERE = "elsewhere", "Somewhere else"


class UserManager(DjangoUserManager):
    """Every account is created with its Member profile, including createsuperuser's."""

    def _create_user(self, username, email, password, **extra_fields):
        with transaction.atomic(using=self._db):
            user = super()._create_user(username, email, password, **extra_fields)
            Member.objects.create(user=user)
        return user


class User(AbstractUser):
    username = models.CharField(
        "pseudonym",
        max_length=30,
        unique=True,
        help_text="A made-up name other members will see. 3 to 30 letters, numbers "
        "or . + - _ (no spaces).",
        validators=[UnicodeUsernameValidator(), reject_email_like, reject_phone_like],
        error_messages={"unique": "Someone already uses that name. Please choose another."},
    )

    objects = UserManager()


class Member(models.Model):
    """What the community knows about a member, beyond the login account."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="member")
    pronouns = models.CharField(max_length=40, blank=True)
    bio = models.TextField("about me", max_length=1000, blank=True)
    nation = models.CharField(
        max_length=20,
        choices=Nation.choices,
        blank=True,
        help_text="Helps us show the help lines that serve where you live.",
    )
    is_peer_supporter = models.BooleanField(
        "peer supporter",
        default=False,
        help_text="A trained peer supporter: shown with a badge next to their name.",
    )
    joined_at = models.DateTimeField(default=timezone.now)
    guidelines_accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("member_detail", args=[self.user.username])

    @property
    def display_name(self) -> str:
        return self.user.username
