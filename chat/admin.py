"""Administrators set up rooms here: hours, status, slow mode, facilitators and who may join.
Status and slow mode change through chat.services, so the change is recorded and everyone
in the room hears of it. Messages are read-only: moderators remove them in the room or
from the queue."""

from django import forms
from django.contrib import admin

from chat.models import Message, Room, RoomHours
from chat.services import room_set_slow_mode, room_set_status

# Written by the services, which record and announce the change.
SERVICE_FIELDS = {"status", "slow_mode_seconds"}
SLOW_MODE_MAX = 3600


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "slug", "description", "content_warnings", "order", "status",
                  "slow_mode_seconds", "who_may_join", "facilitators"]

    def clean_slow_mode_seconds(self):
        seconds = self.cleaned_data["slow_mode_seconds"]
        if seconds > SLOW_MODE_MAX:
            raise forms.ValidationError(f"Slow mode is at most {SLOW_MODE_MAX} seconds.")
        return seconds


class RoomHoursInline(admin.TabularInline):
    model = RoomHours
    extra = 1


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    form = RoomForm
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

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        stored = Room.objects.get(pk=obj.pk)
        status, seconds = obj.status, obj.slow_mode_seconds
        # The rest of what the form changed; facilitators are saved with the related objects.
        fields = [name for name in form.changed_data
                  if name not in SERVICE_FIELDS and not Room._meta.get_field(name).many_to_many]
        if fields:
            obj.save(update_fields=fields)
        obj.status, obj.slow_mode_seconds = stored.status, stored.slow_mode_seconds
        if status != stored.status:
            room_set_status(room=obj, moderator=request.user, status=status)
        if seconds != stored.slow_mode_seconds:
            room_set_slow_mode(room=obj, moderator=request.user, seconds=seconds)


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
