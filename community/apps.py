from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self):
        from allauth.account.signals import password_changed, password_reset, password_set

        from community.content import register
        from community.moderation import ProfileAdapter

        register(ProfileAdapter())
        _forget_warnings_on_change()
        # allauth's only hook for a member's own password change, set or reset.
        for signal in (password_changed, password_reset, password_set):
            signal.connect(_password_changed, dispatch_uid="community-sockets")


def _password_changed(sender, user, **kwargs) -> None:
    """Sessions signed in with the old password end; so do their open sockets."""
    from community.services import member_rights_changed

    member_rights_changed(member=user)


def _forget_warnings_on_change() -> None:
    """Administrators edit content-warning categories in the admin; whatever path saves
    one, pages stop showing the old list."""
    from django.db.models.signals import post_delete, post_save

    from community.models import ContentWarning
    from community.warnings import warnings_changed

    for signal in (post_save, post_delete):
        signal.connect(warnings_changed, sender=ContentWarning, dispatch_uid="warnings-changed")
