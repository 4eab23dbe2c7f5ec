"""The notes app's adapter: all a new kind of content needs for moderation to handle it."""

from moderation.adapters import ContentAdapter
from moderation.content import Visibility
from tests.moderatable import services
from tests.moderatable.models import Note


class NoteAdapter(ContentAdapter):
    model = Note
    kind = "note"

    def queryset(self):
        return Note.objects.select_related("author")

    def text(self, note: Note) -> str:
        return note.body  # plain text: never shown as HTML

    def url(self, note: Note) -> str:
        return f"/notes/{note.pk}/"

    def hide(self, note: Note, *, by, reason: str) -> None:
        services.note_set_visibility(note=note, visibility=Visibility.HIDDEN, by=by,
                                     reason=reason)

    def restore(self, note: Note, *, by) -> None:
        services.note_set_visibility(note=note, visibility=Visibility.PUBLISHED, by=by)
