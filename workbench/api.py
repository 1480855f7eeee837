"""The workbench's JSON API (all under ``/api/``, all behind ``security.TokenGuard``)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from models.errors import SealroomError, SubmissionRejected
from workbench.drafts import Draft
from workbench.pages import layer, page_lines
from workbench.session import Session


def _session(request: Request) -> Session:
    session: Session = request.app.state.session
    return session


def _error(exc: SealroomError, status: int = 409) -> JSONResponse:
    return JSONResponse({"error": exc.message, "code": exc.code}, status_code=status)


async def batch(request: Request) -> Response:
    session = _session(request)
    m = session.manifest
    docs = [
        {"doc_id": d.doc_id, "media_type": d.media_type, "pages": d.pages, "length": d.text_length}
        for d in m.docs
    ]
    return JSONResponse(
        {
            "batch_id": m.batch_id,
            "queue": m.queue,
            "reviewer": session.client.reviewer,
            "instructions": m.instructions,
            "labels": list(m.labels),
            "verdicts": list(m.verdicts),
            "priority": m.priority,
            "due": m.due.isoformat(),
            "lease_seconds": session.lease_seconds,
            "docs": docs,
        }
    )


async def text(request: Request) -> Response:
    session = _session(request)
    doc_id = request.path_params["doc_id"]
    try:
        return JSONResponse({"doc_id": doc_id, "text": session.text(doc_id)})
    except KeyError:
        return JSONResponse({"error": "unknown document"}, status_code=404)


def _page_args(request: Request) -> tuple[Session, str, int]:
    session = _session(request)
    doc_id = request.path_params["doc_id"]
    session.doc(doc_id)
    return session, doc_id, int(request.path_params["page"])


async def page_png(request: Request) -> Response:
    from workbench.pdf_pages import render_png  # PDF stack only when a page is looked at

    try:
        session, doc_id, page = _page_args(request)
        body = render_png(session.rendition(doc_id), page)
    except (KeyError, IndexError):
        return Response(status_code=404)
    return Response(body, media_type="image/png", headers={"Cache-Control": "private"})


async def page_layer(request: Request) -> Response:
    from workbench.pdf_pages import text_rects

    try:
        session, doc_id, page = _page_args(request)
        rects, size = text_rects(session.rendition(doc_id), page)
    except (KeyError, IndexError):
        return JSONResponse({"error": "no such page"}, status_code=404)
    return JSONResponse(layer(page_lines(session.text(doc_id), page), rects, size))


async def get_draft(request: Request) -> Response:
    return JSONResponse(_session(request).drafts.load().model_dump())


async def put_draft(request: Request) -> Response:
    try:
        draft = Draft.model_validate_json(await request.body())
    except ValidationError:
        return JSONResponse({"error": "draft not in the expected shape"}, status_code=400)
    _session(request).drafts.save(draft)
    return JSONResponse({"saved": True})


async def check(request: Request) -> Response:
    session = _session(request)
    return JSONResponse({"problems": session.problems(session.drafts.load())})


async def submit(request: Request) -> Response:
    session = _session(request)
    draft = session.drafts.load()
    problems = session.problems(draft)
    if problems:
        return JSONResponse({"submitted": False, "problems": problems}, status_code=422)
    work = draft.work()
    try:
        session.client.submit(session.batch_id, work["annotations"], work["verdicts"])
    except SubmissionRejected as exc:
        found = [session.locate(draft, line) for line in exc.reason.split("; ")]
        return JSONResponse({"submitted": False, "problems": found}, status_code=422)
    except SealroomError as exc:
        return _error(exc)
    return JSONResponse({"submitted": True, "annotations": len(work["annotations"])})


async def status(request: Request) -> Response:
    session = _session(request)
    try:
        lease = session.lease()
        rejection = session.client.rejection(session.batch_id)
    except SealroomError as exc:
        return _error(exc, 502)
    body: dict[str, Any] = {"lease": lease, "rejection": None}
    if rejection is not None:
        draft = session.drafts.load()
        problems = [session.locate(draft, line) for line in rejection.reason.split("; ")]
        at = rejection.rejected_at.isoformat()
        body["rejection"] = {"reason": rejection.reason, "at": at, "problems": problems}
    return JSONResponse(body)


async def renew(request: Request) -> Response:
    session = _session(request)
    try:
        session.client.renew(session.batch_id, session.lease_seconds)
        return JSONResponse({"lease": session.lease()})
    except SealroomError as exc:
        return _error(exc)


ROUTES = [
    Route("/api/batch", batch),
    Route("/api/doc/{doc_id}/text", text),
    Route("/api/doc/{doc_id}/page/{page:int}.png", page_png),
    Route("/api/doc/{doc_id}/page/{page:int}/layer", page_layer),
    Route("/api/draft", get_draft, methods=["GET"]),
    Route("/api/draft", put_draft, methods=["PUT"]),
    Route("/api/check", check, methods=["POST"]),
    Route("/api/submit", submit, methods=["POST"]),
    Route("/api/status", status),
    Route("/api/renew", renew, methods=["POST"]),
]
