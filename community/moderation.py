"""How moderation sees and acts on a member's profile text (pronouns and "about me")."""

from community import services
from community.content import ContentAction, ContentAdapter, Visibility
from community.models import Member


class ProfileAdapter(ContentAdapter):
    model = Member
    kind = "profile"
    is_one_per_member = True

    def queryset(self):
        return Member.objects.select_related("user")

    def written_by(self, user):
        return Member.objects.filter(user=user)

    def author(self, member: Member):
        return member.user

    def text(self, member: Member) -> str:
        parts = [("Pronouns", member.pronouns), ("About me", member.bio)]
        return "\n\n".join(f"{label}: {words}" for label, words in parts if words)

    def url(self, member: Member) -> str:
        return member.get_absolute_url()

    def actions(self, member: Member) -> set[str]:
        has_text = bool(member.pronouns or member.bio)
        return super().actions(member) | ({ContentAction.CLEAR} if has_text else set())

    def hide(self, member: Member, *, by, reason: str) -> None:
        services.profile_set_visibility(member=member, visibility=Visibility.HIDDEN, by=by,
                                        reason=reason)

    def restore(self, member: Member, *, by) -> None:
        services.profile_set_visibility(member=member, visibility=Visibility.PUBLISHED, by=by)

    def clear(self, member: Member, *, by, reason: str) -> None:
        services.profile_clear(member=member, by=by, reason=reason)
