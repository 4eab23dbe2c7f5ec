"""Administrators set up rooms here: hours, status, slow mode, facilitators and who may join.
Messages are read-only: moderators remove them in the room or from the queue."""

from django.contrib import admin

from chat.models import Message, Room, RoomHours


class RoomHoursInline(admin.TabularInline):
    model = RoomHours
    extra = 1


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "slow_mode_seconds", "who_may_join", "order"]
    list_editable = ["status", "order"]
    list_filter = ["status", "who_may_join"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["facilitators"]
    inlines = [RoomHoursInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "content_warnings", "order"]}),
        ("Running the room", {"fields": ["status", "slow_mode_seconds", "who_may_join",
                                         "facilitators"]}),
    ]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "author", "room", "visibility", "risk", "sent_at"]
    list_filter = ["room", "visibility", "risk"]
    search_fields = ["text", "author__username"]
    list_select_related = ["author", "room"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
