"""A minimal kind of member content that implements the moderation interface."""

from django.conf import settings
from django.db import models

from community.models import WarnedContent
from moderation.content import ModeratedContent


class Note(ModeratedContent, WarnedContent):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()

    def __str__(self) -> str:
        return self.excerpt()

    def get_absolute_url(self) -> str:
        return f"/notes/{self.pk}/"

    def excerpt(self, length: int = 200) -> str:
        return self.body[:length]
