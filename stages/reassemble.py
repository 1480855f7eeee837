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
from formats.build import open_safely
from formats.ports import Note, OpenContext
from models.document import DocState, content_hash
from models.errors import CorruptDocument, DocumentError, UnsupportedDocument
from models.events import DocDelivered
from models.finding import RedactionResult
from models.vault_ref import Purpose
from redaction.operators import map_to_original, restore_tokens
from stages.loop import OnFailure, each, reraise
from stages.matter_config import load_matter_config
from stages.records import load_redaction
from stages.reviews import load_reviews
from stages.services import Services
from stages.trail import deliver_key, doc_facts
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


def annotated_original(svc: Services, doc_id: str, annotations: list[dict[str, Any]]) -> bytes:
    """The original with a highlight and a note per annotation (original offsets), by
    its format. Opening is as strict as in redaction (limits, passwords, the text must be
    the one redacted: ``DocumentError``); a failure to write the annotations themselves
    is ``NotAnnotatable`` with the error code.

    The original is opened like redaction opened it: the settings' engine (limits) and
    the matter's sealed passwords; an encrypted original gives an encrypted deliverable."""
    fmt = svc.formats.get(doc_facts(svc, doc_id).media_type, doc_id)
    original = svc.vault.get(svc.ref(doc_id, Purpose.ORIGINAL))
    passwords = load_matter_config(svc).pdf_passwords if fmt.takes_passwords else ()
    opened = open_safely(fmt, original, OpenContext(doc_id, passwords))
    sealed = svc.vault.get(svc.ref(doc_id, Purpose.TEXT))
    if content_hash(opened.text.encode("utf-8")) != content_hash(sealed):
        raise CorruptDocument(doc_id, "original text differs from the one redacted")
    notes = [
        Note(int(a["start"]), int(a["end"]), str(a["label"]), str(a["comment"]), a["reviewer"])
        for a in annotations
    ]
    try:
        marked = fmt.annotate(opened, notes)
    except DocumentError as exc:  # opened and checked, but cannot be written back
        raise NotAnnotatable(exc.code) from exc
    if marked is None:
        raise NotAnnotatable(UnsupportedDocument.code)
    return marked


class NotAnnotatable(Exception):
    """The original opened and matched, but its format could not write annotations."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def reassemble_document(svc: Services, doc_id: str) -> str | None:
    """Seal and export ``<doc_id>.json`` (and the annotated original, e.g. ``.pdf``, where
    the format has one) to the outbox (a directory or S3, ``vault.outbox``), then record;
    returns where the JSON went. An original that opens and matches but cannot be
    annotated (a damaged PDF that PDFium reads but pypdf cannot write) still delivers the
    JSON, with the error code as the ledger's ``fallback`` reason: reviewed work is never
    stranded."""
    if svc.seen(deliver_key(doc_id)):
        return None
    content = deliverable(svc, doc_id)
    body = json.dumps(content, ensure_ascii=False, indent=2).encode("utf-8")
    outbox = outbox_at(svc.outbox)
    hashes: dict[str, Any] = {"sha256": content_hash(body)}
    suffix = svc.formats.get(doc_facts(svc, doc_id).media_type, doc_id).deliverable_suffix
    if suffix is not None:
        try:
            marked = annotated_original(svc, doc_id, content["annotations"])
        except NotAnnotatable as exc:
            hashes["fallback"] = exc.code
        else:
            svc.vault.put(svc.ref(doc_id, Purpose.DELIVERABLE_PDF), marked)
            outbox.put(svc.matter, f"{doc_id}{suffix}", marked)
            hashes["pdf_sha256"] = content_hash(marked)
    svc.vault.put(svc.ref(doc_id, Purpose.DELIVERABLE), body)
    path = outbox.put(svc.matter, f"{doc_id}.json", body)
    payload = DocDelivered(
        annotations=len(content["annotations"]), verdicts=len(content["verdicts"]), **hashes
    )
    svc.record(deliver_key(doc_id), payload, "document", doc_id)
    return path


def reassemble(svc: Services, on_failure: OnFailure = reraise) -> list[str]:
    """The reassembly stage's driver: deliver every reviewed document (one failed
    document never stops the others); returns the ids delivered."""
    states = document_states(svc.ledger.events(matter=svc.matter))
    ready = sorted(d for d, s in states.items() if s is DocState.REVIEWED)
    outbox_at(svc.outbox).sweep(svc.matter)
    delivered: list[str] = []

    def deliver(doc_id: str) -> None:
        if reassemble_document(svc, doc_id) is not None:
            delivered.append(doc_id)

    each(ready, deliver, on_failure)
    return delivered
