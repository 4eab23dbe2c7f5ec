from django.urls import path

from forums import views

app_name = "forums"
urlpatterns = [path("", views.index, name="index")]
