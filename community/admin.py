"""Administrators manage accounts, profiles and roles here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from community.models import Member, User
from community.services import member_create, roles_sync


class MemberInline(admin.StackedInline):
    model = Member
    can_delete = False
    fields = ["pronouns", "bio", "nation", "is_peer_supporter", "joined_at"]
    readonly_fields = ["is_peer_supporter", "joined_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "is_active", "is_staff", "date_joined"]
    inlines = [MemberInline]
    # Staff status follows the Administrators group (see roles_sync).
    readonly_fields = ["is_staff", "last_login", "date_joined"]

    def get_inlines(self, request, obj):
        # On the add page the profile does not exist yet; save_model makes it.
        return self.inlines if obj else []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            member_create(user=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        roles_sync(user=form.instance)


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["display_name", "is_peer_supporter", "nation", "joined_at"]
    list_filter = ["is_peer_supporter", "nation"]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    # The badge follows the "Peer supporters" group: grant it on the user's page.
    readonly_fields = ["user", "is_peer_supporter", "joined_at", "guidelines_accepted_at"]
