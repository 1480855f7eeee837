"""`sealroom reviewer list`: the queues a reviewer can reach and their free batches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.errors import QueueError, StorageError
from models.review import Manifest

if TYPE_CHECKING:
    from review import ReviewerClient

SIBLINGS = ("", "-qc", "-adjudication")  # a route's queue, its QC and adjudication queues
PRIORITY = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


def queue_rows(queue: str, client_for: Callable[[str], ReviewerClient]) -> list[dict[str, Any]]:
    """Per queue: whether it can be read and its free batches (most urgent, soonest due)."""
    rows: list[dict[str, Any]] = []
    for name in (queue + suffix for suffix in SIBLINGS):
        client = client_for(name)
        try:
            manifests = [client.manifest(b) for b in client.available()]
        except (StorageError, QueueError):
            rows.append({"queue": name, "access": False, "batches": []})
            continue
        batches = [_batch(m) for m in sorted(manifests, key=_urgency)]
        rows.append({"queue": name, "access": True, "batches": batches})
    return rows


def queue_listing(queue: str, client_for: Callable[[str], ReviewerClient]) -> list[str]:
    """One header line per queue, then one line per free batch."""
    lines: list[str] = []
    for row in queue_rows(queue, client_for):
        if not row["access"]:
            lines.append(f"queue {row['queue']}: no access")
            continue
        lines.append(f"queue {row['queue']}: {len(row['batches'])} free batch(es)")
        lines += [_line(b) for b in row["batches"]]
    return lines


def _urgency(manifest: Manifest) -> tuple[int, str]:
    return PRIORITY.get(manifest.priority, 9), manifest.due.isoformat()


def _batch(m: Manifest) -> dict[str, Any]:
    return {
        "batch_id": m.batch_id,
        "docs": len(m.docs),
        "pages": sum(d.pages for d in m.docs),
        "due": m.due.isoformat(),
        "priority": m.priority,
    }


def _line(b: dict[str, Any]) -> str:
    due = datetime.fromisoformat(b["due"]).strftime("%Y-%m-%d %H:%M %Z").strip()
    return (
        f"  {b['batch_id']}  docs {b['docs']}  pages {b['pages']}  due {due}  "
        f"priority {b['priority']}"
    )
