"""Reassemble: map accepted annotations back onto the original and deliver to the client.

Annotation offsets are over the redacted rendition text; the sealed pseudonym map turns
them into offsets over the original text, and tokens in reviewers' comments are restored
to the real values for the client's copy. The deliverable is sealed, then exported to
the matter's outbox under the document's opaque id.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from audit import document_states
from models.audit import Action
from models.document import DocState, content_hash
from models.finding import RedactionResult
from models.vault_ref import Purpose
from redaction.operators import map_to_original, restore_tokens
from stages.collect import load_reviews
from stages.records import load_redaction
from stages.services import Services

DELIVERABLE_FORMAT = "sealroom.deliverable/1"


def deliverable(svc: Services, doc_id: str) -> dict[str, Any]:
    record = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS)))
    text = svc.vault.get(svc.ref(doc_id, Purpose.TEXT)).decode("utf-8")
    name = svc.vault.get(svc.ref(doc_id, Purpose.SOURCE_NAME)).decode("utf-8")
    annotations, verdicts = [], []
    for reviewer, work in sorted(load_reviews(svc, doc_id).items()):
        annotations += [_map(record, text, reviewer, a) for a in work["annotations"]]
        verdicts += [_restore(record, reviewer, v) for v in work["verdicts"]]
    return {
        "format": DELIVERABLE_FORMAT,
        "doc_id": doc_id,
        "matter": svc.matter,
        "source_name": name,
        "annotations": annotations,
        "verdicts": verdicts,
    }


def _map(record: RedactionResult, text: str, reviewer: str, ann: Any) -> dict[str, Any]:
    start, end = map_to_original(record, int(ann["start"]), int(ann["end"]))
    return {
        "start": start,
        "end": end,
        "label": ann["label"],
        "comment": restore_tokens(record, str(ann.get("comment", ""))),
        "quote": text[start:end],
        "reviewer": reviewer,
    }


def _restore(record: RedactionResult, reviewer: str, verdict: Any) -> dict[str, Any]:
    comment = restore_tokens(record, str(verdict.get("comment", "")))
    return {"verdict": verdict["verdict"], "comment": comment, "reviewer": reviewer}


def reassemble_document(svc: Services, doc_id: str) -> Path | None:
    if svc.seen(f"deliver:{doc_id}"):
        return None
    body = json.dumps(deliverable(svc, doc_id), ensure_ascii=False, indent=2).encode("utf-8")
    svc.vault.put(svc.ref(doc_id, Purpose.DELIVERABLE), body)
    path = _export(svc.outbox / svc.matter, f"{doc_id}.json", body)
    svc.record(
        f"deliver:{doc_id}", Action.DOC_DELIVERED, "document", doc_id, sha256=content_hash(body)
    )
    return path


def reassemble(svc: Services) -> list[str]:
    states = document_states(svc.ledger.events(matter=svc.matter))
    ready = sorted(d for d, s in states.items() if s is DocState.REVIEWED)
    return [d for d in ready if reassemble_document(svc, d) is not None]


def _export(folder: Path, name: str, body: bytes) -> Path:
    """Atomic write: a crash never leaves a half deliverable in the outbox."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)
        fh.flush()
        os.fsync(fh.fileno())
    target = folder / name
    os.replace(tmp, target)
    return target
