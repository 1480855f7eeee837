"""Validate a reviewer's submission against its batch manifest and the current claim.

Every problem found is reported (up to a cap) in one ``SubmissionRejected`` whose
reason the reviewer can read: positions, ids, numbers and labels, never document
text and never the submitted values of free-text fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pydantic import ValidationError

from models.errors import SubmissionRejected
from models.review import (
    RETIRED_SUBMISSION_FORMATS,
    SUBMISSION_FORMAT,
    Annotation,
    Claim,
    Manifest,
    Submission,
    Verdict,
)
from review.layout import is_id

MAX_PROBLEMS = 20
TextOf = Callable[[str], str | None]  # doc id -> its rendition text (None: not available)
MAX_SUBMISSION_BYTES = 1_000_000


def validate_submission(
    raw: bytes,
    manifest: Manifest,
    claim: Claim | None,
    texts_len: Mapping[str, int] | None = None,
    max_bytes: int = MAX_SUBMISSION_BYTES,
    *,
    reviewer: str | None = None,
    text_of: TextOf | None = None,
) -> Submission:
    """Parse and check ``raw``; return the ``Submission`` or raise ``SubmissionRejected``.

    ``claim`` is the batch's current claim (``None`` skips the claim checks, e.g. after
    release); ``texts_len`` overrides the manifest's text lengths per doc id;
    ``reviewer`` is the reviewer the object was stored under, if known; ``text_of``
    gives a document's rendition text, which every annotation's ``quote`` must equal at
    its offsets (without it, or without a document's text, annotations are refused).
    Annotation and verdict numbers are 0-based positions in their JSON arrays.
    """
    batch_id = manifest.batch_id
    check_size(batch_id, len(raw), max_bytes)
    submission = _parse(raw, batch_id)
    problems = _header_problems(submission, manifest, claim, reviewer)
    lengths = {d.doc_id: d.text_length for d in manifest.docs} | dict(texts_len or {})
    texts = _TextCache(text_of)
    for index, annotation in enumerate(submission.annotations):
        problems += _annotation_problems(index, annotation, manifest, lengths)
        problems += _quote_problems(index, annotation, manifest, texts)
    problems += _verdict_problems(submission.verdicts, manifest)
    if problems:
        raise SubmissionRejected(batch_id, _join(problems))
    return submission


def check_size(batch_id: str, size: int, max_bytes: int = MAX_SUBMISSION_BYTES) -> None:
    """``SubmissionRejected`` if a submission of ``size`` bytes is over the limit (callers
    check the stored object's size from the listing before reading it)."""
    if size > max_bytes:
        raise SubmissionRejected(batch_id, f"submission is {size} bytes; limit {max_bytes}")


def _parse(raw: bytes, batch_id: str) -> Submission:
    try:
        return Submission.model_validate_json(raw)
    except ValidationError as exc:
        raise schema_rejection(batch_id, exc) from None


def schema_rejection(batch_id: str, exc: ValidationError) -> SubmissionRejected:
    """The pydantic error as a ``SubmissionRejected`` naming positions, never values."""
    problems = [_schema_problem(err) for err in exc.errors(include_input=False)]
    return SubmissionRejected(batch_id, _join(problems))


def _schema_problem(err: object) -> str:
    data = err if isinstance(err, dict) else {}
    if data.get("type") == "json_invalid":
        return "malformed JSON"
    parts = data.get("loc", ())
    where = ".".join(str(p) if isinstance(p, int) or is_id(p) else "?" for p in parts)
    where = where or "submission"
    return f"schema: {where}: {data.get('msg', 'invalid')}"


def _header_problems(
    submission: Submission, manifest: Manifest, claim: Claim | None, reviewer: str | None
) -> list[str]:
    problems: list[str] = []
    if submission.format in RETIRED_SUBMISSION_FORMATS:
        problems.append(
            f"format {submission.format} is retired (offsets without quotes); "
            f"use {SUBMISSION_FORMAT}, where every annotation quotes its text"
        )
    elif submission.format != SUBMISSION_FORMAT:
        problems.append(f"format is not {SUBMISSION_FORMAT}")
    if submission.batch_id != manifest.batch_id:
        problems.append(f"batch id {_id(submission.batch_id)} is not {manifest.batch_id}")
    if reviewer is not None and submission.reviewer != reviewer:
        problems.append(f"reviewer {_id(submission.reviewer)} is not {_id(reviewer)}")
    if claim is not None and submission.reviewer != claim.reviewer:
        problems.append(f"reviewer {_id(submission.reviewer)} does not hold the claim")
    if claim is not None and submission.epoch != claim.epoch:
        problems.append(f"epoch {submission.epoch} is not the current claim's epoch {claim.epoch}")
    return problems


def _annotation_problems(
    index: int, annotation: Annotation, manifest: Manifest, lengths: Mapping[str, int]
) -> list[str]:
    where = f"annotation {index}"
    doc_id = annotation.doc_id
    if manifest.doc(doc_id) is None:
        return [f"{where}: unknown document {_id(doc_id)}"]
    problems: list[str] = []
    if annotation.start >= annotation.end:
        problems.append(f"{where}: start {annotation.start} not before end {annotation.end}")
    length = lengths.get(doc_id, 0)
    if annotation.end > length:
        problems.append(f"{where}: end {annotation.end} beyond text length {length} of {doc_id}")
    if annotation.label not in manifest.labels:
        problems.append(
            f"{where}: label {_id(annotation.label)} not in the batch's labels "
            f"({', '.join(manifest.labels)})"
        )
    return problems


class _TextCache:
    """Each document's text read at most once per validation."""

    def __init__(self, text_of: TextOf | None) -> None:
        self._text_of = text_of
        self._texts: dict[str, str | None] = {}

    def get(self, doc_id: str) -> str | None:
        if doc_id not in self._texts:
            self._texts[doc_id] = self._text_of(doc_id) if self._text_of else None
        return self._texts[doc_id]


def _quote_problems(
    index: int, annotation: Annotation, manifest: Manifest, texts: _TextCache
) -> list[str]:
    """The anchor: ``quote`` must be exactly the rendition text at ``[start:end]``."""
    where = f"annotation {index}"
    if manifest.doc(annotation.doc_id) is None:
        return []
    if annotation.quote is None:
        return [f"{where}: quote missing (the text the annotation covers)"]
    text = texts.get(annotation.doc_id)
    if text is None:
        return [f"{where}: text of {annotation.doc_id} not available to check the quote"]
    if text[annotation.start : annotation.end] != annotation.quote:
        return [
            f"{where}: quote does not match the text at {annotation.start}-{annotation.end} "
            f"of {annotation.doc_id} (offsets are character positions, not bytes)"
        ]
    return []


def _verdict_problems(verdicts: tuple[Verdict, ...], manifest: Manifest) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for index, verdict in enumerate(verdicts):
        where = f"verdict {index}"
        if manifest.doc(verdict.doc_id) is None:
            problems.append(f"{where}: unknown document {_id(verdict.doc_id)}")
        elif verdict.doc_id in seen:
            problems.append(f"{where}: second verdict for {verdict.doc_id}")
        if verdict.verdict not in manifest.verdicts:
            problems.append(f"{where}: verdict {_id(verdict.verdict)} not allowed")
        seen.add(verdict.doc_id)
    return problems


def _id(value: str) -> str:
    """A submitted id-like value echoed back only if it has the shape of an id (no free text)."""
    return repr(value) if is_id(value) else "(not an id)"


def _join(problems: list[str]) -> str:
    shown = problems[:MAX_PROBLEMS]
    more = len(problems) - len(shown)
    return "; ".join(shown) + (f"; and {more} more problems" if more > 0 else "")
