"""Queue formats are strict: unknown fields and negative offsets are refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models.review import SUBMISSION_FORMAT, Submission

GOOD = {"batch_id": "b1", "reviewer": "ana", "epoch": 1,
        "annotations": [{"doc_id": "d", "start": 0, "end": 3, "label": "ISSUE"}]}  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"extra": 1},
        {"annotations": [{"doc_id": "d", "start": -1, "end": 3, "label": "ISSUE"}]},
        {
            "annotations": [
                {"doc_id": "d", "start": 0, "end": 3, "label": "L", "comment": "x" * 4001}
            ]
        },
        {"epoch": "one"},
    ],
)
def test_bad_submissions_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Submission.model_validate({**GOOD, **change})


def test_a_good_submission_and_its_defaults() -> None:
    sub = Submission.model_validate(GOOD)
    assert sub.format == SUBMISSION_FORMAT and sub.verdicts == ()
    assert sub.annotations[0].comment == "" and sub.annotations[0].quote is None
