"""How moderation sees a member's request to talk: a queue item that says who asked, with
none of their check-in answers, closed when a moderator has got in touch."""

from community.content import ContentAdapter
from wellbeing.models import TalkRequest


class TalkRequestAdapter(ContentAdapter):
    model = TalkRequest
    kind = "request to talk"

    def queryset(self):
        return TalkRequest.objects.select_related("member")

    def written_by(self, user):
        return TalkRequest.objects.filter(member=user)

    def author(self, request: TalkRequest):
        return request.member

    def title(self, request: TalkRequest) -> str:
        return f"the request to talk from {request.member.username}"

    def text(self, request: TalkRequest) -> str:
        return (f"{request.member.username} would like someone from the team to talk to them. "
                "They asked after their wellbeing check-in. Please send them a private "
                "message (a check-in) from their profile. Their answers stay private.")

    def readers(self, request: TalkRequest) -> str:
        return "moderators"

    def actions(self, request: TalkRequest) -> set[str]:
        # Nothing to hide or approve: a moderator gets in touch, then closes the item.
        return set()
