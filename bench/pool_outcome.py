"""What a work-pool cluster run left behind (bench/pool_harness.py), read from the
shared services only: the ledger's events and verification, the S3 outbox's
deliverables; and the remote reviewer's part, played against the S3 queues.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import dataclass

from audit import Ledger
from bench.pool_harness import (
    MATTER,
    OUTBOX_BUCKET,
    QUEUE_BUCKET,
    REPO,
    Cluster,
    s3_client,
)
from models.audit import Action


def play_reviewer(box: Cluster) -> int:
    """Review every open batch once, as the remote reviewer would; return how many. Between
    claim and pull the operator grants the holder its copies (collect does it in production)."""
    from cli.demo_reviewer import review_open_batches
    from review import ReviewerClient, S3ObjectStore

    s3 = s3_client(box.env["SEALROOM_S3_ENDPOINT_URL"])
    client = ReviewerClient(S3ObjectStore(s3, QUEUE_BUCKET), "general", "reviewer-pool")
    done = review_open_batches(client, box.root / "reviewer", 3600, grant=lambda b: _grant(box, b))
    return len(done)


def _grant(box: Cluster, batch_id: str) -> None:
    """The operator's grant, in a process configured like the workers (ledger on Postgres,
    vault and queues on S3)."""
    code = "import sys\nfrom cli.demo import operator_grant\noperator_grant(sys.argv[1])\n"
    done = subprocess.run(
        [sys.executable, "-c", code, batch_id],
        env=box.env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-1500:])


@dataclass(frozen=True)
class Outcome:
    ingested: int
    delivered: int
    quarantined: int
    terminal_twice: int
    not_terminal: int
    batches: int
    docs_dispatched_twice: int
    deliverables: int
    verify_ok: bool
    events: int

    @property
    def clean(self) -> bool:
        return (
            self.verify_ok
            and self.terminal_twice == 0
            and self.not_terminal == 0
            and self.docs_dispatched_twice == 0
            and self.deliverables == self.delivered
        )


def outcome(box: Cluster, matter: str = MATTER) -> Outcome:
    with Ledger(box.ledger_url) as ledger:
        events = list(ledger.events(matter=matter))
        verified = ledger.verify()
    by_action: dict[str, Counter[str]] = {}
    for event in events:
        by_action.setdefault(event.action, Counter())[event.object_id] += 1
    ingested = set(by_action.get(Action.DOC_INGESTED, Counter()))
    terminal = by_action.get(Action.DOC_DELIVERED, Counter()) + by_action.get(
        Action.DOC_QUARANTINED, Counter()
    )
    assert not (box.root / "home" / "outbox").exists()  # nothing on a worker's disk
    return Outcome(
        ingested=len(ingested),
        delivered=len(by_action.get(Action.DOC_DELIVERED, {})),
        quarantined=len(by_action.get(Action.DOC_QUARANTINED, {})),
        terminal_twice=sum(1 for n in terminal.values() if n > 1),
        not_terminal=len(ingested - set(terminal)),
        batches=len(by_action.get(Action.BATCH_DISPATCHED, {})),
        docs_dispatched_twice=sum(
            1 for n in by_action.get(Action.DOC_DISPATCHED, Counter()).values() if n > 1
        ),
        deliverables=deliverables(box, matter),
        verify_ok=verified.ok,
        events=len(events),
    )


def deliverables(box: Cluster, matter: str) -> int:
    """``<doc_id>.json`` objects in the matter's S3 outbox."""
    listed = s3_client(box.env["SEALROOM_S3_ENDPOINT_URL"]).list_objects_v2(
        Bucket=OUTBOX_BUCKET, Prefix=f"deliveries/{matter}/"
    )
    return sum(1 for item in listed.get("Contents", []) if item["Key"].endswith(".json"))
