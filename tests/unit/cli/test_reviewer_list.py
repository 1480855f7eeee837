"""`sealroom reviewer list`: a route's queue and its QC and adjudication siblings, each
readable or not, free batches most urgent first, then soonest due."""

from __future__ import annotations

from datetime import UTC, datetime

from cli.reviewer_list import queue_listing, queue_rows
from models.errors import StorageError
from models.review import Manifest, ManifestDoc

NOW = datetime(2026, 1, 5, tzinfo=UTC)


def manifest(batch_id: str, priority: str, due_day: int, pages: int = 2) -> Manifest:
    doc = ManifestDoc(doc_id="doc-a", media_type="application/pdf", path="docs/doc-a.pdf",
                      text_path="docs/doc-a.txt", sha256="0" * 64, text_sha256="0" * 64,
                      text_length=1, pages=pages)  # fmt: skip
    return Manifest(batch_id=batch_id, queue="general", matter="m1", created=NOW,
                    due=NOW.replace(day=due_day), policy_version="strict/1",
                    instructions="review", docs=(doc,), priority=priority)  # fmt: skip


class FakeClient:
    def __init__(self, manifests: list[Manifest] | None) -> None:
        self.manifests = {m.batch_id: m for m in manifests or []}
        self.readable = manifests is not None

    def available(self) -> list[str]:
        if not self.readable:
            raise StorageError("general-qc", "AccessDenied")
        return sorted(self.manifests)

    def manifest(self, batch_id: str) -> Manifest:
        return self.manifests[batch_id]


QUEUES = {
    "general": FakeClient(
        [
            manifest("b-low", "low", 6),
            manifest("b-urgent", "urgent", 9),
            manifest("b-n", "normal", 7),
        ]
    ),
    "general-qc": FakeClient(None),  # no access
    "general-adjudication": FakeClient([]),
}


def client_for(name: str) -> FakeClient:
    return QUEUES[name]


def test_rows_per_sibling_queue_most_urgent_first() -> None:
    rows = queue_rows("general", client_for)  # type: ignore[arg-type]
    assert [(r["queue"], r["access"]) for r in rows] == [
        ("general", True),
        ("general-qc", False),
        ("general-adjudication", True),
    ]
    assert [b["batch_id"] for b in rows[0]["batches"]] == ["b-urgent", "b-n", "b-low"]
    assert rows[0]["batches"][0] == {
        "batch_id": "b-urgent",
        "docs": 1,
        "pages": 2,
        "due": "2026-01-09T00:00:00+00:00",
        "priority": "urgent",
    }


def test_listing_lines() -> None:
    lines = queue_listing("general", client_for)  # type: ignore[arg-type]
    assert lines[0] == "queue general: 3 free batch(es)"
    assert lines[1] == "  b-urgent  docs 1  pages 2  due 2026-01-09 00:00 UTC  priority urgent"
    assert lines[4:] == [
        "queue general-qc: no access",
        "queue general-adjudication: 0 free batch(es)",
    ]
