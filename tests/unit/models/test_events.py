"""Typed ledger payloads: one model per action, the stored JSON keeps its shape, old
events stay readable, and a misspelt field fails the write instead of being stored."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pydantic import ValidationError

from models.audit import Action, AuditEvent, Outcome
from models.errors import MalformedEvent
from models.events import (
    PAYLOADS,
    BatchDispatched,
    BatchPlanned,
    DocIngested,
    QcAgreement,
    payload_of,
    payloads,
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
    with pytest.raises(MalformedEvent, match=r"batch\.planned event read as qc\.agreement"):
        payload_of(event(Action.BATCH_PLANNED, {"queue": "q", "docs": []}), QcAgreement)


SECRET = "SECRET-VALUE-7"  # stands for text that must never reach a message


@pytest.mark.parametrize(
    ("action", "details", "fields"),
    [
        (Action.BATCH_PLANNED, {"docs": [SECRET]}, "queue"),  # a field missing
        (Action.BATCH_PLANNED, {"queue": "q", "docs": SECRET}, "docs"),  # mistyped
        (Action.DOC_REDACTED, {"policy_version": "p", "entities": {SECRET: SECRET},
                               "rendition_sha256": "a", "text_sha256": "b",
                               "text_length": SECRET}, "entities, text_length"),
        (Action.QC_AGREEMENT, {}, "agree, kappa, qc_batch, qc_reviewer, reviewer, span_f1, "
                                  "spans, verdict_pairs"),
    ],
)  # fmt: skip
def test_details_that_do_not_fit_raise_a_coded_error_naming_fields_only(
    action: Action, details: dict[str, object], fields: str
) -> None:
    with pytest.raises(MalformedEvent) as caught:
        read_payload(event(action, details))
    error = caught.value
    assert error.code == "SR-AUD-022" and error.ref == "seq 1"
    assert error.message.endswith(f"{action.value} details do not fit: {fields} [seq 1]")
    assert SECRET not in error.message and error.__cause__ is None
    assert error.__suppress_context__  # the pydantic error (which repeats values) is dropped


def test_an_unknown_action_is_malformed_and_not_echoed() -> None:
    unknown = replace(event(Action.DOC_INGESTED, {}), action=SECRET)
    for read in (read_payload, lambda e: payload_of(e, DocIngested)):
        with pytest.raises(MalformedEvent) as caught:
            read(unknown)
        assert SECRET not in caught.value.message


def test_payloads_reads_the_events_of_one_action_in_order() -> None:
    planned = [event(Action.BATCH_PLANNED, {"queue": q, "docs": []}) for q in ("a", "b")]
    stream = [planned[0], event(Action.QC_AGREEMENT, {}), planned[1]]  # the QC one unread
    got = [(e, p.queue) for e, p in payloads(stream, BatchPlanned)]
    assert got == [(planned[0], "a"), (planned[1], "b")]
