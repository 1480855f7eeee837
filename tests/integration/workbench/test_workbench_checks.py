"""The workbench's guard (127.0.0.1, session token, CSRF header) and how problems reach the
reviewer: collect's own check next to the annotation concerned, and a refusal by collect."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest

from review import ReviewQueue, S3ObjectStore
from workbench.drafts import Draft, DraftAnnotation
from workbench.server import Background
from workbench.session import Session

SHOTS = os.environ.get("SEALROOM_SCREENSHOTS")


def _base(server: Background) -> str:
    return server.url.split("/?")[0]


def _token(server: Background) -> str:
    return server.url.split("token=")[1]


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/", {}, 403),
        ("/?token=not-the-token", {}, 403),
        ("/api/batch", {}, 403),
        ("/static/workbench.js", {}, 403),
        ("/", {"host": "attacker.example"}, 421),
    ],
    ids=["no-token", "wrong-token", "api-without-cookie", "assets-without-cookie", "rebinding"],
)
def test_refused_without_the_session(
    server: Background, path: str, headers: dict[str, str], status: int
) -> None:
    assert httpx.get(_base(server) + path, headers=headers).status_code == status


def test_token_sets_a_strict_cookie_and_writes_need_the_header(
    server: Background, session: Session
) -> None:
    assert server.sock.getsockname()[0] == "127.0.0.1"
    with httpx.Client(base_url=_base(server)) as web:
        first = web.get(f"/?token={_token(server)}")
        assert first.status_code == 303 and first.headers["location"] == "/"
        assert "samesite=strict" in first.headers["set-cookie"].lower()
        assert "httponly" in first.headers["set-cookie"].lower()
        assert web.get("/api/batch").json()["batch_id"] == session.batch_id
        body = Draft().model_dump_json()
        assert web.put("/api/draft", content=body).status_code == 403  # cross-site shape
        ok = web.put("/api/draft", content=body, headers={"x-sealroom-token": _token(server)})
        assert ok.status_code == 200 and session.drafts.path.is_file()
        lease = web.get("/api/status").json()["lease"]
        assert lease["state"] == "held" and lease["mine"] and 0 < lease["expires_in"] <= 600
        assert web.post("/api/renew").status_code == 403
        renewed = web.post("/api/renew", headers={"x-sealroom-token": _token(server)})
        assert renewed.status_code == 200 and renewed.json()["lease"]["epoch"] == 1


def _stale_draft(session: Session) -> Draft:
    """A draft whose first annotation's offsets no longer match its quote."""
    doc = next(d for d in session.manifest.docs if d.media_type == "text/plain")
    text = session.text(doc.doc_id)
    pain = text.index("chest pain")
    good = DraftAnnotation(
        id="a-good", doc_id=doc.doc_id, start=pain, end=pain + 10, label="NOTE", quote="chest pain"
    )
    moved = good.model_copy(update={"id": "a-moved", "start": pain + 2, "end": pain + 12})
    return Draft(annotations=[moved, good])


def test_problems_shown_next_to_their_annotation(
    browser: Any, server: Background, session: Session, s3_store: S3ObjectStore
) -> None:
    session.drafts.save(_stale_draft(session))
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.set_default_timeout(30_000)
    page.goto(server.url)
    page.wait_for_selector("body[data-ready=true]")
    doc_id = session.drafts.load().annotations[0].doc_id
    index = [d.doc_id for d in session.manifest.docs].index(doc_id)
    page.locator("#doc-list button").nth(index).click()
    page.click("#submit")
    flagged = page.locator("#annotations li.error")
    flagged.wait_for()
    assert flagged.count() == 1
    assert "quote does not match the text at" in flagged.inner_text()
    assert "1 problem" in page.locator("#doc-list").inner_text()
    assert "Not submitted" in page.locator("#banner").inner_text()
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "workbench-validation.png"))
    assert ReviewQueue(s3_store, "general").submissions(session.batch_id) == []

    reason = "epoch 1 is not the current claim's epoch 2"
    ReviewQueue(s3_store, "general").reject(session.batch_id, "ana", reason)
    page.reload()
    page.wait_for_selector("#banner:has-text('Collect refused your submission')")
    assert reason in page.locator("#banner").inner_text()
    page.close()
