"""The status view over a hand-built ledger (fixed clock): backlog, claims, overdue,
quarantine reasons, 24 h throughput, reviewer turnaround and QC agreement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from audit import Ledger
from cli.status_view import qc_agreement, status_view
from models import events as ev
from models.audit import Action, AuditEvent, EventDraft, Outcome

T0 = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def add(ledger: Ledger, clock: Clock, at_h: float, obj: str, payload: ev.Payload) -> None:
    """Record ``payload`` about ``obj`` at T0 + ``at_h`` hours, as a stage would."""
    clock.now = T0 + timedelta(hours=at_h)
    action = payload.action
    outcome = Outcome.QUARANTINED if action == Action.DOC_QUARANTINED else Outcome.OK
    key = f"{action}:{obj}:{getattr(payload, 'reviewer', '')}"
    ledger.append(EventDraft(key, "t", action.value, "x", obj, outcome, "m", payload.details()))


def redacted() -> ev.DocRedacted:
    return ev.DocRedacted(policy_version="p/1", entities={}, rendition_sha256="r",
                          text_sha256="t", text_length=1)  # fmt: skip


@pytest.fixture
def events() -> Iterator[list[AuditEvent]]:
    clock = Clock()
    with Ledger("sqlite://", clock=clock) as ledger:
        for n in range(4):
            ingested = ev.DocIngested(kind="legal", media_type="text/plain", size=1, sha256="s")
            add(ledger, clock, 0, f"doc-{n}", ingested)
        add(ledger, clock, 1, "doc-3", ev.DocQuarantined(code="SR-DOC-001", reason="bad"))
        for n in range(3):
            add(ledger, clock, 1, f"doc-{n}", redacted())
        add(ledger, clock, 2, "batch-a", ev.BatchPlanned(queue="general", docs=["doc-0"]))
        add(ledger, clock, 2, "batch-b", ev.BatchPlanned(queue="medical", docs=["doc-1"]))
        for batch, doc in (("batch-a", "doc-0"), ("batch-b", "doc-1")):
            add(ledger, clock, 2, doc, ev.DocDispatched(batch=batch))
            add(ledger, clock, 2, batch, ev.BatchDispatched(queue="q", docs=1))
        accepted = ev.SubmissionAccepted(reviewer="ana", epoch=1, annotations=0, verdicts=1)
        add(ledger, clock, 6, "batch-a", accepted)
        add(ledger, clock, 7, "doc-0", ev.DocReviewed(batch="batch-a", reviewer="ana"))
        yield list(ledger.events())


def test_queues_backlog_claims_and_overdue(events: list[AuditEvent]) -> None:
    now = T0 + timedelta(hours=30)
    view = status_view(events, 24, {"medical": {"batch-b"}, "general": set()}, now)
    assert view["queues"] == {
        "medical": {"open_batches": 1, "open_documents": 1, "claimed": 1, "overdue": 1}
    }
    assert view["awaiting_dispatch"] == 1  # doc-2 redacted, in no batch
    assert view["quarantined"] == {"doc-3": "bad"}
    assert view["documents"] == {
        "reviewed": 1,
        "dispatched": 1,
        "redacted": 1,
        "quarantined": 1,
    }


@pytest.mark.parametrize(
    ("hours_later", "expected"),
    [(10, {"ingested": 4, "redacted": 3, "reviewed": 1}), (26, {"ingested": 0, "reviewed": 1})],
)
def test_throughput_counts_only_the_last_24_hours(
    events: list[AuditEvent], hours_later: int, expected: dict[str, int]
) -> None:
    view = status_view(events, 72, None, T0 + timedelta(hours=hours_later))
    for name, count in expected.items():
        assert view["throughput_24h"][name] == count
    assert view["claims_known"] is False
    assert view["queues"]["medical"]["claimed"] is None


def test_reviewer_turnaround_is_dispatch_to_acceptance(events: list[AuditEvent]) -> None:
    view = status_view(events, 72, {}, T0 + timedelta(hours=8))
    assert view["reviewers"] == {"ana": {"batches": 1, "median_turnaround_h": 4.0, "qc": None}}


def event(action: str, **details: Any) -> AuditEvent:
    return AuditEvent(
        1, "2026-01-10T09:00:00Z", "k", "t", action, "batch", "b", Outcome.OK, "m", details, "", ""
    )


def qc(reviewer: str, other: str, agree: bool, f1: float, kappa: float | None) -> AuditEvent:
    return event(
        "qc.agreement", reviewer=reviewer, qc_reviewer=other, agree=agree, span_f1=f1, kappa=kappa,
        qc_batch="b-qc", spans=[1, 1, 1], verdict_pairs=1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], {}),
        (
            [qc("ana", "bo", True, 0.8, 1.0)],
            {
                "ana": {"comparisons": 1, "agreement": 1.0, "span_f1": 0.8, "kappa": 1.0},
                "bo": {"comparisons": 1, "agreement": 1.0, "span_f1": 0.8, "kappa": 1.0},
            },
        ),
        (
            [qc("ana", "bo", True, 1.0, None), qc("ana", "cy", False, 0.5, 0.0)],
            {
                "ana": {"comparisons": 2, "agreement": 0.5, "span_f1": 0.75, "kappa": 0.0},
                "bo": {"comparisons": 1, "agreement": 1.0, "span_f1": 1.0, "kappa": None},
                "cy": {"comparisons": 1, "agreement": 0.0, "span_f1": 0.5, "kappa": 0.0},
            },
        ),
        ([event("submission.accepted", reviewer="ana", epoch=1, annotations=0, verdicts=0)], {}),
    ],
)
def test_qc_agreement_per_reviewer(events: list[AuditEvent], expected: dict[str, Any]) -> None:
    assert qc_agreement(events) == expected


def test_reviewer_with_qc_only_still_listed() -> None:
    view = status_view([qc("ana", "bo", True, 1.0, 1.0)], 72, {}, T0)
    assert view["reviewers"]["bo"]["batches"] == 0
    assert view["reviewers"]["bo"]["qc"]["comparisons"] == 1


def test_documents_delivered_without_an_annotated_original_are_listed_with_the_code() -> None:
    ledger, clock = Ledger("sqlite://"), Clock()
    add(ledger, clock, 0, "doc-a", ev.DocDelivered(annotations=1, verdicts=1, sha256="x"))
    add(ledger, clock, 0, "doc-b", ev.DocDelivered(annotations=0, verdicts=1, sha256="y",
                                                   fallback="SR-DOC-002"))  # fmt: skip
    view = status_view(ledger.events(), 48, None, clock())
    assert view["delivered_json_only"] == {"doc-b": "SR-DOC-002"}
