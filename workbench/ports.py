"""What the workbench needs from the reviewer client (``review.ReviewerClient`` is the adapter;
tests use it over the in-memory or moto store)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from models.review import Claim, Submission
from review.rejection import Rejection


class ReviewerPort(Protocol):
    reviewer: str

    def renew(self, batch_id: str, lease_seconds: int) -> Claim: ...

    def submit(
        self,
        batch_id: str,
        annotations: Iterable[Mapping[str, Any]],
        verdicts: Iterable[Mapping[str, Any]] = (),
    ) -> Submission: ...

    def current_claim(self, batch_id: str) -> Claim | None: ...

    def rejection(self, batch_id: str) -> Rejection | None: ...
