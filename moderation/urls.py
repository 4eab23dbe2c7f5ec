"""Moderator pages under /moderation/, and the pages where a member reads a warning or
reports a profile."""

from django.urls import path

from moderation.views import log, members, queue, reports, stats, warnings

app_name = "moderation"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("items/<int:pk>/", queue.item, name="item"),
    path("items/<int:pk>/<slug:action>/", queue.act, name="act"),
    path("members/<str:username>/", members.history, name="member"),
    path("members/<str:username>/sanction/", members.sanction, name="sanction"),
    path("members/<str:username>/notes/", members.note, name="note"),
    path("sanctions/<int:pk>/lift/", members.lift, name="lift"),
    path("log/", log.audit, name="log"),
    path("stats/", stats.stats, name="stats"),
    path("warnings/<int:pk>/", warnings.warning, name="warning"),
    path("report/profile/<str:username>/", reports.profile, name="report_profile"),
]
