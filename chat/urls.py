from django.urls import path

from chat import views

app_name = "chat"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.room, name="room"),
    path("<slug:slug>/send/", views.message_send, name="message_send"),
    path("<slug:slug>/moderate/status/", views.room_status, name="room_status"),
    path("<slug:slug>/moderate/slow-mode/", views.room_slow_mode, name="room_slow_mode"),
    path("<slug:slug>/moderate/mute/", views.room_mute, name="room_mute"),
    path("<slug:slug>/messages/<int:pk>/report/", views.message_report, name="message_report"),
    path("<slug:slug>/messages/<int:pk>/delete/", views.message_delete, name="message_delete"),
]
