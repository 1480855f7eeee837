"""Typed ledger payloads: one model per action, the stored JSON keeps its shape, old
events stay readable, and a misspelt field fails the write instead of being stored."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models.audit import Action, AuditEvent, Outcome
from models.events import (
    PAYLOADS,
    BatchDispatched,
    BatchPlanned,
    DocIngested,
    QcAgreement,
    payload_of,
    read_payload,
)


def event(action: Action, details: dict[str, object]) -> AuditEvent:
    when, hashes = "2025-01-01T00:00:00+00:00", ("0" * 64, "1" * 64)
    return AuditEvent(
        1, when, "k", "sealroom", action.value, "batch", "b1", Outcome.OK, "m1", details, *hashes
    )


def test_every_action_has_exactly_one_model() -> None:
    assert set(PAYLOADS) == set(Action)
    assert all(model.action is action for action, model in PAYLOADS.items())


@pytest.mark.parametrize(
    ("payload", "stored"),
    [
        (
            DocIngested(kind="legal", media_type="text/plain", size=3, sha256="ab"),
            {"kind": "legal", "media_type": "text/plain", "size": 3, "sha256": "ab"},
        ),
        (  # fields set to None are stored as before (null), unset ones are left out
            BatchDispatched(queue="q", docs=2, priority="high", due="d", qc_of=None),
            {"queue": "q", "docs": 2, "priority": "high", "due": "d", "qc_of": None},
        ),
        (
            BatchPlanned(queue="q-adj", docs=["a"], adjudicates="b1", reviews=[("b1", "ana")]),
            {"queue": "q-adj", "docs": ["a"], "adjudicates": "b1", "reviews": [["b1", "ana"]]},
        ),
    ],
)
def test_details_keep_the_stored_shape(payload: BatchPlanned, stored: dict[str, object]) -> None:
    assert payload.details() == stored
    assert read_payload(event(payload.action, stored)) == payload


def test_a_misspelt_field_fails_the_write() -> None:
    with pytest.raises(ValidationError):
        DocIngested(kind="legal", media_type="text/plain", size=3, sha256="ab", familly="x")  # type: ignore[call-arg]


def test_keys_an_older_version_wrote_are_ignored_on_read() -> None:
    old = {"qc_batch": "b2", "reviewer": "ana", "qc_reviewer": "bob", "span_f1": 1.0,
           "kappa": None, "spans": [1, 1, 1], "verdict_pairs": 0, "agree": True,
           "retired_key": "x"}  # fmt: skip
    agreement = payload_of(event(Action.QC_AGREEMENT, old), QcAgreement)
    assert (agreement.qc_batch, agreement.qc_reviewer, agreement.spans) == ("b2", "bob", (1, 1, 1))


def test_reading_an_event_as_another_action_is_refused() -> None:
    with pytest.raises(ValueError, match="read as"):
        payload_of(event(Action.BATCH_PLANNED, {"queue": "q", "docs": []}), QcAgreement)
