"""The reviewer's draft on disk: empty until saved, saved atomically, and turned into the
submission's annotations and verdicts (undecided documents left out, handles dropped)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from workbench.drafts import DRAFT_FILE, Draft, DraftAnnotation, DraftStore, DraftVerdict

NOTE = DraftAnnotation(id="a1", doc_id="doc-a", start=0, end=10, label="ISSUE",
                       quote="[PERSON_1]", comment="call")  # fmt: skip


def test_a_new_folder_has_an_empty_draft(tmp_path: Path) -> None:
    assert DraftStore(tmp_path).load() == Draft()


def test_a_saved_draft_loads_back_and_leaves_no_temp_file(tmp_path: Path) -> None:
    draft = Draft(annotations=[NOTE], docs={"doc-a": DraftVerdict(verdict="ok", flagged=True)})
    DraftStore(tmp_path).save(draft)
    assert DraftStore(tmp_path).load() == draft
    assert sorted(p.name for p in tmp_path.iterdir()) == [DRAFT_FILE]


def test_work_is_the_submission_part() -> None:
    draft = Draft(
        annotations=[NOTE],
        docs={"doc-a": DraftVerdict(verdict="ok", comment="fine"), "doc-b": DraftVerdict()},
    )
    assert draft.work() == {
        "annotations": [
            {
                "doc_id": "doc-a",
                "start": 0,
                "end": 10,
                "label": "ISSUE",
                "quote": "[PERSON_1]",
                "comment": "call",
            }
        ],
        "verdicts": [{"doc_id": "doc-a", "verdict": "ok", "comment": "fine"}],
    }


@pytest.mark.parametrize(
    "body",
    [
        '{"annotations": [], "docs": {}, "extra": 1}',  # unknown field
        '{"annotations": [{"id": "a", "doc_id": "d", "start": 0, "end": 1, "label": "L", '
        '"quote": "q", "comment": "' + "x" * 4001 + '"}]}',  # comment too long
    ],
)
def test_a_damaged_draft_is_refused(tmp_path: Path, body: str) -> None:
    (tmp_path / DRAFT_FILE).write_text(body, encoding="utf-8")
    with pytest.raises(ValidationError):
        DraftStore(tmp_path).load()
