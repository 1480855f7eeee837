"""One workbench session: a pulled batch, its draft, and the reviewer client it submits with."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from models.review import Manifest, ManifestDoc
from review.pulled import check_work, load_pulled_manifest, problem_annotation
from workbench.drafts import Draft, DraftStore
from workbench.ports import ReviewerPort


@dataclass
class Session:
    folder: Path  # the pulled batch: manifest.json, <doc>.txt, <doc>.pdf
    client: ReviewerPort
    lease_seconds: int
    token: str
    drafts: DraftStore = field(init=False)

    def __post_init__(self) -> None:
        self.drafts = DraftStore(self.folder)

    @cached_property
    def manifest(self) -> Manifest:
        return load_pulled_manifest(self.folder)

    @property
    def batch_id(self) -> str:
        return self.manifest.batch_id

    def doc(self, doc_id: str) -> ManifestDoc:
        doc = self.manifest.doc(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def text(self, doc_id: str) -> str:
        return (self.folder / f"{self.doc(doc_id).doc_id}.txt").read_text(encoding="utf-8")

    def rendition(self, doc_id: str) -> Path:
        doc = self.doc(doc_id)
        return self.folder / (doc.doc_id + Path(doc.path).suffix)

    def problems(self, draft: Draft) -> list[dict[str, Any]]:
        """collect's verdict on the draft, each problem tied to its annotation or document."""
        lines = check_work(self.folder, draft.work(), self.client.reviewer)
        return [self.locate(draft, line) for line in lines]

    def locate(self, draft: Draft, line: str) -> dict[str, Any]:
        index = problem_annotation(line)
        if index is not None and index < len(draft.annotations):
            ann = draft.annotations[index]
            return {"message": line, "annotation": ann.id, "doc_id": ann.doc_id}
        return {"message": line, "annotation": None, "doc_id": None}

    def lease(self) -> dict[str, Any]:
        claim = self.client.current_claim(self.batch_id)
        if claim is None:
            return {"state": "unclaimed", "expires_in": 0, "reviewer": None}
        expires = claim.claimed_at + timedelta(seconds=claim.lease_seconds)
        left = max(0, int((expires - datetime.now(UTC)).total_seconds()))
        mine = claim.reviewer == self.client.reviewer
        return {"state": claim.state, "expires_in": left, "mine": mine, "epoch": claim.epoch}
