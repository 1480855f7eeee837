"""Reassembly of an encrypted PDF (regression: it used to fail with SR-DOC-003, opening
the original without the matter's sealed passwords and without the settings' limits)."""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from audit import document_states
from cli.demo_reviewer import review_open_batches
from formats import pdf as formats_pdf
from intake.inbox import MemoryInbox
from models.audit import Action
from models.document import DocKind, DocState
from models.errors import CorruptDocument, DocumentTooLarge
from models.review import Manifest
from redaction.pdf import PdfiumEngine
from redaction.pdf_annotate import highlight_rects
from redaction.pdf_limits import PdfLimits
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current
from stages import collect, dispatch, ingest, reassemble, redact
from stages.matter_config import add_pdf_password
from stages.services import Services

PASSWORD = "s3cret-pw"
TEXT = "Patient: Jane Roe\nSeen on 01/10/2024 for chest pain.\n"


def encrypted_pdf() -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_encryption(owner_password="owner-pw", user_password=PASSWORD)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 14, TEXT)
    return bytes(pdf.output())


def flag_chest_pain(manifest: Manifest, folder: Path) -> tuple[list[dict], list[dict]]:
    doc = manifest.docs[0]
    start = (folder / f"{doc.doc_id}.txt").read_text(encoding="utf-8").index("chest pain")
    span = {"doc_id": doc.doc_id, "start": start, "end": start + 10, "label": "ISSUE"}
    span["quote"] = "chest pain"
    return [span], [{"doc_id": doc.doc_id, "verdict": "ok"}]


def review_everything(svc: Services, store: MemoryObjectStore, tmp: Path) -> list[str]:
    """Ingest, redact, dispatch, review (one annotation on 'chest pain'), collect."""
    add_pdf_password(svc, PASSWORD)
    ingest.ingest_from(svc, MemoryInbox({"legal/a.pdf": encrypted_pdf()}), DocKind.LEGAL, 1 << 20)
    states, errors = redact.redact_all(svc, redact.pending_documents(svc))
    assert set(states.values()) == {"redacted"}, errors
    assert dispatch.dispatch(svc)
    operator = partial(grant_current, ReviewQueue(store, "general"))
    client = ReviewerClient(store, "general", "ana")
    review_open_batches(client, tmp, 600, flag_chest_pain, grant=operator)
    assert collect.collect(svc).accepted
    return list(states)


def test_an_encrypted_pdf_is_delivered_annotated_and_still_encrypted(
    svc: Services, store: MemoryObjectStore, tmp_path: Path
) -> None:
    (doc_id,) = review_everything(svc, store, tmp_path)
    assert reassemble.reassemble(svc) == [doc_id]
    delivered = (svc.outbox / svc.matter / f"{doc_id}.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(delivered))
    assert reader.is_encrypted  # never less protected than the client's original
    assert reader.decrypt(PASSWORD)
    assert len(highlight_rects_of(reader)) == 1


def highlight_rects_of(reader: PdfReader) -> list[object]:
    out = io.BytesIO()

    PdfWriter(clone_from=reader).write(out)
    return highlight_rects(out.getvalue())


def test_reassembly_opens_the_original_under_the_settings_limits(
    svc: Services, store: MemoryObjectStore, tmp_path: Path
) -> None:
    (doc_id,) = review_everything(svc, store, tmp_path)
    svc.pdf_engine = PdfiumEngine(limits=PdfLimits(max_bytes=100))  # limits now tighter
    with pytest.raises(DocumentTooLarge):
        reassemble.reassemble(svc)
    assert not (svc.outbox / svc.matter / f"{doc_id}.pdf").exists()


def test_an_original_pypdf_cannot_annotate_is_still_delivered_with_a_reason(
    svc: Services, store: MemoryObjectStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged PDF that PDFium reads but pypdf cannot write: the JSON deliverable goes
    out, no annotated copy, and the ledger says why (never stuck in ``reviewed``)."""
    (doc_id,) = review_everything(svc, store, tmp_path)

    def pypdf_fails(*_args: object, **_kwargs: object) -> bytes:
        raise CorruptDocument(doc_id, "cannot annotate the original PDF")

    monkeypatch.setattr(formats_pdf, "annotate_pdf", pypdf_fails)
    assert reassemble.reassemble(svc) == [doc_id]
    folder = svc.outbox / svc.matter
    assert (folder / f"{doc_id}.json").exists() and not (folder / f"{doc_id}.pdf").exists()
    (event,) = svc.events_for(doc_id, Action.DOC_DELIVERED)
    assert event.details["fallback"] == "SR-DOC-002" and "pdf_sha256" not in event.details
    states = document_states(svc.ledger.events(matter=svc.matter))
    assert states[doc_id] is DocState.DELIVERED
