"""The workbench as an ASGI app: one HTML page, its local assets, the JSON API."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from workbench import api
from workbench.security import COOKIE, TokenGuard
from workbench.session import Session

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
CSP = (
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


async def index(request: Request) -> Response:
    session: Session = request.app.state.session
    if "token" in request.query_params:  # keep the token out of the address bar and history
        response: Response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, session.token, httponly=True, samesite="strict")
        return response
    response = templates.TemplateResponse(
        request, "index.html", {"batch_id": session.batch_id, "token": session.token}
    )
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Cache-Control"] = "no-store"
    return response


async def no_icon(request: Request) -> Response:
    return Response(status_code=204)


def build_app(session: Session) -> Starlette:
    routes = [
        Route("/", index),
        Route("/favicon.ico", no_icon),
        *api.ROUTES,
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(TokenGuard, token=session.token)])
    app.state.session = session
    return app
