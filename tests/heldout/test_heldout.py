"""Held-out documents written for these tests (never the dev sample): every gold value is
redacted (each of its word tokens wholly inside a finding) and every look-alike stays readable.

docs/*.txt: clinical notes (all-caps nursing shorthand, discharge summary, progress note),
court filings, a deposition and a letter, with names from many cultures. gold.json lists,
per document, the values to redact and the look-alikes to keep.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from redaction.detector import Detector
from redaction.leakcheck import leak_check, redact_to_fixpoint

HERE = Path(__file__).parent
GOLD: dict[str, dict[str, list[str]]] = json.loads((HERE / "gold.json").read_text("utf-8"))
TOKEN = re.compile(r"\w+")


def _mask(text: str, detector: Detector) -> bytearray:
    mask = bytearray(len(text))
    for f in detector.detect(text):
        mask[f.start : f.end] = b"\x01" * (f.end - f.start)
    return mask


def _occurrences(text: str, value: str) -> list[int]:
    found = [m.start() for m in re.finditer(re.escape(value), text)]
    assert found, f"gold value not in document: {value!r}"
    return found


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_gold_value_is_redacted(detector: Detector, name: str) -> None:
    text = (HERE / "docs" / name).read_text("utf-8")
    mask = _mask(text, detector)
    missed = []
    for value in GOLD[name]["redact"]:
        for at in _occurrences(text, value):
            tokens = [(at + t.start(), at + t.end()) for t in TOKEN.finditer(value)]
            if not all(all(mask[a:b]) for a, b in tokens):
                missed.append(value)
    assert not missed


@pytest.mark.parametrize("name", sorted(GOLD))
def test_look_alikes_stay_readable(detector: Detector, name: str) -> None:
    text = (HERE / "docs" / name).read_text("utf-8")
    mask = _mask(text, detector)
    over = [
        value
        for value in GOLD[name]["keep"]
        for at in _occurrences(text, value)
        if any(mask[at : at + len(value)])
    ]
    assert not over


@pytest.mark.parametrize("name", sorted(GOLD))
def test_redacted_rendition_passes_the_leak_check(detector: Detector, name: str) -> None:
    text = (HERE / "docs" / name).read_text("utf-8")
    result = redact_to_fixpoint(text, detector)
    assert leak_check(result.redacted_text, result, detector) == []
