"""Reassemble: map accepted annotations back onto the original and deliver to the client.

Annotation offsets are over the redacted rendition text; the sealed pseudonym map turns
them into offsets over the original text, and tokens in reviewers' comments are restored
to the real values for the client's copy. The deliverable is sealed, then exported to
the matter's outbox under the document's opaque id.
"""

from __future__ import annotations

import json
from typing import Any

from audit import document_states
from models.audit import Action
from models.document import DocState, MediaType, content_hash
from models.errors import CorruptDocument
from models.finding import RedactionResult
from models.vault_ref import Purpose
from redaction.operators import map_to_original, restore_tokens
from redaction.pdf_annotate import Note, annotate_pdf
from stages.collect import load_reviews
from stages.matter_config import load_matter_config
from stages.records import load_redaction
from stages.redact import doc_facts
from stages.services import Services
from vault.outbox import outbox_at

DELIVERABLE_FORMAT = "sealroom.deliverable/1"


def deliverable(svc: Services, doc_id: str) -> dict[str, Any]:
    record = load_redaction(svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS)))
    text = svc.vault.get(svc.ref(doc_id, Purpose.TEXT)).decode("utf-8")
    name = svc.vault.get(svc.ref(doc_id, Purpose.SOURCE_NAME)).decode("utf-8", "replace")
    annotations, verdicts = [], []
    for reviewer, work in sorted(load_reviews(svc, doc_id).items()):
        annotations += [_map(record, text, reviewer, a) for a in work["annotations"]]
        verdicts += [_restore(record, reviewer, v) for v in work["verdicts"]]
    return {
        "format": DELIVERABLE_FORMAT,
        "doc_id": doc_id,
        "matter": svc.matter,
        "source_name": name,
        "media_type": record_media(svc, doc_id),
        "annotations": annotations,
        "verdicts": verdicts,
    }


def _map(record: RedactionResult, text: str, reviewer: str, ann: Any) -> dict[str, Any]:
    start, end = map_to_original(record, int(ann["start"]), int(ann["end"]))
    return {
        "start": start,
        "end": end,
        "rendition_start": int(ann["start"]),
        "rendition_end": int(ann["end"]),
        "label": ann["label"],
        "comment": restore_tokens(record, str(ann.get("comment", ""))),
        "quote": text[start:end],
        "reviewer": reviewer,
    }


def _restore(record: RedactionResult, reviewer: str, verdict: Any) -> dict[str, Any]:
    comment = restore_tokens(record, str(verdict.get("comment", "")))
    return {"verdict": verdict["verdict"], "comment": comment, "reviewer": reviewer}


def record_media(svc: Services, doc_id: str) -> str:
    facts = doc_facts(svc, doc_id)
    return facts.media_type.value if facts.media_type else "unknown"


def annotated_pdf(svc: Services, doc_id: str, annotations: list[dict[str, Any]]) -> bytes:
    """The original PDF with a highlight and a note per annotation (original offsets)."""
    original = svc.vault.get(svc.ref(doc_id, Purpose.ORIGINAL))
    passwords = load_matter_config(svc).pdf_passwords  # an encrypted original opens as redacted
    parsed, password = svc.pdf_engine.open_text(original, passwords, ref=doc_id)
    sealed = svc.vault.get(svc.ref(doc_id, Purpose.TEXT))
    if content_hash(parsed.text.encode("utf-8")) != content_hash(sealed):
        raise CorruptDocument(doc_id, "original text differs from the one redacted")
    notes = [
        Note(int(a["start"]), int(a["end"]), str(a["label"]), str(a["comment"]), a["reviewer"])
        for a in annotations
    ]
    return annotate_pdf(original, parsed, notes, ref=doc_id, password=password)


def reassemble_document(svc: Services, doc_id: str) -> str | None:
    """Seal and export ``<doc_id>.json`` (and ``<doc_id>.pdf`` for a PDF) to the outbox
    (a directory or S3, ``vault.outbox``), then record; returns where the JSON went."""
    if svc.seen(f"deliver:{doc_id}"):
        return None
    content = deliverable(svc, doc_id)
    body = json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")
    outbox = outbox_at(svc.outbox)
    hashes: dict[str, Any] = {"sha256": content_hash(body)}
    if content["media_type"] == MediaType.PDF.value:
        marked = annotated_pdf(svc, doc_id, content["annotations"])
        svc.vault.put(svc.ref(doc_id, Purpose.DELIVERABLE_PDF), marked)
        outbox.put(svc.matter, f"{doc_id}.pdf", marked)
        hashes["pdf_sha256"] = content_hash(marked)
    svc.vault.put(svc.ref(doc_id, Purpose.DELIVERABLE), body)
    path = outbox.put(svc.matter, f"{doc_id}.json", body)
    svc.record(
        f"deliver:{doc_id}",
        Action.DOC_DELIVERED,
        "document",
        doc_id,
        annotations=len(content["annotations"]),
        verdicts=len(content["verdicts"]),
        **hashes,
    )
    return path


def reassemble(svc: Services) -> list[str]:
    states = document_states(svc.ledger.events(matter=svc.matter))
    ready = sorted(d for d, s in states.items() if s is DocState.REVIEWED)
    outbox_at(svc.outbox).sweep(svc.matter)
    return [d for d in ready if reassemble_document(svc, d) is not None]
