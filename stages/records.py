"""Sealed records the stages write: the redaction record (pseudonym map) and doc facts."""

from __future__ import annotations

import json
from dataclasses import dataclass

from models.document import DocKind, MediaType
from models.events import DocIngested
from models.finding import RedactionResult, Replacement

RECORD_FORMAT = "sealroom.pseudonyms/1"


def dump_redaction(result: RedactionResult, policy_version: str, media_type: str) -> bytes:
    """The pseudonym map: original values and both offsets. Sealed in the vault only."""
    body = {
        "format": RECORD_FORMAT,
        "policy_version": policy_version,
        "media_type": media_type,
        "redacted_text": result.redacted_text,
        "replacements": [
            [r.label, r.token, r.original, r.orig_start, r.orig_end, r.red_start, r.red_end]
            for r in result.replacements
        ],
    }
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def load_redaction(data: bytes) -> RedactionResult:
    body = json.loads(data)
    reps = tuple(Replacement(*row) for row in body["replacements"])
    return RedactionResult(redacted_text=body["redacted_text"], replacements=reps)


@dataclass(frozen=True)
class DocFacts:
    """What the ledger's ingest event says about a document (no PII)."""

    doc_id: str
    kind: DocKind
    media_type: MediaType | None
    size: int
    sha256: str

    @classmethod
    def of(cls, doc_id: str, ingested: DocIngested) -> DocFacts:
        media = ingested.media_type
        return cls(
            doc_id=doc_id,
            kind=DocKind(ingested.kind),
            media_type=MediaType(media) if media != "unknown" else None,
            size=ingested.size,
            sha256=ingested.sha256,
        )
