"""Under /mentoring/: peer supporters' own page, asking for a peer mentor, and peer
supporters' offers."""

from django.urls import path

from mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("step-back/", views.step_back, name="step_back"),
    path("come-back/", views.come_back, name="come_back"),
    path("ask/", views.ask, name="ask"),
    path("ask/<int:pk>/withdraw/", views.ask_withdraw, name="ask_withdraw"),
    path("ask/<int:pk>/decline/", views.ask_decline, name="ask_decline"),
    path("offers/<int:pk>/choose/", views.offer_choose, name="offer_choose"),
    path("requests/", views.requests_list, name="requests"),
    path("requests/<int:pk>/offer/", views.requests_list, name="offer"),
]
