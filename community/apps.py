from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Community"

    def ready(self):
        from allauth.account.signals import password_changed, password_reset, password_set

        from community.content import register
        from community.moderation import ProfileAdapter

        register(ProfileAdapter())
        # allauth's only hook for a member's own password change, set or reset.
        for signal in (password_changed, password_reset, password_set):
            signal.connect(_password_changed, dispatch_uid="community-sockets")


def _password_changed(sender, user, **kwargs) -> None:
    """Sessions signed in with the old password end; so do their open sockets."""
    from community.services import member_rights_changed

    member_rights_changed(member=user)
