from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"

    def ready(self):
        from community.content import use_submission_path
        from community.leaving import register as register_personal_data
        from moderation import submission
        from moderation.leaving import ModerationData

        use_submission_path(submission)
        register_personal_data(ModerationData())
