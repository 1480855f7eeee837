"""Tampering with the stored chain is detected and the first bad event is named."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit import GENESIS_HASH, Anchor, Ledger, event_hash, verify
from models.audit import AuditEvent, Outcome

N = 6
Tamper = Callable[[sqlite3.Connection], None]


def _row(db: sqlite3.Connection, seq: int) -> dict:
    cur = db.execute("SELECT * FROM events WHERE seq = ?", (seq,))
    names = [c[0] for c in cur.description]
    return dict(zip(names, cur.fetchone(), strict=True))


def _insert(db: sqlite3.Connection, row: dict) -> None:
    cols = ", ".join(row)
    db.execute(
        f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )


def _rehash(row: dict) -> dict:
    fields = {k: v for k, v in row.items() if k != "hash"}
    event = AuditEvent(
        **{**fields, "details": json.loads(row["details"]), "outcome": Outcome(row["outcome"])},
        hash="",
    )
    return {**row, "hash": event_hash(event)}


def _forge_at_end(linked: bool, rehash: bool) -> Tamper:
    def tamper(db: sqlite3.Connection) -> None:
        row = {**_row(db, N), "seq": N + 1, "key": "forged", "details": '{"n":99}'}
        row["prev_hash"] = row["hash"] if linked else "f" * 64
        row["hash"] = "e" * 64
        _insert(db, _rehash(row) if rehash else row)

    return tamper


def _forge_in_middle(db: sqlite3.Connection) -> None:
    db.execute("UPDATE events SET seq = -seq WHERE seq >= 3")
    db.execute("UPDATE events SET seq = 1 - seq WHERE seq < 0")
    _insert(db, _rehash({**_row(db, 2), "seq": 3, "key": "forged", "prev_hash": "f" * 64}))


def _swap(a: int, b: int) -> Tamper:
    def tamper(db: sqlite3.Connection) -> None:
        db.execute("UPDATE events SET seq = -1 WHERE seq = ?", (a,))
        db.execute("UPDATE events SET seq = ? WHERE seq = ?", (a, b))
        db.execute("UPDATE events SET seq = ? WHERE seq = -1", (b,))

    return tamper


def _sql(statement: str) -> Tamper:
    def tamper(db: sqlite3.Connection) -> None:
        db.execute(statement)

    return tamper


CASES: list[tuple[str, Tamper, int, str]] = [
    ("alter details", _sql("UPDATE events SET details = '{\"n\":42}' WHERE seq = 3"), 3, "hash"),
    ("alter actor of first", _sql("UPDATE events SET actor = 'mallory' WHERE seq = 1"), 1, "hash"),
    ("alter time of last", _sql("UPDATE events SET time = '2030-01-01' WHERE seq = 6"), 6, "hash"),
    ("alter outcome", _sql("UPDATE events SET outcome = 'failed' WHERE seq = 2"), 2, "hash"),
    ("alter stored hash", _sql(f"UPDATE events SET hash = '{'a' * 64}' WHERE seq = 4"), 4, "hash"),
    (
        "alter prev_hash",
        _sql(f"UPDATE events SET prev_hash = '{'b' * 64}' WHERE seq = 5"),
        5,
        "link",
    ),
    ("unreadable outcome", _sql("UPDATE events SET outcome = 'bogus' WHERE seq = 2"), 2, "unread"),
    ("unreadable details", _sql("UPDATE events SET details = '{oops' WHERE seq = 5"), 5, "unread"),
    ("delete middle", _sql("DELETE FROM events WHERE seq = 3"), 4, "seq"),
    ("delete first", _sql("DELETE FROM events WHERE seq = 1"), 2, "seq"),
    ("renumber tail", _sql("UPDATE events SET seq = seq + 10 WHERE seq >= 4"), 14, "seq"),
    ("forge at end, unlinked", _forge_at_end(linked=False, rehash=True), 7, "link"),
    ("forge at end, bad hash", _forge_at_end(linked=True, rehash=False), 7, "hash"),
    ("forge in middle", _forge_in_middle, 3, "link"),
    ("swap rows 2 and 5", _swap(2, 5), 2, "link"),
    ("swap adjacent 3 and 4", _swap(3, 4), 3, "link"),
]
REASONS = {"hash": "hash does not match", "link": "prev_hash", "seq": "seq", "unread": "unreadable"}


@pytest.fixture
def db_path(tmp_path: Path, make_draft) -> Path:
    path = tmp_path / "ledger.db"
    with Ledger(f"sqlite:///{path}") as ledger:
        for n in range(1, N + 1):
            ledger.append(make_draft(n))
        assert ledger.verify().ok
    return path


@pytest.mark.parametrize(
    ("tamper", "first_bad", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_tampering_is_detected(db_path: Path, tamper: Tamper, first_bad: int, reason: str) -> None:
    with sqlite3.connect(db_path) as db:
        tamper(db)
        (before_bad,) = db.execute("SELECT count(*) FROM events WHERE seq < ?", (first_bad,))
    with Ledger(f"sqlite:///{db_path}") as ledger:
        result = ledger.verify()
    assert (result.ok, result.first_bad_seq) == (False, first_bad)
    assert REASONS[reason] in result.reason
    assert result.count == before_bad[0]  # every event before the bad one verified


def test_rewritten_tail_needs_an_anchor(db_path: Path) -> None:
    """Recomputing every later hash fools the chain alone; an anchor (checkpoint) catches it."""
    with Ledger(f"sqlite:///{db_path}") as ledger:
        anchor = Anchor(N, ledger.head().hash)  # type: ignore[union-attr]
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE events SET details = '{\"n\":42}' WHERE seq = 3")
        for seq in range(3, N + 1):
            row = _rehash({**_row(db, seq), "prev_hash": _row(db, seq - 1)["hash"]})
            db.execute(
                "UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?",
                (row["prev_hash"], row["hash"], seq),
            )
    with Ledger(f"sqlite:///{db_path}") as ledger:
        assert ledger.verify().ok
        result = ledger.verify(anchor)
    assert (result.ok, result.first_bad_seq, result.count) == (False, N, N - 1)


def test_truncation_needs_an_anchor(db_path: Path) -> None:
    with Ledger(f"sqlite:///{db_path}") as ledger:
        anchor = Anchor(N, ledger.head().hash)  # type: ignore[union-attr]
        assert ledger.verify(anchor).ok
    with sqlite3.connect(db_path) as db:
        db.execute("DELETE FROM events WHERE seq = ?", (N,))
    with Ledger(f"sqlite:///{db_path}") as ledger:
        assert ledger.verify().ok
        result = ledger.verify(anchor)
    assert (result.ok, result.first_bad_seq, result.reason) == (
        False,
        N,
        "anchored event is missing",
    )


# --- pure verify() over in-memory chains --------------------------------------------------
def _chain(n: int) -> list[AuditEvent]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        unsealed = AuditEvent(
            seq,
            "2024-01-01T00:00:00.000000Z",
            f"k-{seq}",
            "a",
            "x",
            "doc",
            f"d-{seq}",
            Outcome.OK,
            "m",
            {"n": seq},
            prev,
            "",
        )
        event = replace(unsealed, hash=event_hash(unsealed))
        events.append(event)
        prev = event.hash
    return events


def test_reordered_iterable_names_the_first_out_of_place_event() -> None:
    chain = _chain(5)
    result = verify([chain[0], chain[2], chain[1], *chain[3:]])
    assert (result.ok, result.first_bad_seq, result.count) == (False, 3, 1)
    assert verify(reversed(chain)).first_bad_seq == 5


def test_empty_chain_is_ok() -> None:
    assert verify([]) == verify(iter(())) and verify([]).ok and verify([]).count == 0


MUTABLE = ["time", "key", "actor", "action", "object_type", "object_id", "matter", "prev_hash"]


@given(st.integers(1, 8), st.data())
def test_any_single_field_change_is_caught_at_its_seq(n: int, data: st.DataObject) -> None:
    chain = _chain(n)
    seq = data.draw(st.integers(1, n))
    name = data.draw(st.sampled_from([*MUTABLE, "details", "outcome", "hash"]))
    target = chain[seq - 1]
    if name == "details":
        changed = replace(target, details={"n": -1})
    elif name == "outcome":
        changed = replace(target, outcome=Outcome.FAILED)
    else:
        changed = replace(target, **{name: getattr(target, name) + "x"})
    result = verify([*chain[: seq - 1], changed, *chain[seq:]])
    assert (result.ok, result.first_bad_seq, result.count) == (False, seq, seq - 1)
