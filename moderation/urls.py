"""Moderator pages under /moderation/, and the page where a member reads a warning."""

from django.urls import path

from moderation import views

app_name = "moderation"
urlpatterns = [
    path("warnings/<int:pk>/", views.warning, name="warning"),
]
