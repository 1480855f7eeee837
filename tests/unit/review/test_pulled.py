"""A pulled batch folder: its manifest (or a one-line error), and a dry run of the check
collect makes on work for it, with problems pointing at annotations."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.errors import QueueError
from models.review import Manifest, ManifestDoc
from review.pulled import MANIFEST, check_work, load_pulled_manifest, problem_annotation

NOW = datetime(2026, 1, 5, tzinfo=UTC)
TEXT = "[PERSON_1] was seen; plan unchanged."


def pulled(folder: Path) -> Path:
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    doc = ManifestDoc(doc_id="doc-a", media_type="text/plain", path="docs/doc-a.txt",
                      text_path="docs/doc-a.txt", sha256=digest, text_sha256=digest,
                      text_length=len(TEXT))  # fmt: skip
    manifest = Manifest(batch_id="batch-1", queue="general", matter="m1", created=NOW, due=NOW,
                        policy_version="strict/1", instructions="review", docs=(doc,))  # fmt: skip
    folder.mkdir(exist_ok=True)
    (folder / MANIFEST).write_text(manifest.model_dump_json(), encoding="utf-8")
    (folder / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def test_the_manifest_of_a_pulled_batch(tmp_path: Path) -> None:
    assert load_pulled_manifest(pulled(tmp_path / "batch-1")).batch_id == "batch-1"


def test_a_folder_never_pulled_or_damaged_is_a_queue_error(tmp_path: Path) -> None:
    with pytest.raises(QueueError, match="not pulled"):
        load_pulled_manifest(tmp_path)
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(QueueError, match="unreadable"):
        load_pulled_manifest(tmp_path)


def test_good_work_has_no_problems(tmp_path: Path) -> None:
    note = {"doc_id": "doc-a", "start": 0, "end": 10, "label": "ISSUE", "quote": TEXT[0:10]}
    work = {"annotations": [note], "verdicts": [{"doc_id": "doc-a", "verdict": "ok"}]}
    assert check_work(pulled(tmp_path / "batch-1"), work, "ana") == []


def test_a_quote_that_does_not_match_is_a_problem_about_its_annotation(tmp_path: Path) -> None:
    note = {"doc_id": "doc-a", "start": 0, "end": 10, "label": "ISSUE", "quote": "elsewhere"}
    work = {"annotations": [note], "verdicts": [{"doc_id": "doc-a", "verdict": "ok"}]}
    problems = check_work(pulled(tmp_path / "batch-1"), work, "ana")
    assert problems and [problem_annotation(p) for p in problems] == [0] * len(problems)


@pytest.mark.parametrize(
    ("problem", "index"),
    [("annotation 3: quote differs", 3), ("schema: annotations.12.start: bad", 12), ("x", None)],
)
def test_problem_annotation(problem: str, index: int | None) -> None:
    assert problem_annotation(problem) == index
