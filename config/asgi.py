"""ASGI entry point: HTTP goes to Django, WebSockets to the apps' consumers."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Django must be set up before anything imports models (the consumers do).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from chat.routing import websocket_urlpatterns as chat_websockets  # noqa: E402
from conversations.routing import (  # noqa: E402
    websocket_urlpatterns as conversation_websockets,
)
from moderation.routing import websocket_urlpatterns as moderation_websockets  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(
                chat_websockets + conversation_websockets + moderation_websockets))
        ),
    }
)
