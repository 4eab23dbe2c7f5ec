"""Moderator pages under /moderation/, what the Moderate menu on posts and messages leads to,
and the pages where a member reads a warning or reports a profile."""

from django.urls import path

from moderation.views import (
    duty,
    log,
    members,
    queue,
    reports,
    screening,
    stats,
    warnings,
    where_read,
)

app_name = "moderation"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("items/<int:pk>/", queue.item, name="item"),
    path("items/<int:pk>/<slug:action>/", queue.act, name="act"),
    path("content/<slug:kind>/<int:pk>/<slug:action>/", where_read.act, name="content_act"),
    path("members/<str:username>/", members.history, name="member"),
    path("members/<str:username>/sanction/", members.sanction, name="sanction"),
    path("members/<str:username>/notes/", members.note, name="note"),
    path("sanctions/<int:pk>/lift/", members.lift, name="lift"),
    path("duty/", duty.duty, name="duty"),
    path("log/", log.audit, name="log"),
    path("stats/", stats.stats, name="stats"),
    path("screening/", screening.screening, name="screening"),
    path("screening/examples.csv", screening.examples_csv, name="screening_examples"),
    path("screening/misses/<int:pk>/rule/", screening.make_rule, name="screening_rule"),
    path("screening/misses/<int:pk>/example/", screening.make_example,
         name="screening_example"),
    path("screening/misses/<int:pk>/set-aside/", screening.set_aside,
         name="screening_set_aside"),
    path("warnings/<int:pk>/", warnings.warning, name="warning"),
    path("report/profile/<str:username>/", reports.profile, name="report_profile"),
]
