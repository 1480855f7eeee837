"""Sealed records: the pseudonym map round-trips; doc facts come from the ingest payload."""

from __future__ import annotations

import json

from models.document import DocKind, MediaType
from models.events import DocIngested
from models.finding import RedactionResult, Replacement
from stages.records import RECORD_FORMAT, DocFacts, dump_redaction, load_redaction

RESULT = RedactionResult(
    redacted_text="Dear [PERSON_1],",
    replacements=(Replacement("PERSON", "[PERSON_1]", "Jane Roe", 5, 13, 5, 15),),
)


def test_the_pseudonym_map_round_trips() -> None:
    data = dump_redaction(RESULT, "legal/1", "text/plain")
    assert json.loads(data)["format"] == RECORD_FORMAT
    assert json.loads(data)["policy_version"] == "legal/1"
    assert load_redaction(data) == RESULT


def test_facts_of_an_unknown_media_type() -> None:
    ingested = DocIngested(kind="medical", media_type="unknown", size=3, sha256="ab")
    facts = DocFacts.of("doc-1", ingested)
    assert (facts.kind, facts.media_type, facts.size) == (DocKind.MEDICAL, None, 3)
    pdf = DocFacts.of("doc-2", ingested.model_copy(update={"media_type": "application/pdf"}))
    assert pdf.media_type is MediaType.PDF
