"""Administrators write the ready-made openings and decide who besides moderators may open
private conversations. Conversations themselves are read on the site, where who may read them is
checked, not here."""

from django.contrib import admin

from community.admin import SingletonAdmin
from conversations.models import ConversationSettings, Opening


@admin.register(Opening)
class OpeningAdmin(admin.ModelAdmin):
    list_display = ["label", "order", "is_active"]
    list_editable = ["order", "is_active"]


@admin.register(ConversationSettings)
class ConversationSettingsAdmin(SingletonAdmin):
    fields = ["peer_supporters_may_check_in", "members_may_write_to_each_other",
              "member_openings_rate"]
