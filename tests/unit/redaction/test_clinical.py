"""The clinical precision guard: a person/organisation/place span made only of clinical
words and numbers, or holding a dose, is no name; trusted address patterns stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.finding import Finding
from redaction.clinical import clinical_only, drop_clinical, read_words

VOCAB = frozenset({"morphine", "iv", "prn", "bid"})


def test_lexicon_files_are_lower_cased_words_without_comments(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("# a comment\nMorphine IV  # route\n\nprn\n", encoding="utf-8")
    assert read_words(path) == {"morphine", "iv", "prn"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Morphine IV", True),
        ("morphine 2 bid", True),  # numbers are neutral
        ("Morphine Quill", False),  # one word is no clinical word
        ("12 / 4", False),  # numbers alone are not clinical words
        ("", False),
    ],
)
def test_clinical_only(value: str, expected: bool) -> None:
    assert clinical_only(value, VOCAB) is expected


def span(text: str, value: str, label: str = "PERSON", source: str = "ner:PERSON") -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), label, 0.7, source)


def test_a_span_holding_a_dose_is_dropped() -> None:
    text = "GIVEN QUILLANE 4 MG ONCE"
    assert drop_clinical(text, [span(text, "QUILLANE 4 MG")]) == []


def test_names_phones_and_trusted_addresses_are_kept() -> None:
    text = "Quill Ravensdale called 555-0100 from 4 mg Lane"
    kept = [
        span(text, "Quill Ravensdale"),
        span(text, "555-0100", "PHONE", "pattern:phone"),  # not a guarded label
        span(text, "4 mg Lane", "ADDRESS", "pattern:address"),  # trusted source
    ]
    assert drop_clinical(text, kept) == kept
