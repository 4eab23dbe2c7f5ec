from django.urls import path

from localgroups import views

app_name = "localgroups"
urlpatterns = [
    path("", views.group_list, name="list"),
    path("<int:pk>/", views.group_detail, name="detail"),
]
