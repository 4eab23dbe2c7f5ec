from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = "Peer supporters"

    def ready(self):
        from community.leaving import register as register_personal_data
        from community.roles import peer_support_rule
        from mentoring.leaving import MentoringData
        from mentoring.moderation import MentorOfferAdapter, MentorRequestAdapter
        from mentoring.services import is_in_good_standing
        from moderation.adapters import register

        # The badge and every peer-supporter permission ask this through community.roles.
        peer_support_rule(is_in_good_standing)
        register_personal_data(MentoringData())
        register(MentorRequestAdapter())
        register(MentorOfferAdapter())
