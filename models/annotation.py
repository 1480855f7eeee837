"""A reviewer's note on an original document, as reassembly hands it to the document's
format: original-text offsets, label, comment and reviewer. One type for every format's
annotated deliverable (PDF highlights, Word comments, the e-mail reading copy)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    start: int
    end: int
    label: str
    comment: str
    reviewer: str

    @property
    def contents(self) -> str:
        """What the deliverable shows: ``LABEL: comment (reviewer)``, or ``LABEL (reviewer)``."""
        comment = f": {self.comment}" if self.comment else ""
        return f"{self.label}{comment} ({self.reviewer})"
