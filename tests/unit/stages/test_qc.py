"""QC roles and who may review what (the flows of double review are in test_collect)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.review import Manifest
from stages import qc
from stages.services import Services

Batch = Callable[..., tuple[Manifest, dict[str, bytes]]]


@pytest.mark.parametrize(
    ("change", "role"),
    [({}, "primary"), ({"qc_of": "batch-0"}, "qc"), ({"adjudicates": "batch-0"}, "adjudication")],
)
def test_role_of_a_batch(make_batch: Batch, change: dict[str, str], role: str) -> None:
    manifest, _ = make_batch("batch-1", {"doc-1": "text"})
    assert qc.role(manifest.model_copy(update=change)) == role


def test_a_writer_of_a_disputed_review_may_not_adjudicate(svc: Services, make_batch: Batch) -> None:
    manifest, _ = make_batch("batch-3", {"doc-1": "text"})
    prior = {"batch_id": "batch-1", "reviewer": "ana", "annotations": [], "verdicts": []}
    adjudication = Manifest.model_validate(
        {**manifest.model_dump(), "adjudicates": "batch-1", "prior_reviews": [prior]}
    )
    assert "ana" in qc.reviewer_conflict(svc, adjudication, "ana")
    assert qc.reviewer_conflict(svc, adjudication, "cleo") == ""
    assert qc.reviewer_conflict(svc, manifest, "ana") == ""  # an unsampled primary batch
