"""The moderation state every kind of member content carries (defined in community.content,
so that community's profiles can carry it too). Content models inherit ModeratedContent;
how moderation reads and acts on each kind is its adapter (moderation.adapters). A Reason
says why something happened to the words, to their author and to moderators."""

from community.content import HIDDEN_AUTOMATICALLY, ModeratedContent, Reason, Visibility

__all__ = ["HIDDEN_AUTOMATICALLY", "ModeratedContent", "Reason", "Visibility"]
