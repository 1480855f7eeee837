"""Only this reviewer's browser may drive the workbench.

The server binds 127.0.0.1; every request must name it as Host (no DNS rebinding) and carry
the per-session random token: as ``?token=`` on the first page load (which sets a
``SameSite=Strict`` HttpOnly cookie) and, for every API call that changes anything, in the
``X-Sealroom-Token`` header too, which another site cannot set without a CORS preflight
this server never grants.
"""

from __future__ import annotations

import secrets

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

COOKIE = "sealroom_workbench"
HEADER = "x-sealroom-token"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _same(a: str | None, b: str) -> bool:
    return a is not None and secrets.compare_digest(a.encode(), b.encode())


class TokenGuard:
    """ASGI middleware: refuse any request without the right Host and token."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def refusal(self, request: Request) -> Response | None:
        host = request.headers.get("host", "").rsplit(":", 1)[0]
        if host not in LOCAL_HOSTS:
            return PlainTextResponse("wrong host", status_code=421)
        cookie_ok = _same(request.cookies.get(COOKIE), self.token)
        if request.url.path.startswith("/api/"):
            reading = request.method in ("GET", "HEAD")  # page images load with the cookie
            if cookie_ok and (reading or _same(request.headers.get(HEADER), self.token)):
                return None
            return PlainTextResponse("missing or wrong session token", status_code=403)
        if cookie_ok or _same(request.query_params.get("token"), self.token):
            return None
        return PlainTextResponse("open the URL printed by `sealroom reviewer open`", 403)
