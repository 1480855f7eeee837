"""`sealroom reviewer list`: the queues a reviewer can reach and their free batches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from models.errors import QueueError, StorageError
from models.review import Manifest

if TYPE_CHECKING:
    from review import ReviewerClient

SIBLINGS = ("", "-qc", "-adjudication")  # a route's queue, its QC and adjudication queues
PRIORITY = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


def queue_listing(queue: str, client_for: Callable[[str], ReviewerClient]) -> list[str]:
    """One header line per queue, then one line per free batch (most urgent, soonest due)."""
    lines: list[str] = []
    for name in (queue + suffix for suffix in SIBLINGS):
        client = client_for(name)
        try:
            manifests = [client.manifest(b) for b in client.available()]
        except (StorageError, QueueError):
            lines.append(f"queue {name}: no access")
            continue
        lines.append(f"queue {name}: {len(manifests)} free batch(es)")
        lines += [_row(m) for m in sorted(manifests, key=_urgency)]
    return lines


def _urgency(manifest: Manifest) -> tuple[int, str]:
    return PRIORITY.get(manifest.priority, 9), manifest.due.isoformat()


def _row(m: Manifest) -> str:
    pages = sum(d.pages for d in m.docs)
    due = m.due.strftime("%Y-%m-%d %H:%M %Z").strip()
    return f"  {m.batch_id}  docs {len(m.docs)}  pages {pages}  due {due}  priority {m.priority}"
