"""The directory in the admin: administrators keep every entry, partner organisations only
their own. Saves go through the services, so the same rules hold here as anywhere."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone

from community.models import Topic
from community.refusals import Refused
from community.roles import is_administrator
from localgroups import selectors
from localgroups.models import STALE_AFTER, Organisation, PeerGroup
from localgroups.permissions import can_edit_group, can_manage_directory
from localgroups.services import group_save, groups_mark_checked


class CheckedFilter(admin.SimpleListFilter):
    title = "last checked"
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [("stale", "Not checked for a year"), ("recent", "Checked in the last year")]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - STALE_AFTER
        if self.value() == "stale":
            return queryset.filter(last_checked__lt=cutoff)
        if self.value() == "recent":
            return queryset.filter(last_checked__gte=cutoff)
        return queryset


class PeerGroupForm(forms.ModelForm):
    topics = forms.MultipleChoiceField(choices=Topic.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = PeerGroup
        fields = ["topics"]  # the rest come from the fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["topics"] = [row.topic for row in self.instance.topics.all()]


def _own(request, queryset):
    if is_administrator(request.user):
        return queryset
    return queryset.filter(organisation__members=request.user).distinct()


@admin.register(PeerGroup)
class PeerGroupAdmin(admin.ModelAdmin):
    form = PeerGroupForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "organisation", "format", "region", "town", "postcode_district",
                    "last_checked", "is_stale", "is_published", "is_example"]
    list_filter = [CheckedFilter, "is_published", "is_example", "format", "region"]
    search_fields = ["name", "town", "postcode_district", "organisation__name"]
    actions = ["mark_checked"]
    fieldsets = [
        (None, {"fields": ["name", "organisation", "summary"]}),
        ("Who it is for", {"fields": ["audience", "ages", "topics"]}),
        ("Where and when", {"fields": ["format", "nation", "region", "town",
                                       "postcode_district", "meets"]}),
        ("Joining", {"fields": ["accessibility", "cost", "how_to_join", "website"]}),
        ("Listing", {"fields": ["last_checked", "is_published", "is_example"]}),
    ]

    @admin.display(boolean=True, description="Needs checking")
    def is_stale(self, group):
        return group.needs_checking

    def get_queryset(self, request):
        return _own(request, super().get_queryset(request).select_related("organisation"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = _own_organisations(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Roles, not Django's per-model permissions, decide: the same rule as the services.
    def has_module_permission(self, request):
        return can_manage_directory(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_add_permission(self, request):
        return can_manage_directory(request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return can_manage_directory(request.user)
        return can_edit_group(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def changelist_view(self, request, extra_context=None):
        stale = selectors.stale_count()
        if stale and is_administrator(request.user):
            self.message_user(request, f"{stale} group(s) not checked for a year. Use the "
                                       f"'Not checked for a year' filter to find them.",
                              messages.WARNING)
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        try:
            group_save(actor=request.user, group=obj, topics=form.cleaned_data["topics"])
        except Refused as error:
            raise PermissionDenied(error.message) from error

    def save_related(self, request, form, formsets, change):
        # Topics were saved by group_save; the form's own topics field is not a relation.
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    @admin.action(description="Mark as checked today")
    def mark_checked(self, request, queryset):
        try:
            count = groups_mark_checked(actor=request.user, groups=queryset)
        except Refused as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(request, f"{count} group(s) marked as checked today.")


def _own_organisations(request):
    if is_administrator(request.user):
        return Organisation.objects.all()
    return Organisation.objects.filter(members=request.user)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    search_fields = ["name"]
    filter_horizontal = ["members"]

    def has_module_permission(self, request):
        return is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user)

    has_add_permission = has_module_permission

    def has_change_permission(self, request, obj=None):
        return is_administrator(request.user)

    has_delete_permission = has_change_permission
