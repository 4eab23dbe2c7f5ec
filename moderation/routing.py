"""WebSocket routes of this app, gathered by config/asgi.py."""

from django.urls import path

from moderation.consumers import ModerationAlertsConsumer

websocket_urlpatterns = [path("ws/moderation/", ModerationAlertsConsumer.as_asgi())]
