"""WebSocket routes of this app, gathered by config/asgi.py."""

from django.urls import path

from conversations.consumers import ConversationConsumer

websocket_urlpatterns = [path("ws/conversations/<int:pk>/", ConversationConsumer.as_asgi())]
