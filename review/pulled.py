"""A batch as pulled to the reviewer's disk, and the check collect will make on work for it.

The check is ``validate_submission`` itself over the pulled rendition texts, so a dry run
(``sealroom reviewer validate``, the workbench) gives the verdict collect will give, except
for the claim checks (epoch, holder), which need S3 and are made on submit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.errors import QueueError, SubmissionRejected
from models.review import SUBMISSION_FORMAT, Manifest
from review.texts import pulled_text_reader
from review.validate import validate_submission

MANIFEST = "manifest.json"
_ANNOTATION = re.compile(r"^(?:schema: annotations\.|annotation )(\d+)\b")


def load_pulled_manifest(folder: Path) -> Manifest:
    """The manifest of a pulled batch folder; ``QueueError`` if the batch was not pulled."""
    path = folder / MANIFEST
    if not path.is_file():
        raise QueueError(folder.name, "batch not pulled here; run `sealroom reviewer pull`")
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except ValidationError:
        raise QueueError(folder.name, "pulled manifest unreadable; pull the batch again") from None


def check_work(folder: Path, work: Mapping[str, Any], reviewer: str) -> list[str]:
    """Every problem collect would find in ``work`` (annotations, verdicts) ([] if none)."""
    manifest = load_pulled_manifest(folder)
    body: dict[str, Any] = {"format": SUBMISSION_FORMAT, "batch_id": manifest.batch_id}
    body |= {"reviewer": reviewer, "epoch": 0}
    body |= {"annotations": work["annotations"], "verdicts": work["verdicts"]}
    raw = json.dumps(body).encode()
    try:
        validate_submission(raw, manifest, None, text_of=pulled_text_reader(manifest, folder))
    except SubmissionRejected as exc:
        return exc.reason.split("; ")
    return []


def problem_annotation(problem: str) -> int | None:
    """The 0-based annotation a problem line is about, if it is about one."""
    match = _ANNOTATION.match(problem)
    return int(match.group(1)) if match else None
