"""The workbench's guard (a table of requests): local Host only, the session token as a
cookie for reads and also in the header for API changes; the first page may carry it in
the URL."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from workbench.security import COOKIE, HEADER, TokenGuard, new_token

TOKEN = new_token()


def case_id(value: object) -> str | None:
    """Test ids name the token, never its random value: they must be the same in every
    process that collects them (pytest-xdist's workers compare their collections)."""
    return value.replace(TOKEN, "TOKEN") if isinstance(value, str) else None


def ok(_request: object) -> PlainTextResponse:
    return PlainTextResponse("ok")


APP = TokenGuard(Starlette(routes=[Route("/", ok), Route("/api/x", ok, methods=["GET", "POST"])]),
                 TOKEN)  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "host", "cookie", "header", "status"),
    [
        ("GET", f"/?token={TOKEN}", "127.0.0.1:8000", None, None, 200),
        ("GET", "/", "localhost", TOKEN, None, 200),
        ("GET", "/", "127.0.0.1", None, None, 403),
        ("GET", "/?token=wrong", "127.0.0.1", None, None, 403),
        ("GET", f"/?token={TOKEN}", "evil.example:8000", None, None, 421),  # DNS rebinding
        ("GET", "/api/x", "127.0.0.1", TOKEN, None, 200),  # reads need the cookie only
        ("GET", f"/api/x?token={TOKEN}", "127.0.0.1", None, None, 403),  # not the URL token
        ("POST", "/api/x", "127.0.0.1", TOKEN, None, 403),  # changes need the header too
        ("POST", "/api/x", "127.0.0.1", TOKEN, TOKEN, 200),
        ("POST", "/api/x", "127.0.0.1", None, TOKEN, 403),
        ("POST", "/api/x", "127.0.0.1", TOKEN, "wrong", 403),
    ],
    ids=case_id,
)
def test_requests(
    method: str, path: str, host: str, cookie: str | None, header: str | None, status: int
) -> None:
    client = TestClient(APP, base_url=f"http://{host}")
    if cookie:
        client.cookies.set(COOKIE, cookie)
    headers = {HEADER: header} if header else {}
    assert client.request(method, path, headers=headers).status_code == status


def test_tokens_are_fresh_and_long() -> None:
    assert new_token() != new_token() and len(new_token()) >= 40
