from django.urls import path

from wellbeing import views

app_name = "wellbeing"

urlpatterns = [
    path("", views.history, name="history"),
    path("take-part/", views.consent, name="consent"),
    path("take-part/easy-read/", views.consent_easy_read, name="consent_easy_read"),
    path("check-in/", views.checkin, name="checkin"),
    path("stop/", views.withdraw, name="withdraw"),
    path("talk/", views.talk, name="talk"),
    path("outcomes/", views.outcome_figures, name="outcomes"),
    path("outcomes.csv", views.outcome_figures_csv, name="outcomes_csv"),
]
