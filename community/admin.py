"""Administrators manage accounts, profiles and roles here."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.db import models

from community import roles
from community.models import (
    ContentWarning,
    HelpResource,
    Member,
    OpeningHours,
    SiteSettings,
    Topic,
    User,
    WriteLimit,
)
from community.ratelimits import rates_changed
from community.services import member_create, member_rights_changed, roles_sync
from community.signposting import UK_NATIONS

# A member's pronouns and "about me" are their words: moderators hide or clear them from
# the queue, where it is recorded, rather than rewriting them here.
PROFILE_TEXT = ["pronouns", "bio", "visibility", "moderation_reason", "moderated_by",
                "moderated_at"]


class MemberInline(admin.StackedInline):
    model = Member
    fk_name = "user"
    can_delete = False
    fields = ["pronouns", "bio", "visibility", "nation", "is_peer_supporter", "joined_at"]
    readonly_fields = ["pronouns", "bio", "visibility", "is_peer_supporter", "joined_at"]


class PasswordChangeForm(AdminPasswordChangeForm):
    """A password set here also ends the member's open sockets, as it ends their sessions."""

    def save(self, commit=True):
        user = super().save(commit)
        member_rights_changed(member=user)
        return user


# Highest role first: an administrator who is also a peer supporter is listed as administrator.
ROLE_LABELS = [(roles.ADMINISTRATORS, "Administrator"), (roles.MODERATORS, "Moderator"),
               (roles.PEER_SUPPORTERS, "Peer supporter"),
               (roles.PARTNERS, "Partner organisation")]


class RoleFilter(admin.SimpleListFilter):
    title = "role"
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [*ROLE_LABELS, ("none", "Member only")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(groups__isnull=True, is_superuser=False)
        if self.value() in dict(ROLE_LABELS):
            return queryset.filter(groups__name=self.value()).distinct()
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "role", "email", "is_active", "date_joined"]
    list_filter = [RoleFilter, "is_active", "is_superuser"]
    inlines = [MemberInline]
    change_password_form = PasswordChangeForm
    # Staff status follows the Administrators group (see roles_sync).
    readonly_fields = ["is_staff", "last_login", "date_joined"]

    def get_queryset(self, request):
        # The role column reads each user's groups: one query for the page, not one a row.
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Role")
    def role(self, user):
        # The prefetched groups, not roles.role_names, which would query and cache per user.
        names = {group.name for group in user.groups.all()}
        if user.is_superuser:
            names.add(roles.ADMINISTRATORS)
        return next((label for name, label in ROLE_LABELS if name in names), "Member")

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
    list_display = ["display_name", "is_peer_supporter", "nation", "visibility", "joined_at"]
    list_filter = ["is_peer_supporter", "nation", "visibility"]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    # The badge follows the "Peer supporters" group: grant it on the user's page.
    readonly_fields = ["user", *PROFILE_TEXT, "is_peer_supporter", "joined_at",
                       "guidelines_accepted_at"]


@admin.register(ContentWarning)
class ContentWarningAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    prepopulated_fields = {"slug": ["name"]}

    # Posts and messages store the slug: changing it would silently take the
    # warning off everything that already carries it.
    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else self.prepopulated_fields


class HelpResourceForm(forms.ModelForm):
    """Nations and topics as tick boxes, stored as the JSON lists the model keeps."""

    nations = forms.MultipleChoiceField(
        choices=UK_NATIONS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave all unticked if it serves the whole UK.",
    )
    topics = forms.MultipleChoiceField(
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Matched against what screening finds in a member's words.",
    )

    class Meta:
        model = HelpResource
        fields = ["nations", "topics"]  # the admin adds the rest from its fieldsets


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(HelpResource)
class HelpResourceAdmin(admin.ModelAdmin):
    form = HelpResourceForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [OpeningHoursInline]
    list_display = ["name", "phone", "is_24_7", "is_emergency", "is_active", "needs_review"]
    list_filter = ["needs_review", "is_active", "is_emergency"]
    search_fields = ["name", "description"]
    actions = ["mark_checked"]
    fieldsets = [
        (None, {"fields": ["name", "description"]}),
        ("Contact", {"fields": ["phone", "sms_number", "sms_keyword", "url"]}),
        ("When", {
            "fields": ["is_24_7"],
            "description": "Tick if it is always open; otherwise add its opening hours "
            "(UK time) at the bottom of this page.",
        }),
        ("Who", {"fields": ["nations", "topics"]}),
        ("Listing", {"fields": ["order", "is_active", "is_emergency", "needs_review"]}),
    ]

    @admin.action(description="Mark as checked (ready to go live)")
    def mark_checked(self, request, queryset):
        count = queryset.update(needs_review=False)
        self.message_user(request, f"{count} help resource(s) marked as checked.")


class SingletonAdmin(admin.ModelAdmin):
    """A settings model with one row, read through its current(): never a second, never deleted."""

    def has_add_permission(self, request):
        return not self.model.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonAdmin):
    fields = ["held_first_posts"]


@admin.register(WriteLimit)
class WriteLimitAdmin(admin.ModelAdmin):
    """How often members may post, reply, chat, react, report, block and edit their profile."""

    list_display = ["kind", "rate"]
    list_editable = ["rate"]
    list_display_links = None

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        rates_changed()
