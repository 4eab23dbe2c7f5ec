"""A minimal kind of member content: data only, as every content model is.

What moderation needs to know about it is in its adapter (moderation.py).
"""

from django.conf import settings
from django.db import models

from community.models import WarnedContent
from moderation.content import ModeratedContent


class Note(ModeratedContent, WarnedContent):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()

    def __str__(self) -> str:
        return self.body[:60]
