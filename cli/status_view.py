"""The operations view, computed from ledger events (ids, counts and times only).

Per queue: backlog (batches dispatched and not yet reviewed, with their documents),
claimed (from the queue's live claims, when reachable) and overdue batches; documents
quarantined with reasons; throughput over the last 24 h; per-reviewer turnaround
(batch dispatched -> submission accepted) and QC agreement when the ledger has QC events
(``qc.agreement`` events, folded by ``review.agreement``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from statistics import median
from typing import Any

from audit import document_states, quarantine_reasons
from models.audit import Action, AuditEvent
from models.events import (
    BatchDispatched,
    BatchPlanned,
    DocDelivered,
    SubmissionAccepted,
    payload_of,
    payloads,
)

Claims = Mapping[str, set[str]]  # queue -> batch ids with a live claim


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _batches(events: list[AuditEvent]) -> dict[str, dict[str, Any]]:
    """batch id -> queue, docs, dispatched time, reviewed flag."""
    out: dict[str, dict[str, Any]] = {}
    for e in events:
        if e.action == Action.BATCH_PLANNED:
            plan = payload_of(e, BatchPlanned)
            out[e.object_id] = {"queue": plan.queue, "docs": len(plan.docs)}
        elif e.action == Action.BATCH_DISPATCHED and e.object_id in out:
            out[e.object_id]["dispatched"] = parse_time(e.time)
        elif e.action == Action.SUBMISSION_ACCEPTED and e.object_id in out:
            out[e.object_id]["reviewed"] = True
    return out


def queues(
    events: list[AuditEvent], now: datetime, due_hours: int, claims: Claims | None
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"open_batches": 0, "open_documents": 0, "claimed": 0, "overdue": 0}
    )
    for batch_id, b in sorted(_batches(events).items()):
        if "dispatched" not in b or b.get("reviewed"):
            continue
        row = out[b["queue"]]
        row["open_batches"] += 1
        row["open_documents"] += b["docs"]
        row["overdue"] += int(b["dispatched"] + timedelta(hours=due_hours) < now)
        if claims is None:
            row["claimed"] = None
        elif row["claimed"] is not None:
            row["claimed"] += int(batch_id in claims.get(b["queue"], set()))
    return dict(out)


def throughput(events: list[AuditEvent], now: datetime) -> dict[str, int]:
    since = now - timedelta(hours=24)
    recent = Counter(e.action for e in events if parse_time(e.time) >= since)
    names = {
        Action.DOC_INGESTED: "ingested",
        Action.DOC_REDACTED: "redacted",
        Action.DOC_QUARANTINED: "quarantined",
        Action.DOC_DISPATCHED: "dispatched",
        Action.DOC_REVIEWED: "reviewed",
        Action.DOC_DELIVERED: "delivered",
    }
    return {name: recent.get(action, 0) for action, name in names.items()}


def reviewers(events: list[AuditEvent]) -> dict[str, dict[str, Any]]:
    dispatched = {
        e.object_id: parse_time(e.time) for e in events if e.action == Action.BATCH_DISPATCHED
    }
    hours: dict[str, list[float]] = defaultdict(list)
    for e, accepted in payloads(events, SubmissionAccepted):
        if e.object_id in dispatched:
            delta = parse_time(e.time) - dispatched[e.object_id]
            hours[accepted.reviewer].append(delta.total_seconds() / 3600)
    qc = qc_agreement(events)
    out: dict[str, dict[str, Any]] = {
        r: {"batches": len(h), "median_turnaround_h": round(median(h), 2)} for r, h in hours.items()
    }
    for reviewer in set(out) | set(qc):
        row = out.setdefault(reviewer, {"batches": 0, "median_turnaround_h": None})
        row["qc"] = qc.get(reviewer)
    return dict(sorted(out.items()))


def qc_agreement(events: Iterable[AuditEvent]) -> dict[str, dict[str, Any]]:
    """reviewer -> QC comparisons, agreement rate, mean span F1 and kappa (from
    ``qc.agreement`` events); empty when QC has recorded none or is not installed."""
    try:
        from review.agreement import by_reviewer
    except ImportError:  # a build without QC: degrade to "no QC figures"
        return {}
    out = {}
    for reviewer, rec in by_reviewer(events).items():
        if not rec.comparisons:
            continue
        out[reviewer] = {
            "comparisons": rec.comparisons,
            "agreement": round(1 - rec.disagreements / rec.comparisons, 3),
            "span_f1": _round(rec.mean_span_f1),
            "kappa": _round(rec.mean_kappa),
        }
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def delivered_json_only(events: Iterable[AuditEvent]) -> dict[str, str]:
    """Delivered documents whose original could not be annotated: id -> error code."""
    delivered = payloads(events, DocDelivered)
    return {e.object_id: d.fallback for e, d in delivered if d.fallback}


def queue_names(events: list[AuditEvent]) -> list[str]:
    """Every queue a batch was planned or dispatched to, sorted."""
    planned = {p.queue for _, p in payloads(events, BatchPlanned)}
    return sorted(planned | {p.queue for _, p in payloads(events, BatchDispatched)})


def status_view(
    events: Iterable[AuditEvent], due_hours: int, claims: Claims | None, now: datetime | None
) -> dict[str, Any]:
    seen = list(events)
    moment = now or datetime.now(UTC)
    states = document_states(seen)
    quarantined = {
        d: r for d, r in quarantine_reasons(seen).items() if str(states.get(d)) == "quarantined"
    }
    return {
        "generated": moment.isoformat(timespec="seconds"),
        "documents": dict(Counter(str(s) for s in states.values())),
        "awaiting_dispatch": sum(1 for s in states.values() if str(s) == "redacted"),
        "queues": queues(seen, moment, due_hours, claims),
        "quarantined": dict(sorted(quarantined.items())),
        "delivered_json_only": delivered_json_only(seen),
        "throughput_24h": throughput(seen, moment),
        "reviewers": reviewers(seen),
        "claims_known": claims is not None,
    }
