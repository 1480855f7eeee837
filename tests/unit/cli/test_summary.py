"""The demo's end-of-run table: one row per document of the matter with kind, type, state,
how many PII values were redacted and the quarantine reason (ids and counts only)."""

from __future__ import annotations

from rich.console import Console

from audit import Ledger
from cli.summary import documents_table
from models.audit import Action, EventDraft, Outcome


def record(book: Ledger, key: str, action: Action, doc: str, outcome: Outcome = Outcome.OK,
           **details: object) -> None:  # fmt: skip
    draft = EventDraft(key=key, actor="op", action=action.value, object_type="document",
                       object_id=doc, outcome=outcome, matter="m1", details=details)  # fmt: skip
    book.append(draft)


def test_one_row_per_document_with_counts_and_reasons() -> None:
    book = Ledger("sqlite://")
    record(book, "i1", Action.DOC_INGESTED, "doc-a", kind="legal", media_type="application/pdf",
           size=1, sha256="0" * 64)  # fmt: skip
    record(book, "r1", Action.DOC_REDACTED, "doc-a", entities={"PERSON": 3, "DATE": 2},
           policy_version="legal/1", rendition_sha256="3" * 64, text_sha256="4" * 64,
           text_length=10)  # fmt: skip
    record(book, "i2", Action.DOC_INGESTED, "doc-b", kind="medical", media_type="text/plain",
           size=1, sha256="1" * 64)  # fmt: skip
    record(book, "q2", Action.DOC_QUARANTINED, "doc-b", Outcome.QUARANTINED, code="SR-RED-002",
           reason="leak gate")  # fmt: skip
    record(book, "i3", Action.DOC_INGESTED, "doc-c", kind="legal", media_type="unknown",
           size=1, sha256="2" * 64)  # fmt: skip
    table = documents_table(book, "m1")
    assert [c.header for c in table.columns] == [
        "document", "kind", "type", "state", "PII redacted", "note",
    ]  # fmt: skip
    rows = list(zip(*(c._cells for c in table.columns), strict=True))
    assert rows == [
        ("doc-a", "legal", "pdf", "redacted", "5", ""),
        ("doc-b", "medical", "text", "quarantined", "", "leak gate"),
        ("doc-c", "legal", "?", "ingested", "", ""),
    ]
    console = Console(record=True, width=120)
    console.print(table)
    assert "doc-b" in console.export_text()


def test_other_matters_are_not_shown() -> None:
    book = Ledger("sqlite://")
    record(book, "i1", Action.DOC_INGESTED, "doc-a", kind="legal", media_type="text/plain",
           size=1, sha256="0" * 64)  # fmt: skip
    assert documents_table(book, "m2").row_count == 0
