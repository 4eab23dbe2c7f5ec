"""Every URL of the site; the apps' own URLs are included under their prefixes."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from community import views

# The admin is named after the site, not "Django administration".
admin.site.site_header = f"{settings.SITE_NAME}: administration"
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = "Members, roles and site settings"

urlpatterns = [
    path("", views.home, name="home"),
    path("guidelines/", views.guidelines, name="guidelines"),
    path("guidelines/easy-read/", views.guidelines_easy_read, name="guidelines_easy_read"),
    path("help/", views.help_page, name="help"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("members/me/edit/", views.member_edit, name="member_edit"),
    path("members/me/warnings/", views.warning_preferences, name="warning_preferences"),
    path("members/me/emails/", views.email_choices, name="email_choices"),
    path("members/me/blocked/", views.blocked_members, name="blocked_members"),
    path("members/<str:username>/", views.member_detail, name="member_detail"),
    path("members/<str:username>/block/", views.member_block, name="member_block"),
    path("members/<str:username>/unblock/", views.member_unblock, name="member_unblock"),
    path("notifications/", views.notifications, name="notifications"),
    path("accounts/export/", views.data_export, name="data_export"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/", include("allauth.urls")),
    path("forums/", include("forums.urls")),
    path("chat/", include("chat.urls")),
    path("conversations/", include("conversations.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("moderation/", include("moderation.urls")),
    path("groups/", include("localgroups.urls")),
    path("wellbeing/", include("wellbeing.urls")),
    path("admin/", admin.site.urls),
]
