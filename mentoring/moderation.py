"""How moderation sees requests for a peer mentor and peer supporters' offers: screening
flags (crisis words, watched words) reach the queue as for any member text. Neither is
hidden or approved: a moderator gets in touch with the writer and closes the item."""

from django.urls import reverse

from community.content import ContentAdapter, Visibility
from mentoring.models import MentorOffer, MentorRequest


class _MentoringText(ContentAdapter):
    def visibility(self, obj) -> str:
        return Visibility.PUBLISHED

    def moderation_reason(self, obj) -> str:
        return ""

    def actions(self, obj) -> set[str]:
        return set()


class MentorRequestAdapter(_MentoringText):
    model = MentorRequest
    kind = "request for a peer mentor"

    def queryset(self):
        return MentorRequest.objects.select_related("member")

    def written_by(self, user):
        return MentorRequest.objects.filter(member=user)

    def author(self, request: MentorRequest):
        return request.member

    def text(self, request: MentorRequest) -> str:
        parts = [f"Would like support with: {request.support_with}"]
        if request.not_wanted:
            parts.append(f"Does not want: {request.not_wanted}")
        return "\n\n".join(parts)

    def url(self, request: MentorRequest) -> str:
        return reverse("mentoring:requests")

    def readers(self, request: MentorRequest) -> str:
        return "peer supporters, without the member's name"


class MentorOfferAdapter(_MentoringText):
    model = MentorOffer
    kind = "offer to mentor"

    def queryset(self):
        return MentorOffer.objects.select_related("supporter")

    def written_by(self, user):
        return MentorOffer.objects.filter(supporter=user)

    def author(self, offer: MentorOffer):
        return offer.supporter

    def text(self, offer: MentorOffer) -> str:
        return offer.about

    def url(self, offer: MentorOffer) -> str:
        return reverse("mentoring:requests")

    def readers(self, offer: MentorOffer) -> str:
        return "the member who asked for a peer mentor"
