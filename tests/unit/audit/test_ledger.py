"""Ledger behaviour: append, idempotency, queries, persistence (SQLite and Postgres)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

import audit.ledger
from audit import GENESIS_HASH, EventLog, Ledger
from models.audit import Action, EventDraft, Outcome
from models.errors import LedgerError


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest) -> str:
    """The contract holds on every backend: in-memory SQLite and a fresh Postgres database."""
    if request.param == "sqlite":
        return "sqlite://"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def ledger(ledger_url: str, clock) -> Iterator[Ledger]:
    with Ledger(ledger_url, clock=clock) as book:
        yield book


def test_empty_ledger(ledger: Ledger) -> None:
    assert (ledger.head(), ledger.count(), list(ledger.events())) == (None, 0, [])
    assert ledger.verify().ok


def test_append_returns_stored_event(ledger: Ledger, make_draft) -> None:
    first = ledger.append(make_draft(1))
    second = ledger.append(make_draft(2, Action.DOC_REDACTED, doc="doc-1"))
    assert (first.seq, first.prev_hash) == (1, GENESIS_HASH)
    assert (second.seq, second.prev_hash) == (2, first.hash)
    assert list(ledger.events()) == [first, second]
    assert ledger.head() == second
    assert ledger.get("k-2") == second and ledger.get("nope") is None


def test_append_is_idempotent_by_key(ledger: Ledger, make_draft) -> None:
    original = ledger.append(make_draft(1))
    ledger.append(make_draft(2))
    replay = ledger.append(EventDraft("k-1", "other", "other.action", "batch", "b-9"))
    assert replay == original
    assert ledger.count() == 2
    assert ledger.verify().ok


def test_returned_event_equals_what_is_read_back(ledger: Ledger) -> None:
    """Details are normalised to JSON types (tuples -> lists) before hashing."""
    ev = ledger.append(
        EventDraft("k", "a", "x.y", "document", "d", details={"t": (1, 2), "f": 0.1})
    )
    assert ev.details == {"t": [1, 2], "f": 0.1}
    assert list(ledger.events()) == [ev]
    assert ledger.verify().ok


@pytest.mark.parametrize(
    ("filters", "expected_keys"),
    [
        ({}, ["k-1", "k-2", "k-3", "k-4"]),
        ({"after_seq": 2}, ["k-3", "k-4"]),
        ({"object_id": "doc-1"}, ["k-1", "k-2"]),
        ({"action": Action.DOC_REDACTED}, ["k-2", "k-4"]),
        ({"matter": "m-2"}, ["k-4"]),
        ({"object_id": "doc-1", "action": Action.DOC_REDACTED}, ["k-2"]),
        ({"matter": "m-2", "after_seq": 4}, []),
    ],
)
def test_event_filters(ledger: Ledger, filters: dict, expected_keys: list[str]) -> None:
    for n, action, doc, matter in [
        (1, Action.DOC_INGESTED, "doc-1", "m-1"),
        (2, Action.DOC_REDACTED, "doc-1", "m-1"),
        (3, Action.DOC_INGESTED, "doc-2", "m-1"),
        (4, Action.DOC_REDACTED, "doc-2", "m-2"),
    ]:
        ledger.append(EventDraft(f"k-{n}", "t", action, "document", doc, matter=matter))
    assert [e.key for e in ledger.events(**filters)] == expected_keys


def test_events_pages_and_allows_appends_while_iterating(
    ledger: Ledger, make_draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit.ledger, "PAGE_SIZE", 3)
    for n in range(1, 8):
        ledger.append(make_draft(n))
    seen = []
    for event in ledger.events():
        seen.append(event.seq)
        if event.seq == 2:
            ledger.append(make_draft(8))  # lands in a page not read yet
    assert seen == list(range(1, 9))
    assert ledger.verify().count == 8


def test_file_ledger_creates_parent_dir_and_persists(tmp_path: Path, make_draft) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'ledger.db'}"
    with Ledger(url) as first:
        written = [first.append(make_draft(n)) for n in (1, 2)]
    with Ledger(url) as reopened:
        assert list(reopened.events()) == written
        assert reopened.append(make_draft(3)).prev_hash == written[-1].hash


def test_in_memory_ledgers_are_separate_but_shared_across_connections(make_draft) -> None:
    one, two = Ledger("sqlite://"), Ledger("sqlite:///:memory:")
    one.append(make_draft(1))
    assert (one.count(), two.count()) == (1, 0)


def test_satisfies_protocol(ledger: Ledger) -> None:
    log: EventLog = ledger
    assert log.count() == 0


def test_naive_clock_is_refused(make_draft) -> None:
    ledger = Ledger("sqlite://", clock=lambda: datetime(2024, 1, 1))
    with pytest.raises(LedgerError, match="naive"):
        ledger.append(make_draft(1))
    assert ledger.count() == 0


def test_invalid_url_error_does_not_echo_url() -> None:
    with pytest.raises(LedgerError) as info:
        Ledger("not a url :// s3cret")
    assert "s3cret" not in str(info.value)


def test_outcome_round_trips(ledger: Ledger, make_draft) -> None:
    ev = ledger.append(make_draft(1, Action.DOC_QUARANTINED, Outcome.QUARANTINED))
    assert next(ledger.events()).outcome is Outcome.QUARANTINED == ev.outcome


# --- serialisation: retries and the schema's refusal to fork ------------------------------
def _integrity_error() -> LedgerError:
    err = LedgerError("k", "ledger database error")
    err.__cause__ = IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed"))
    return err


def test_append_retries_after_losing_a_race(
    ledger: Ledger, make_draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, calls = Ledger._append_once, []

    def flaky(self: Ledger, draft: EventDraft, details: dict) -> object:
        calls.append(draft.key)
        if len(calls) < 3:
            raise _integrity_error()
        return real(self, draft, details)

    monkeypatch.setattr(Ledger, "_append_once", flaky)
    monkeypatch.setattr(audit.ledger._time, "sleep", lambda _s: None)
    assert ledger.append(make_draft(1)).seq == 1
    assert (len(calls), ledger.count()) == (3, 1)


def test_append_gives_up_and_other_errors_are_not_retried(
    ledger: Ledger, make_draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit.ledger._time, "sleep", lambda _s: None)
    monkeypatch.setattr(
        Ledger, "_append_once", lambda *_a: (_ for _ in ()).throw(_integrity_error())
    )
    with pytest.raises(LedgerError, match="race"):
        ledger.append(make_draft(1))
    calls = []

    def broken(*_a: object) -> None:
        calls.append(1)
        raise LedgerError("k", "ledger database error")

    monkeypatch.setattr(Ledger, "_append_once", broken)
    with pytest.raises(LedgerError, match="database error"):
        ledger.append(make_draft(1))
    assert calls == [1]


@pytest.mark.parametrize(
    ("column", "value"),
    [("seq", 1), ("prev_hash", GENESIS_HASH), ("key", "k-1")],
)
def test_schema_refuses_a_second_event_at_the_same_place(
    tmp_path: Path, make_draft, column: str, value: object
) -> None:
    """Even a writer that skips the lock cannot fork the chain: seq, prev_hash, key are unique."""
    path = tmp_path / "ledger.db"
    with Ledger(f"sqlite:///{path}") as ledger:
        ledger.append(make_draft(1))
    row = {
        "seq": 2,
        "time": "t",
        "key": "k-2",
        "actor": "a",
        "action": "x",
        "object_type": "o",
        "object_id": "d",
        "outcome": "ok",
        "matter": "",
        "details": "{}",
        "prev_hash": "1" * 64,
        "hash": "2" * 64,
        column: value,
    }
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.IntegrityError):
        db.execute(
            f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * 12)})",
            list(row.values()),
        )
