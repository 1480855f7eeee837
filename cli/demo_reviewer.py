"""The demo's stand-in reviewer: claims each batch, reads the renditions, annotates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.review import Manifest

if TYPE_CHECKING:
    from review import ReviewerClient

FINDINGS = {
    "CLINICAL_FINDING": (
        r"\b(pain|hypertension|diabetes|fracture|infection|pneumonia|sepsis|fever)\b"
    ),
    "ISSUE": r"\b(breach|negligence|damages|liability|termination|injur\w*|settlement)\b",
}
TOKEN = re.compile(r"\[PERSON_\d+(?:_\d+)?\]")
Work = tuple[list[dict[str, Any]], list[dict[str, Any]]]  # (annotations, verdicts)


def annotate(manifest: Manifest, folder: Path) -> Work:
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
                        "quote": match.group(0),
                    }
                )
        verdicts.append({"doc_id": doc.doc_id, "verdict": "ok", "comment": f"Reviewed; re {who}."})
    return annotations, verdicts


def review_open_batches(
    client: ReviewerClient,
    workdir: Path,
    lease_seconds: int,
    work: Callable[[Manifest, Path], Work] = annotate,
    grant: Callable[[str], object] | None = None,
) -> list[tuple[str, int]]:
    """Claim every open batch, pull it into ``workdir/<batch>``, annotate it (``work``:
    the demo's annotator, or a test's) and submit, as a remote reviewer would; (batch id,
    annotations submitted) for each. ``grant(batch_id)`` is the operator granting the claim
    holder its copies (``review.access``) between the claim and the pull: in production
    collect does it on its schedule."""
    done = []
    for batch_id in client.available():
        client.claim(batch_id, lease_seconds)
        if grant is not None:
            grant(batch_id)
        folder = workdir / batch_id
        client.pull(batch_id, folder)
        manifest = Manifest.model_validate_json((folder / "manifest.json").read_bytes())
        annotations, verdicts = work(manifest, folder)
        client.submit(batch_id, annotations, verdicts)
        done.append((batch_id, len(annotations)))
    return done
