"""The details guard: ids, hashes and counts only; bad drafts never reach the ledger."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from audit import MAX_TEXT, Ledger
from models.audit import EventDraft
from models.errors import LedgerError

BASE = EventDraft("k-1", "actor", "document.ingested", "document", "doc-1")


def _cyclic() -> dict:
    loop: dict = {}
    loop["self"] = loop
    return loop


def _deep(levels: int) -> dict:
    value: dict = {}
    for _ in range(levels):
        value = {"x": value}
    return value


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"when": object()}, "not JSON-serialisable"),
        ({"bytes": b"abc"}, "not JSON-serialisable"),
        ({"nan": math.nan}, "not JSON-serialisable"),
        (_cyclic(), "not JSON-serialisable"),
        ({1: "int key"}, "keys must be strings"),
        ({"text": "x" * (MAX_TEXT + 1)}, "longer than"),
        ({"nested": {"list": ["ok", "y" * 500]}}, "longer than"),
        ({"k" * (MAX_TEXT + 1): 1}, "longer than"),
        ({"many": ["id-000001"] * 2000}, "larger than"),
        (_deep(40), "nested deeper"),
        (["not", "a", "dict"], "JSON object"),
    ],
)
def test_bad_details_are_refused(details: object, message: str) -> None:
    ledger = Ledger("sqlite://")
    bad = replace(BASE, details=details)  # type: ignore[arg-type]
    with pytest.raises(LedgerError, match=message) as info:
        ledger.append(bad)
    assert info.value.ref == "k-1"
    assert ledger.count() == 0


@pytest.mark.parametrize(
    "details",
    [
        {},
        {"text": "x" * MAX_TEXT},
        {"sha256": "ab" * 32, "entities": {"PERSON": 3}, "pages": [1, 2], "ok": True, "f": 0.5},
        {"none": None, "tuple": ("a", 1)},
        _deep(10),
    ],
)
def test_ids_and_counts_are_accepted(details: dict) -> None:
    ledger = Ledger("sqlite://")
    assert ledger.append(replace(BASE, details=details)).seq == 1


@pytest.mark.parametrize(
    "change",
    [
        {"key": ""},
        {"actor": ""},
        {"object_id": "d" * (MAX_TEXT + 1)},
        {"matter": "m" * (MAX_TEXT + 1)},
        {"outcome": "maybe"},
    ],
)
def test_bad_fields_are_refused(change: dict) -> None:
    ledger = Ledger("sqlite://")
    with pytest.raises(LedgerError):
        ledger.append(replace(BASE, **change))
    assert ledger.count() == 0


def test_refusal_message_never_echoes_the_value() -> None:
    text = "Jane Q. Public, DOB 1970-01-01, " * 10
    with pytest.raises(LedgerError) as info:
        Ledger("sqlite://").append(replace(BASE, details={"note": text}))
    assert "Jane" not in str(info.value)
