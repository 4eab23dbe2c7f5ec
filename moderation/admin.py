"""Administrators edit screening rules, targets and duty hours here; the queue, the audit
trail, sanctions and notes are read-only (they change through the moderation pages)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.text import Truncator

from community.admin import SingletonAdmin
from moderation.models import (
    CrisisPattern,
    DutyHours,
    ModerationAction,
    ModerationSettings,
    ModeratorNote,
    QueueItem,
    Report,
    Sanction,
    WatchedWord,
)
from moderation.sanctions import in_force
from moderation.screening import rules


class RuleAdmin(admin.ModelAdmin):
    """Screening rules: this process recompiles at once, the others within seconds."""

    search_fields = ["pattern", "explanation", "note"]
    list_per_page = 100

    @admin.display(description="pattern", ordering="pattern")
    def pattern_start(self, rule) -> str:
        # Long rules would push every other column off the screen.
        return Truncator(rule.pattern).chars(60)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        rules.forget()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        rules.forget()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        rules.forget()


@admin.register(CrisisPattern)
class CrisisPatternAdmin(RuleAdmin):
    list_display = ["pattern_start", "explanation", "level", "topic", "is_active", "updated_at"]
    list_filter = ["level", "topic", "is_active"]
    fields = ["pattern", "level", "topic", "explanation", "is_active", "note"]


@admin.register(WatchedWord)
class WatchedWordAdmin(RuleAdmin):
    list_display = ["pattern_start", "explanation", "action", "replacement", "warning",
                    "is_active", "updated_at"]
    list_filter = ["action", "is_active"]
    fields = ["pattern", "action", "replacement", "warning", "explanation", "is_active", "note"]


class ReadOnly:
    """Seen in the admin, changed only through the moderation services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReportInline(ReadOnly, admin.TabularInline):
    model = Report
    fields = ["reporter", "reason", "note", "created_at"]
    readonly_fields = fields
    extra = 0


@admin.register(QueueItem)
class QueueItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "priority", "source", "status", "reason", "created_at", "claimed_by"]
    list_filter = ["status", "priority", "source"]
    list_select_related = ["claimed_by", "content_type"]
    inlines = [ReportInline]


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["created_at", "actor", "verb", "member", "content_type", "object_id", "reason"]
    list_filter = ["verb"]
    list_select_related = ["actor", "member", "content_type"]
    search_fields = ["reason", "actor__username", "member__username"]


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(SingletonAdmin):

    fieldsets = [
        ("Targets for a first look (the queue turns amber, then red)", {"fields": [
            "urgent_amber_minutes", "urgent_red_minutes", "other_amber_minutes",
            "other_red_minutes"]}),
        ("Claims", {"fields": ["claim_minutes"]}),
        ("Reports", {
            "description": "Reports from accounts without standing (younger, or with fewer "
                           "published posts, than below) reach the queue at normal priority, "
                           "marked “from a new account”, and never hide anything.",
            "fields": ["auto_hide_reports", "standing_days", "standing_posts",
                       "new_account_daily_reports", "open_reports_per_member"]}),
        ("Cover", {"fields": ["offline_after_minutes"]}),
    ]


@admin.register(DutyHours)
class DutyHoursAdmin(admin.ModelAdmin):
    list_display = ["weekday", "opens", "closes"]
    list_filter = ["weekday"]


class InForceFilter(admin.SimpleListFilter):
    title = "in force"
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [("yes", "In force now"), ("no", "Ended or lifted")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(in_force(now))
        if self.value() == "no":
            return queryset.exclude(in_force(now))
        return queryset


@admin.register(Sanction)
class SanctionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["member", "kind", "scope", "created_by", "created_at", "ends_at",
                    "lifted_at"]
    list_filter = [InForceFilter, "kind", "created_at"]
    list_select_related = ["member", "created_by"]
    search_fields = ["member__username", "reason"]
    date_hierarchy = "created_at"


@admin.register(ModeratorNote)
class ModeratorNoteAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["member", "author", "created_at", "text"]
    list_select_related = ["member", "author"]
    search_fields = ["member__username", "author__username", "text"]
