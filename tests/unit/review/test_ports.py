"""The object-store port's precondition error names the key only."""

from __future__ import annotations

from review.ports import PreconditionFailed


def test_precondition_failed_names_the_key() -> None:
    exc = PreconditionFailed("queues/general/claims/batch-1.json")
    assert exc.key == "queues/general/claims/batch-1.json"
    assert str(exc) == "precondition failed [queues/general/claims/batch-1.json]"
