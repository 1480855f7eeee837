"""Detector: merging, propagation of names and identifiers, upper-case text, batching."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from models.finding import Finding
from redaction.detector import Detector, NoEntities
from redaction.merge import merge
from redaction.ner import MAX_CHUNK, _ner_view, chunks
from redaction.propagate import person_parts


def _covered(findings: list[Finding], text: str, value: str, start: int = 0) -> bool:
    a = text.index(value, start)
    return any(f.start <= a and a + len(value) <= f.end for f in findings)


def test_surname_alone_and_any_case_are_propagated(detector: Detector) -> None:
    text = (
        "Patient: Evander Quillby\nMr. Quillby tolerated the procedure.\n"
        "QUILLBY was discharged. Evander will follow up. quillby agreed."
    )
    found = detector.detect(text)
    for value in (
        "Evander Quillby",
        "Quillby tolerated",
        "QUILLBY",
        "Evander will",
        "quillby agreed",
    ):
        assert _covered(found, text, value.split()[0])


def test_common_word_first_name_propagates_only_capitalised() -> None:
    any_case, cap_only = person_parts("Will Marbury", frozenset({"will"}))
    assert any_case == ["Marbury"] and cap_only == []
    loose, strict = person_parts("Grace Okoro", frozenset())
    assert loose == ["Okoro"] and strict == ["Grace"]


def test_identifier_found_once_is_redacted_everywhere() -> None:
    text = "MRN: 44A-90817. Later the chart said 44a-90817 again."
    found = Detector(ner=NoEntities()).detect(text)
    assert _covered(found, text, "44a-90817")


def test_output_is_sorted_and_non_overlapping(detector: Detector) -> None:
    text = (
        "Dear Ms. Ravensworth: your visit on 03/14/2024 (call 415-555-0142) with Dr. Ravensworth."
    )
    found = detector.detect(text)
    assert found == sorted(found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_merge_takes_union_and_stronger_label() -> None:
    merged = merge(
        [Finding(0, 5, "ORGANIZATION", 0.7), Finding(3, 9, "SSN", 0.95), Finding(12, 14, "DATE")]
    )
    assert merged == [Finding(0, 9, "SSN", 0.95), Finding(12, 14, "DATE")]
    tie = merge([Finding(0, 8, "ACCOUNT", 0.6), Finding(0, 8, "DATE", 0.95)])
    assert tie == [Finding(0, 8, "DATE", 0.95)]
    longer = merge([Finding(0, 30, "ADDRESS", 0.8), Finding(10, 16, "PERSON", 0.85)])
    assert [f.label for f in longer] == ["ADDRESS"]


def test_upper_case_text_names_found(detector: Detector) -> None:
    text = "PROGRESS NOTE\nPATIENT WAS SEEN BY DR. HALVORSEN. HALVORSEN RECOMMENDED REST.\n"
    found = detector.detect(text)
    assert _covered(found, text, "HALVORSEN", text.index("HALVORSEN."))


def test_detect_many_equals_detect(detector: Detector) -> None:
    texts = ["Dear Mr. Okonjo, your claim 2024-77120 is open.", "", "Seen 2024-03-14 by Dr. Lund."]
    assert detector.detect_many(texts) == [detector.detect(t) for t in texts]


def test_long_text_is_chunked_with_shifted_offsets(detector: Detector) -> None:
    filler = "The weather was unremarkable and nothing happened.\n\n" * 600
    text = filler + "Contact Dr. Ysolde Marchetti at ymarchetti@clinic-mail.org.\n"
    assert len(text) > MAX_CHUNK
    found = detector.detect(text)
    assert _covered(found, text, "Marchetti") and _covered(
        found, text, "ymarchetti@clinic-mail.org"
    )


@given(st.text(alphabet="ab \n.", max_size=300), st.integers(min_value=8, max_value=60))
def test_chunks_partition_text_within_limit(text: str, limit: int) -> None:
    parts = list(chunks(text, limit))
    assert "".join(p for _, p in parts) == text
    assert all(len(p) <= limit for _, p in parts)
    assert all(text[off : off + len(p)] == p for off, p in parts)


@given(st.text(max_size=200))
def test_ner_view_keeps_offsets(text: str) -> None:
    assert len(_ner_view(text)) == len(text)
