"""The validation table: each bad submission is rejected with a reason the reviewer can read."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import SubmissionRejected
from models.review import Claim, Manifest, Submission
from review import validate_submission

SECRET = "Jane Roe"  # stands for document text: it must never appear in a reason
TEXTS = {"doc-a": "0123456789" * 81 + "01", "doc-b": "abc"}
NOTE = "Temp 38.5 °C — seen by [PERSON_1] at 10:00."  # non-ASCII: bytes != characters


def validate(raw: bytes, manifest: Manifest, claim: Claim | None, **kw: Any) -> Submission:
    return validate_submission(raw, manifest, claim, text_of=TEXTS.get, **kw)


def accepted(raw: bytes, manifest: Manifest) -> bool:
    """Whether the submission passes (without a claim); a rejection is ``False``."""
    try:
        validate(raw, manifest, None)
    except SubmissionRejected:
        return False
    return True


@pytest.fixture
def manifest(make_batch: Any) -> Manifest:
    manifest, _ = make_batch("batch-1", TEXTS)
    return manifest


@pytest.fixture
def claim(clock: Any) -> Claim:
    return Claim(
        batch_id="batch-1", reviewer="alice", epoch=2, lease_seconds=60, claimed_at=clock.now
    )


def _raw(**changes: Any) -> bytes:
    body: dict[str, Any] = {
        "format": "sealroom.submission/2",
        "batch_id": "batch-1",
        "reviewer": "alice",
        "epoch": 2,
        "annotations": [
            {
                "doc_id": "doc-a",
                "start": 0,
                "end": 5,
                "label": "ISSUE",
                "comment": SECRET,
                "quote": "01234",
            }
        ],
        "verdicts": [{"doc_id": "doc-b", "verdict": "responsive"}],
    }
    body.update(changes)
    return json.dumps(body).encode()


def _ann(**changes: Any) -> list[dict[str, Any]]:
    ann = {"doc_id": "doc-a", "start": 0, "end": 5, "label": "ISSUE"} | changes
    text = TEXTS.get(ann["doc_id"], "")
    return [{"quote": text[max(ann["start"], 0) : max(ann["end"], 0)]} | ann]


def test_valid_submission_accepted(manifest: Manifest, claim: Claim) -> None:
    got = validate(_raw(), manifest, claim, reviewer="alice")
    assert isinstance(got, Submission) and got.annotations[0].end == 5


CASES = [
    ("malformed", b'{"batch_id": ', "malformed JSON"),
    ("not-utf8", b"\xff\xfe{}", "malformed JSON"),
    ("missing-field", b'{"batch_id": "batch-1"}', "schema: reviewer: Field required"),
    ("extra-field", _raw(**{SECRET: 1}), "schema: ?: Extra inputs are not permitted"),
    ("negative", _raw(annotations=_ann(start=-1)), "schema: annotations.0.start"),
    ("oversized", _raw(annotations=_ann(comment="x" * 3000) * 400), "bytes; limit 1000000"),
    ("wrong-format", _raw(format="sealroom.submission/9"), "format is not sealroom.submission/2"),
    ("retired-format", _raw(format="sealroom.submission/1"), "sealroom.submission/1 is retired"),
    ("no-quote", _raw(annotations=_ann(quote=None)), "annotation 0: quote missing"),
    (
        "wrong-quote",
        _raw(annotations=_ann(quote=SECRET)),
        "annotation 0: quote does not match the text at 0-5 of doc-a",
    ),
    (
        "shifted-quote",
        _raw(annotations=_ann(start=1, end=6, quote="01234")),
        "annotation 0: quote does not match the text at 1-6 of doc-a",
    ),
    ("wrong-batch", _raw(batch_id="batch-2"), "batch id 'batch-2' is not batch-1"),
    ("wrong-epoch", _raw(epoch=1), "epoch 1 is not the current claim's epoch 2"),
    ("wrong-reviewer", _raw(reviewer="bob"), "reviewer 'bob' does not hold the claim"),
    (
        "unknown-doc",
        _raw(annotations=_ann(doc_id="doc-zz")),
        "annotation 0: unknown document 'doc-zz'",
    ),
    (
        "out-of-range",
        _raw(annotations=_ann(end=9123)),
        "annotation 0: end 9123 beyond text length 812 of doc-a",
    ),
    (
        "empty-span",
        _raw(annotations=_ann(start=5, end=5)),
        "annotation 0: start 5 not before end 5",
    ),
    ("wrong-label", _raw(annotations=_ann(label="SECRET")), "annotation 0: label 'SECRET' not in"),
    ("label-text", _raw(annotations=_ann(label=SECRET)), "annotation 0: label (not an id) not in"),
    (
        "bad-verdict",
        _raw(verdicts=[{"doc_id": "doc-b", "verdict": "meh"}]),
        "verdict 0: verdict 'meh' not allowed",
    ),
    (
        "double-verdict",
        _raw(verdicts=[{"doc_id": "doc-b", "verdict": "ok"}] * 2),
        "verdict 1: second verdict for doc-b",
    ),
    (
        "verdict-doc",
        _raw(verdicts=[{"doc_id": SECRET, "verdict": "ok"}]),
        "verdict 0: unknown document (not an id)",
    ),
]


@pytest.mark.parametrize(("raw", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rejected_with_reason(manifest: Manifest, claim: Claim, raw: bytes, reason: str) -> None:
    with pytest.raises(SubmissionRejected) as info:
        validate(raw, manifest, claim, reviewer="alice")
    error = info.value
    assert (error.code, error.ref) == ("SR-QUE-003", "batch-1")
    assert reason in error.reason
    assert SECRET not in str(error) and "0123456789" not in str(error)


def test_stored_reviewer_must_match(manifest: Manifest) -> None:
    with pytest.raises(SubmissionRejected, match="reviewer 'alice' is not 'bob'"):
        validate(_raw(), manifest, None, reviewer="bob")


def test_no_claim_skips_claim_checks(manifest: Manifest) -> None:
    assert validate(_raw(epoch=9), manifest, None).epoch == 9


def test_text_lengths_override_manifest(manifest: Manifest, claim: Claim) -> None:
    with pytest.raises(SubmissionRejected, match="end 5 beyond text length 4 of doc-a"):
        validate(_raw(), manifest, claim, texts_len={"doc-a": 4})


def test_all_problems_reported_up_to_a_cap(manifest: Manifest, claim: Claim) -> None:
    raw = _raw(annotations=_ann(end=10_000, quote="x") * 30, epoch=1)
    with pytest.raises(SubmissionRejected) as info:
        validate(raw, manifest, claim, max_bytes=10_000)
    assert "epoch 1" in info.value.reason and "and 41 more problems" in info.value.reason


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # fixture is immutable
@given(start=st.integers(0, 900), length=st.integers(-5, 900))
def test_span_accepted_iff_in_range(manifest: Manifest, start: int, length: int) -> None:
    end = max(start + length, 0)
    raw = _raw(annotations=_ann(start=start, end=end), verdicts=[])
    ok = start < end <= 812
    assert accepted(raw, manifest) is ok


def test_quote_checked_on_character_offsets_of_non_ascii_text(make_batch: Any) -> None:
    """Byte offsets (as from ``grep -b``) on a note with '°' and '—' quote the wrong words."""
    manifest, _ = make_batch("batch-1", {"doc-n": NOTE})
    start = NOTE.index("[PERSON_1]")
    end = start + len("[PERSON_1]")
    byte_start = len(NOTE[:start].encode())
    good = _raw(annotations=[_span("doc-n", start, end, NOTE[start:end])], verdicts=[])
    bad = _raw(annotations=[_span("doc-n", byte_start, byte_start + 10, "[PERSON_1]")], verdicts=[])
    texts = {"doc-n": NOTE}.get
    assert validate_submission(good, manifest, None, text_of=texts).annotations[0].start == start
    with pytest.raises(SubmissionRejected, match="annotation 0: quote does not match"):
        validate_submission(bad, manifest, None, text_of=texts)


def test_without_texts_annotations_are_refused(manifest: Manifest) -> None:
    with pytest.raises(SubmissionRejected, match="text of doc-a not available"):
        validate_submission(_raw(), manifest, None)


def _span(doc_id: str, start: int, end: int, quote: str) -> dict[str, Any]:
    return {"doc_id": doc_id, "start": start, "end": end, "label": "NOTE", "quote": quote}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # fixture is immutable
@given(start=st.integers(0, 811), end=st.integers(1, 812), quote=st.text(max_size=12))
def test_quote_accepted_iff_equal_to_the_span(
    manifest: Manifest, start: int, end: int, quote: str
) -> None:
    raw = _raw(annotations=_ann(start=start, end=end, quote=quote), verdicts=[])
    ok = start < end and TEXTS["doc-a"][start:end] == quote
    assert accepted(raw, manifest) is ok
