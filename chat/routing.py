"""WebSocket routes of this app, gathered by config/asgi.py."""

from django.urls import path

from chat.consumers import ChatConsumer

websocket_urlpatterns = [path("ws/chat/<slug:slug>/", ChatConsumer.as_asgi())]
