"""What every reader of event details makes of a ledger, as plain JSON (ids, counts,
codes, seqs): the status view, custody and its HTML report, the query filters, QC
agreement per reviewer, quarantine reasons and codes, the projection summary."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import Any

from audit import quarantine_reasons, summary
from audit.custody import Custody, custody
from audit.query import EventFilter
from audit.report import Page, Verdict, render
from cli.status_view import queue_names, status_view
from models.audit import Action, AuditEvent
from models.event_refs import code_of
from models.events import read_payload
from review.agreement import by_reviewer
from stages.quarantine import quarantine_states

CLAIMS = {"medical": {"batch-1"}, "general": set[str](), "medical-qc": set[str]()}
FILTERS = {
    "doc-1": EventFilter(document="doc-1"),
    "doc-3": EventFilter(document="doc-3"),
    "batch-1": EventFilter(batch="batch-1"),
    "batch-1-qc": EventFilter(batch="batch-1-qc"),
    "bob": EventFilter(reviewer="bob"),
    "ana": EventFilter(reviewer="ana"),
    "ana-in-batch-1": EventFilter(batch="batch-1", reviewer="ana"),
}


def _custody(c: Custody) -> dict[str, Any]:
    seqs = lambda timeline: [e.seq for e in timeline]  # noqa: E731
    docs = {k: {**asdict(d), "timeline": seqs(d.timeline)} for k, d in c.documents.items()}
    batches = {
        k: {
            "docs": b.docs,
            "queue": b.queue,
            "timeline": seqs(b.timeline),
            "reviewers": {a.value: b.reviewers(a) for a in Action if b.reviewers(a)},
        }
        for k, b in c.batches.items()
    }
    return {"documents": docs, "batches": batches, "entities": dict(c.entities),
            "events": c.events, "first": c.first, "last": c.last}  # fmt: skip


def _report_sha256(c: Custody) -> str:
    html = render(c, Verdict(ok=True), Page("2026-11-03T10:00:00Z"))
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def reads(events: list[AuditEvent]) -> dict[str, Any]:
    from tests.unit.audit.known_ledger import NOW

    held = custody("m-1", events)
    return {
        "status_view": status_view(events, 24, CLAIMS, NOW),
        "status_queue_names": queue_names(events),
        "quarantine_states": quarantine_states(events),
        "quarantine_show_codes": [[e.seq, code_of(read_payload(e))] for e in events],
        "custody": _custody(held),
        "report_sha256": _report_sha256(held),
        "query": {k: [e.seq for e in events if f.matches(e)] for k, f in FILTERS.items()},
        "qc_by_reviewer": {k: asdict(v) for k, v in by_reviewer(events).items()},
        "quarantine_reasons": quarantine_reasons(events),
        "summary": summary(events),
    }
