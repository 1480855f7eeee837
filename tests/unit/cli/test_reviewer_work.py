"""A reviewer's work file: its annotations and verdicts, or one plain line saying what is
wrong with the file (never a traceback, never its content)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.reviewer_work import load_work
from models.errors import WorkFileError


def test_a_work_file_with_defaults_for_missing_fields(tmp_path: Path) -> None:
    path = tmp_path / "work.json"
    path.write_text('{"annotations": [{"doc_id": "doc-a"}]}', encoding="utf-8")
    assert load_work(path) == {"annotations": [{"doc_id": "doc-a"}], "verdicts": []}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8 text"),
        (b'{"annotations": [}', "not valid JSON (line 1, column 18)"),
        (b"[1, 2]", "found an array"),
        (b'"text"', "found a JSON str"),
        (b'{"annotations": {}}', '"annotations" must be a JSON array'),
        (b'{"verdicts": 3}', '"verdicts" must be a JSON array'),
    ],
)
def test_bad_files_are_one_line(tmp_path: Path, body: bytes, reason: str) -> None:
    path = tmp_path / "work.json"
    path.write_bytes(body)
    with pytest.raises(WorkFileError) as info:
        load_work(path)
    assert reason in info.value.message and "\n" not in info.value.message


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkFileError, match="no such work file"):
        load_work(tmp_path / "absent.json")


def test_an_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(WorkFileError, match="cannot read the work file"):
        load_work(tmp_path)  # a directory
