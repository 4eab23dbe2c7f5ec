"""WebSocket routes of this app, gathered by community/asgi.py."""

websocket_urlpatterns: list = []
