"""Peer supporters' own page under /mentoring/ (asking for a mentor comes later here)."""

from django.urls import path

from mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("step-back/", views.step_back, name="step_back"),
    path("come-back/", views.come_back, name="come_back"),
]
