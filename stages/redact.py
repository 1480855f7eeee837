"""Redact: extract text, detect and replace PII, build the rendition, gate it, seal it.

Fail closed: any document that cannot be processed safely, or whose finished rendition
fails the independent leak gate, is quarantined with a reason and never dispatched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit import document_states
from formats.build import Namers, Rendition, build_rendition
from formats.ports import OpenContext
from formats.registry import FormatRegistry, build_registry
from models.document import DocState, MediaType, content_hash
from models.errors import (
    DocumentError,
    LeakDetected,
    LedgerError,
    RedactionError,
    StorageError,
    VaultError,
)
from models.events import DocRedacted
from models.vault_ref import Purpose
from redaction import pdf
from redaction.ports import Detector
from stages.loop import error_code
from stages.matter_config import load_matter_config
from stages.matter_keys import document_namer, document_policy, policed
from stages.records import DocFacts, dump_redaction
from stages.services import Services
from stages.trail import doc_facts, quarantine, quarantine_key, redact_key

INFRASTRUCTURE = (LedgerError, StorageError, VaultError, OSError)


__all__ = ["Rendition", "build", "pending_documents", "redact_all", "redact_document", "redact_one"]


@dataclass(frozen=True)
class RedactOutcome:
    doc_id: str
    state: str  # "redacted" | "quarantined" | "skipped"
    reason: str = ""


def build(
    detector: Detector,
    media_type: MediaType | None,
    original: bytes,
    ref: str,
    engine: pdf.PdfEngine | None = None,
    passwords: Sequence[str] = (),
    tokens: Namers = None,
    formats: FormatRegistry | None = None,
) -> tuple[Rendition, list[str]]:
    """The rendition and the leak gate's findings (empty when it is safe to send), by the
    document's format (``formats.registry``; ``engine`` is the PDF engine of a registry
    built here when none is given).

    ``tokens`` is a namer, or a factory that picks the namer from the document's text
    (date shifting needs to know whose dates they are)."""
    registry = formats or build_registry(engine)
    fmt = registry.get(media_type, ref)
    return build_rendition(fmt, detector, original, OpenContext(ref, passwords), tokens)


def redact_document(svc: Services, doc_id: str) -> RedactOutcome:
    if svc.seen(redact_key(doc_id)) or svc.seen(quarantine_key(svc, doc_id)):
        return RedactOutcome(doc_id, "skipped")
    facts = doc_facts(svc, doc_id)
    original = svc.vault.get(svc.ref(doc_id, Purpose.ORIGINAL))
    try:
        fmt = svc.formats.get(facts.media_type, doc_id)
        passwords = _passwords(svc) if fmt.takes_passwords else ()
        policy = document_policy(svc, facts.kind.value)
        detector, namer = policed(svc, policy), document_namer(svc, policy, doc_id)
        context = OpenContext(doc_id, passwords)
        rendition, problems = build_rendition(fmt, detector, original, context, namer)
    except (DocumentError, RedactionError) as exc:
        quarantine(svc, doc_id, exc.code, exc.reason)
        return RedactOutcome(doc_id, "quarantined", exc.code)
    if problems:
        quarantine(svc, doc_id, LeakDetected.code, "; ".join(problems)[:180])
        return RedactOutcome(doc_id, "quarantined", LeakDetected.code)
    _seal(svc, doc_id, facts, rendition, policy.ident)
    return RedactOutcome(doc_id, "redacted")


def _passwords(svc: Services) -> tuple[str, ...]:
    return load_matter_config(svc).pdf_passwords


def _seal(svc: Services, doc_id: str, facts: DocFacts, rendition: Rendition, policy: str) -> None:
    media = facts.media_type.value if facts.media_type else "unknown"
    record = dump_redaction(rendition.result, policy, media)
    svc.vault.put(svc.ref(doc_id, Purpose.TEXT), rendition.text.encode("utf-8"))
    svc.vault.put(svc.ref(doc_id, Purpose.PSEUDONYMS), record)
    svc.vault.put(svc.ref(doc_id, Purpose.RENDITION), rendition.data)
    payload = DocRedacted(
        policy_version=policy,
        entities=rendition.result.entity_counts(),
        rendition_sha256=content_hash(rendition.data),
        text_sha256=content_hash(rendition.result.redacted_text.encode("utf-8")),
        text_length=len(rendition.result.redacted_text),
        pages=rendition.pages,
    )
    svc.record(redact_key(doc_id), payload, "document", doc_id)


def pending_documents(svc: Services) -> list[str]:
    """Ingested documents not yet redacted or quarantined."""
    states = document_states(svc.ledger.events(matter=svc.matter))
    return sorted(d for d, s in states.items() if s is DocState.INGESTED)


def redact_one(svc: Services, doc_id: str) -> tuple[str, str]:
    """(state, error code) for one document; never raises for a document's own problem.

    A document that fails unexpectedly is quarantined with its error code (fail closed);
    an infrastructure error (vault, ledger, storage) leaves it retryable ("error")."""
    try:
        return redact_document(svc, doc_id).state, ""
    except INFRASTRUCTURE as exc:
        return "error", error_code(exc)
    except Exception as exc:  # a bug or a library failure on this input: fail closed
        code = exc.code if isinstance(exc, DocumentError | RedactionError) else RedactionError.code
        try:
            quarantine(svc, doc_id, code, f"unexpected {error_code(exc)} during redaction")
        except INFRASTRUCTURE:
            return "error", error_code(exc)
        return "quarantined", error_code(exc)


def redact_all(svc: Services, doc_ids: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The redaction stage's driver: (doc id -> state, doc id -> error code) for each id."""
    states, errors = {}, {}
    for doc_id in doc_ids:
        states[doc_id], code = redact_one(svc, doc_id)
        if code:
            errors[doc_id] = code
    return states, errors
