"""The reviewer's draft: annotations, verdicts and flags kept on disk until submitted.

Stored as ``<pulled batch>/.draft.json`` (atomic rename), so a reload, a crash or a restart
of ``sealroom reviewer open`` picks up where the reviewer left off. It holds only what the
reviewer saw and wrote: rendition quotes (redacted text) and their own comments.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

DRAFT_FILE = ".draft.json"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftAnnotation(_Model):
    id: str = Field(max_length=64)  # the browser's handle; not submitted
    doc_id: str = Field(max_length=200)
    start: int
    end: int
    label: str = Field(max_length=100)
    quote: str = Field(max_length=100_000)
    comment: str = Field(default="", max_length=4000)


class DraftVerdict(_Model):
    verdict: str = Field(default="", max_length=100)  # "" = not decided yet
    comment: str = Field(default="", max_length=4000)
    flagged: bool = False


class Draft(_Model):
    annotations: list[DraftAnnotation] = Field(default_factory=list, max_length=5000)
    docs: dict[str, DraftVerdict] = Field(default_factory=dict)

    def work(self) -> dict[str, list[dict[str, Any]]]:
        """The submission's annotations and verdicts (documents without a verdict left out)."""
        annotations = [a.model_dump(exclude={"id"}) for a in self.annotations]
        verdicts = [
            {"doc_id": doc_id, "verdict": d.verdict, "comment": d.comment}
            for doc_id, d in self.docs.items()
            if d.verdict
        ]
        return {"annotations": annotations, "verdicts": verdicts}


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / DRAFT_FILE

    def load(self) -> Draft:
        if not self.path.is_file():
            return Draft()
        return Draft.model_validate_json(self.path.read_bytes())

    def save(self, draft: Draft) -> None:
        temp = self.path.with_name(self.path.name + ".tmp")
        temp.write_text(draft.model_dump_json(), encoding="utf-8")
        os.replace(temp, self.path)
