from django.apps import AppConfig


class LocalGroupsConfig(AppConfig):
    name = "localgroups"
    verbose_name = "Local peer support"
