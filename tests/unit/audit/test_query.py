"""Event filters for the compliance commands (table of cases)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from audit.query import EventFilter, parse_time, select_events
from models.audit import AuditEvent, Outcome
from models.errors import LedgerError, MalformedEvent

DAY_ONE = "2025-03-01T10:00:00+00:00"


def event(action: str, object_id: str, time: str = DAY_ONE, **details: object) -> AuditEvent:
    hashes = ("0" * 64, "1" * 64)
    return AuditEvent(
        1, time, "k", "sealroom", action, "x", object_id, Outcome.OK, "m1", dict(details), *hashes
    )


PLAN = event("batch.planned", "batch-1", queue="q", docs=["doc-a", "doc-b"])
DISPATCH = event("document.dispatched", "doc-a", batch="batch-1")
QC = event("qc.agreement", "batch-1", qc_batch="batch-2", reviewer="ana", qc_reviewer="bob",
           span_f1=1.0, kappa=None, spans=[0, 0, 0], verdict_pairs=0, agree=True)  # fmt: skip
LATE = event("document.ingested", "doc-c", time="2025-03-02T00:00:00+00:00", kind="legal",
             media_type="text/plain", size=1, sha256="s")  # fmt: skip
ALL = [PLAN, DISPATCH, QC, LATE]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (EventFilter(document="doc-a"), [PLAN, DISPATCH]),
        (EventFilter(batch="batch-1"), [PLAN, DISPATCH, QC]),
        (EventFilter(batch="batch-2"), [QC]),
        (EventFilter(reviewer="bob"), [QC]),
        (EventFilter(action="document.ingested"), [LATE]),
        (EventFilter(since=parse_time("2025-03-02")), [LATE]),
        (EventFilter(until=parse_time("2025-03-02")), [PLAN, DISPATCH, QC]),
    ],
)
def test_filters(wanted: EventFilter, expected: list[AuditEvent]) -> None:
    assert list(select_events(ALL, wanted)) == expected


def test_times() -> None:
    assert parse_time("2025-03-02") == datetime(2025, 3, 2, tzinfo=UTC)
    with pytest.raises(LedgerError):
        parse_time("yesterday")


def test_a_filter_that_needs_what_a_malformed_event_names_fails_with_a_code() -> None:
    broken = event("qc.agreement", "batch-9", reviewer="ana")  # no qc_reviewer, no figures
    assert list(select_events([broken], EventFilter(action="qc.agreement"))) == [broken]
    assert list(select_events([broken], EventFilter(batch="batch-9"))) == [broken]  # its object
    with pytest.raises(MalformedEvent, match=r"SR-AUD-022 .*qc_reviewer"):
        list(select_events([broken], EventFilter(reviewer="bob")))
