"""A reviewer's work file (``{"annotations": [...], "verdicts": [...]}``): read it and check it
with the same function collect uses, reporting every problem as one plain line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.errors import SealroomError, SubmissionRejected
from models.review import SUBMISSION_FORMAT, Manifest
from review.texts import pulled_text_reader
from review.validate import validate_submission

MANIFEST = "manifest.json"


class WorkFileError(SealroomError):
    """A work file that cannot be read as one JSON object (raised only by the CLI)."""

    code = "SR-QUE-000"
    summary = "unreadable work file"


def load_work(path: Path) -> dict[str, list[Any]]:
    """The work file's annotations and verdicts; ``WorkFileError`` with one line otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise WorkFileError(str(path), "no such work file") from None
    except OSError as exc:
        raise WorkFileError(str(path), f"cannot read the work file ({exc.strerror})") from None
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise WorkFileError(str(path), "the work file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise WorkFileError(str(path), f"the work file is not valid JSON ({where})") from None
    return _shape(path, body)


def _shape(path: Path, body: object) -> dict[str, list[Any]]:
    if not isinstance(body, dict):
        kind = "an array" if isinstance(body, list) else f"a JSON {type(body).__name__}"
        expected = 'a JSON object {"annotations": [...], "verdicts": [...]}'
        raise WorkFileError(str(path), f"expected {expected}, found {kind}")
    work: dict[str, list[Any]] = {}
    for field in ("annotations", "verdicts"):
        value = body.get(field, [])
        if not isinstance(value, list):
            raise WorkFileError(str(path), f'"{field}" must be a JSON array')
        work[field] = value
    return work


def load_pulled_manifest(folder: Path) -> Manifest:
    """The manifest of a pulled batch folder; ``WorkFileError`` if the batch was not pulled."""
    path = folder / MANIFEST
    if not path.is_file():
        raise WorkFileError(str(folder), "batch not pulled here; run `sealroom reviewer pull`")
    return Manifest.model_validate_json(path.read_bytes())


def check_work(folder: Path, work: dict[str, list[Any]], reviewer: str) -> list[str]:
    """Every problem collect would find in this work against the pulled batch ([] if none).

    The claim checks (epoch, holder) need S3 and are left to submit; everything else is
    the same ``validate_submission`` over the pulled rendition texts."""
    manifest = load_pulled_manifest(folder)
    body = {"format": SUBMISSION_FORMAT, "batch_id": manifest.batch_id, "reviewer": reviewer}
    raw = json.dumps(body | {"epoch": 0} | work).encode()
    try:
        validate_submission(raw, manifest, None, text_of=pulled_text_reader(manifest, folder))
    except SubmissionRejected as exc:
        return exc.reason.split("; ")
    return []
