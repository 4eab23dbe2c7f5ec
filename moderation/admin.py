"""Administrators edit screening rules here; the queue and the audit trail are read-only."""

from django.contrib import admin

from moderation.models import CrisisPattern, ModerationAction, QueueItem, Report, WatchedWord
from moderation.screening import rules


class RuleAdmin(admin.ModelAdmin):
    """Screening rules: this process recompiles at once, the others within seconds."""

    search_fields = ["pattern", "note"]
    list_per_page = 100

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
    list_display = ["pattern", "level", "topic", "is_active", "updated_at"]
    list_filter = ["level", "topic", "is_active"]
    fields = ["pattern", "level", "topic", "is_active", "note"]


@admin.register(WatchedWord)
class WatchedWordAdmin(RuleAdmin):
    list_display = ["pattern", "action", "replacement", "warning", "is_active", "updated_at"]
    list_filter = ["action", "is_active"]
    fields = ["pattern", "action", "replacement", "warning", "is_active", "note"]


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
