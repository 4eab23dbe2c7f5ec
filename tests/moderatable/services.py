"""The notes app's writes: the one moderation needs."""

from community.services import content_set_visibility
from tests.moderatable.models import Note


def note_set_visibility(*, note: Note, visibility: str, by, reason: str = "") -> None:
    content_set_visibility(content=note, visibility=visibility, by=by, reason=reason)
