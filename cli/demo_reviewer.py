"""The demo's stand-in reviewer: claims each batch, reads the renditions, annotates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from models.review import Manifest

FINDINGS = {
    "CLINICAL_FINDING": (
        r"\b(pain|hypertension|diabetes|fracture|infection|pneumonia|sepsis|fever)\b"
    ),
    "ISSUE": r"\b(breach|negligence|damages|liability|termination|injur\w*|settlement)\b",
}
TOKEN = re.compile(r"\[PERSON_\d+(?:_\d+)?\]")


def annotate(manifest: Manifest, folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Flag the first finding of each kind per document; one verdict per document."""
    annotations: list[dict[str, Any]] = []
    verdicts: list[dict[str, Any]] = []
    for doc in manifest.docs:
        text = (folder / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        person = TOKEN.search(text)
        who = person.group(0) if person else "the author"
        for label, pattern in FINDINGS.items():
            match = re.search(pattern, text, re.IGNORECASE)
            if match:
                annotations.append(
                    {
                        "doc_id": doc.doc_id,
                        "start": match.start(),
                        "end": match.end(),
                        "label": label,
                        "comment": f"Confirm with {who}.",
                    }
                )
        verdicts.append({"doc_id": doc.doc_id, "verdict": "ok", "comment": f"Reviewed; re {who}."})
    return annotations, verdicts
