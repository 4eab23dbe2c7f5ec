"""Administrators record each peer supporter here: paid or volunteer, their supervisor,
their training and their supervision sessions. Every save goes through mentoring.services,
so it is audited and the badge and permissions follow at once. Only administrators see
these pages: supervision notes are never shown anywhere else."""

from django import forms
from django.contrib import admin

from community.models import Topic
from mentoring.models import PeerSupporter, SupervisionSession, TrainingRecord
from mentoring.permissions import can_administer
from mentoring.services import (
    Standing,
    supervision_delete,
    supervision_save,
    supporter_delete,
    supporter_save,
    supporter_standing,
    training_delete,
    training_save,
)


class AdministratorsOnly:
    """Moderators and other staff do not see these records, whatever their permissions."""

    def has_module_permission(self, request):
        return can_administer(request.user)

    def has_view_permission(self, request, obj=None):
        return can_administer(request.user)

    def has_add_permission(self, request, obj=None):
        return can_administer(request.user)

    def has_change_permission(self, request, obj=None):
        return can_administer(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_administer(request.user)


class TrainingInline(AdministratorsOnly, admin.TabularInline):
    model = TrainingRecord
    extra = 1
    fields = ["course", "completed_on", "expires_on", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]


class SupervisionInline(AdministratorsOnly, admin.StackedInline):
    model = SupervisionSession
    extra = 1
    fields = ["held_on", "supervisor", "notes"]
    autocomplete_fields = ["supervisor"]


class PeerSupporterForm(forms.ModelForm):
    topics = forms.MultipleChoiceField(
        label="Topics they mentor on", choices=Topic.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="They see requests for a peer mentor on these topics. Leave all unticked "
                  "for every topic.")

    class Meta:
        model = PeerSupporter
        fields = ["user", "kind", "supervisor", "caseload_limit", "topics"]


@admin.register(PeerSupporter)
class PeerSupporterAdmin(AdministratorsOnly, admin.ModelAdmin):
    form = PeerSupporterForm
    list_display = ["user", "kind", "standing", "training_runs_out", "supervisor"]
    list_filter = ["kind"]
    search_fields = ["user__username"]
    list_select_related = ["user", "supervisor"]
    autocomplete_fields = ["user", "supervisor"]
    fields = ["user", "kind", "supervisor", "caseload_limit", "topics", "standing",
              "stepped_back_at", "paused_notice_at"]
    readonly_fields = ["standing", "stepped_back_at", "paused_notice_at"]
    inlines = [TrainingInline, SupervisionInline]

    def get_readonly_fields(self, request, obj=None):
        # The person is chosen once; their role is granted on their account page.
        return [*self.readonly_fields, "user"] if obj else self.readonly_fields

    @admin.display(description="standing")
    def standing(self, supporter):
        if supporter.pk is None:
            return "-"
        standing = supporter_standing(supporter.user)
        if standing.state == Standing.NOT_A_PEER_SUPPORTER:
            return "Not in the Peer supporters group: grant the role on their account page"
        return Standing(standing.state).label

    @admin.display(description="training runs out")
    def training_runs_out(self, supporter):
        dates = [record.expires_on for record in supporter.training.all()]
        if not dates:
            return "No training recorded"
        return "Never" if None in dates else max(dates)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("training")

    def save_model(self, request, obj, form, change):
        supporter_save(supporter=obj, by=request.user)

    def save_formset(self, request, form, formset, change):
        save, delete = {TrainingRecord: (training_save, training_delete),
                        SupervisionSession: (supervision_save, supervision_delete)}[formset.model]
        records = formset.save(commit=False)
        for record in formset.deleted_objects:
            delete(**{_keyword(record): record, "by": request.user})
        for record in records:
            save(**{_keyword(record): record, "by": request.user})

    def delete_model(self, request, obj):
        supporter_delete(supporter=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for supporter in queryset:
            supporter_delete(supporter=supporter, by=request.user)


def _keyword(record) -> str:
    return "training" if isinstance(record, TrainingRecord) else "session"
