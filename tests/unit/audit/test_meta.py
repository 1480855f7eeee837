"""Meta-audit events: the read is recorded with the actor, its filters as ids and its
counts, typed by the action's payload model (a key the model lacks fails the write)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from audit import Ledger
from audit.meta import LEDGER_OBJECT, filters_of, record
from models.audit import Action, Outcome
from models.events import AuditQueried, payload_of


def test_a_read_is_recorded_with_its_typed_details() -> None:
    book = Ledger("sqlite://")
    filters = filters_of(matter="m-1", document=None, since="")
    event = record(book, "local:op@host", Action.AUDIT_QUERIED, matter="m-1", filters=filters,
                   events=3)  # fmt: skip
    assert (event.actor, event.object_id, event.outcome) == ("local:op@host", LEDGER_OBJECT, "ok")
    assert payload_of(event, AuditQueried) == AuditQueried(filters={"matter": "m-1"}, events=3)
    failed = record(book, "local:op@host", Action.AUDIT_REPORTED, ok=False, events=0)
    assert failed.outcome == Outcome.FAILED
    assert book.count() == 2


def test_a_detail_the_model_lacks_fails_the_write() -> None:
    book = Ledger("sqlite://")
    with pytest.raises(ValidationError):
        record(book, "local:op@host", Action.AUDIT_CHECKPOINTED, tree_size=1, text="x")
    assert book.count() == 0


@pytest.mark.parametrize(
    ("action", "details", "matter"),
    [
        (Action.AUDIT_QUERIED, {"filters": {"matter": "m-1"}, "events": 1}, "m-1"),
        (
            Action.AUDIT_EXPORTED,
            {"filters": {"matter": "m-2"}, "format": "csv", "events": 0},
            "m-2",
        ),
        (Action.AUDIT_REPORTED, {"filters": {"batch": "b-1"}, "events": 1}, ""),  # no matter
        (Action.AUDIT_CHECKPOINTED, {"tree_size": 4}, ""),  # a read with no filters
    ],
)
def test_the_event_names_the_matter_its_filters_name(
    action: Action, details: dict[str, object], matter: str
) -> None:
    book = Ledger("sqlite://")
    assert record(book, "local:op@host", action, **details).matter == matter
    assert record(book, "local:op@host", action, matter="m-9", **details).matter == "m-9"
