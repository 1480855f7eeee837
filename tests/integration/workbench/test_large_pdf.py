"""A 300-page scanned PDF in the workbench: any page is served on its own (the first at
once, the last too), with a text layer whose lines carry their exact rendition offsets.
(Memory and time to the first page: ``bench/bench_workbench_pdf.py``.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.scanned_pdf import page_text, publish_scanned_batch, rendition_text
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current
from workbench.security import new_token
from workbench.server import Background
from workbench.session import Session

PAGES = 300


@pytest.fixture
def web(tmp_path: Path) -> Iterator[httpx.Client]:
    store = MemoryObjectStore()
    batch_id = publish_scanned_batch(store, PAGES)
    client = ReviewerClient(store, "general", "ana")
    client.claim(batch_id, 600)
    grant_current(ReviewQueue(store, "general"), batch_id)  # the operator's side
    client.pull(batch_id, tmp_path / batch_id)
    server = Background(Session(tmp_path / batch_id, client, 600, new_token())).start()
    base, token = server.url.split("/?token=")
    with httpx.Client(base_url=base, headers={"x-sealroom-token": token}) as http:
        http.get(f"/?token={token}")
        yield http
    server.stop()


def test_each_page_served_alone_with_its_text_layer(web: httpx.Client) -> None:
    text = rendition_text(PAGES)
    for page in (0, PAGES - 1):
        image = web.get(f"/api/doc/doc-scan/page/{page}.png")
        assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"
        layer = web.get(f"/api/doc/doc-scan/page/{page}/layer").json()
        assert layer["placed"] and [x["text"] for x in layer["lines"]] == page_text(page)
        for line in layer["lines"]:
            assert text[line["start"] : line["start"] + len(line["text"])] == line["text"]
    assert web.get(f"/api/doc/doc-scan/page/{PAGES}.png").status_code == 404
    assert web.get("/api/doc/doc-nope/page/0.png").status_code == 404
