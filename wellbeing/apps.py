from django.apps import AppConfig


class WellbeingConfig(AppConfig):
    name = "wellbeing"
    verbose_name = "Wellbeing check-ins"

    def ready(self):
        from community.leaving import register as register_personal_data
        from moderation.adapters import register
        from wellbeing.leaving import WellbeingData
        from wellbeing.moderation import TalkRequestAdapter

        register(TalkRequestAdapter())
        register_personal_data(WellbeingData())
