"""Accepted review work, sealed per document: ``{reviewer: {annotations, verdicts}}``.

Sealed because comments may quote tokens that reassembly turns back into names.
"""

from __future__ import annotations

import json
from typing import Any

from models.errors import VaultObjectMissing
from models.review import Submission
from models.vault_ref import Purpose
from stages.services import Services

Reviews = dict[str, dict[str, list[dict[str, Any]]]]


def load_reviews(svc: Services, doc_id: str) -> Reviews:
    """Accepted work per reviewer for one document."""
    try:
        reviews: Reviews = json.loads(svc.vault.get(svc.ref(doc_id, Purpose.ANNOTATIONS)))
    except VaultObjectMissing:
        return {}
    return reviews


def store_review(svc: Services, doc_id: str, submission: Submission) -> None:
    """Add (or replace) one reviewer's work on one document."""
    reviews = load_reviews(svc, doc_id)
    reviews[submission.reviewer] = {
        "annotations": [a.model_dump() for a in submission.annotations if a.doc_id == doc_id],
        "verdicts": [v.model_dump() for v in submission.verdicts if v.doc_id == doc_id],
    }
    svc.vault.put(svc.ref(doc_id, Purpose.ANNOTATIONS), json.dumps(reviews).encode("utf-8"))
