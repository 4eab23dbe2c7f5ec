from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"

    def ready(self):
        from community.content import use_submission_path
        from moderation import submission

        use_submission_path(submission)
