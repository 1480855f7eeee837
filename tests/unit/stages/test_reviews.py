"""Accepted review work, sealed per document and per reviewer."""

from __future__ import annotations

from models.review import Submission
from stages.reviews import load_reviews, store_review
from stages.services import Services


def submission(reviewer: str, label: str) -> Submission:
    return Submission.model_validate(
        {
            "batch_id": "batch-1",
            "reviewer": reviewer,
            "epoch": 1,
            "annotations": [
                {"doc_id": "doc-a", "start": 0, "end": 3, "label": label},
                {"doc_id": "doc-b", "start": 1, "end": 2, "label": label},
            ],
            "verdicts": [{"doc_id": "doc-a", "verdict": "ok"}],
        }
    )


def test_each_document_keeps_only_its_own_work_per_reviewer(svc: Services) -> None:
    assert load_reviews(svc, "doc-a") == {}
    store_review(svc, "doc-a", submission("ana", "ISSUE"))
    store_review(svc, "doc-a", submission("bob", "NOTE"))
    store_review(svc, "doc-a", submission("ana", "NOTE"))  # a later accepted review replaces
    reviews = load_reviews(svc, "doc-a")
    assert sorted(reviews) == ["ana", "bob"]
    assert [a["label"] for a in reviews["ana"]["annotations"]] == ["NOTE"]
    assert {a["doc_id"] for a in reviews["ana"]["annotations"]} == {"doc-a"}
    assert load_reviews(svc, "doc-b") == {}
