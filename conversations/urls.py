"""Private conversations under /conversations/."""

from django.urls import path

from conversations import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("<int:pk>/", views.conversation_detail, name="detail"),
    path("<int:pk>/end/", views.conversation_end, name="end"),
    path("with/<str:username>/", views.conversation_start, name="start"),
    path("messages/<int:pk>/report/", views.message_report, name="report"),
]
