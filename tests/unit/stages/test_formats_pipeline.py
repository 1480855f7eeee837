"""Word and e-mail documents through the stage drivers: ingested by content, redacted by
their formats, dispatched as text renditions, reviewed, collected and delivered (Word:
the original with a comment; e-mail: a PDF reading copy with the note as a highlight over
the quoted words, the original message left as it came)."""

from __future__ import annotations

import io
import json
from functools import partial
from pathlib import Path

from docx import Document

from cli.demo_reviewer import review_open_batches
from intake.inbox import MemoryInbox
from models.document import DocKind, DocState
from models.review import Manifest
from models.vault_ref import Purpose
from redaction.pdf_annotate import highlight_rects
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current
from stages import collect, dispatch, ingest, reassemble, redact
from stages.services import Services

from .test_stages import PERSON_TOKEN, states


def word_file() -> bytes:
    document = Document()
    document.add_paragraph("Matter notes.")
    document.add_paragraph("Jane Roe called on 04/12/1961 about the claim.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


EMAIL = (
    b"From: desk@clinic.example\nTo: records@firm.example\nSubject: Rahul Mehta\n\n"
    b"Rahul Mehta's SSN is 123-45-6789.\n"
)


def flag_first_person(manifest: Manifest, folder: Path) -> tuple[list[dict], list[dict]]:
    annotations, verdicts = [], []
    for doc in manifest.docs:
        assert doc.media_type == "text/plain" and doc.path.endswith(".txt")  # text renditions
        text = (folder / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        token = PERSON_TOKEN.search(text)
        assert token is not None and "Jane" not in text and "Mehta" not in text
        annotations.append(
            {
                "doc_id": doc.doc_id,
                "start": token.start(),
                "end": token.end(),
                "label": "ISSUE",
                "comment": "",
                "quote": token.group(),
            }
        )
        verdicts.append({"doc_id": doc.doc_id, "verdict": "ok"})
    return annotations, verdicts


def test_word_and_email_go_through_every_stage(
    svc: Services, store: MemoryObjectStore, tmp_path: Path
) -> None:
    inbox = MemoryInbox({"legal/notes.bin": word_file(), "legal/mail.txt": EMAIL})
    ingest.ingest_from(svc, inbox, DocKind.LEGAL, 1 << 20)
    found, errors = redact.redact_all(svc, redact.pending_documents(svc))
    assert set(found.values()) == {"redacted"}, errors
    assert dispatch.dispatch(svc)
    operator = partial(grant_current, ReviewQueue(store, "general"))
    client = ReviewerClient(store, "general", "ana")
    review_open_batches(client, tmp_path, 600, flag_first_person, grant=operator)
    assert collect.collect(svc).accepted
    delivered = reassemble.reassemble(svc)
    assert sorted(delivered) == sorted(found)
    assert all(s is DocState.DELIVERED for s in states(svc).values())
    outbox = svc.outbox / svc.matter
    media = {d: json.loads((outbox / f"{d}.json").read_text())["media_type"] for d in delivered}
    (word,) = [d for d, m in media.items() if m.endswith("wordprocessingml.document")]
    (mail,) = [d for d, m in media.items() if m == "message/rfc822"]
    comments = list(Document(io.BytesIO((outbox / f"{word}.docx").read_bytes())).comments)
    assert [c.text for c in comments] == ["ISSUE (ana)"]
    reading_copy = (outbox / f"{mail}.pdf").read_bytes()
    assert _highlighted(reading_copy) == ["Rahul Mehta"]
    assert svc.vault.get(svc.ref(mail, Purpose.ORIGINAL)) == EMAIL  # the message untouched


def _highlighted(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [
            "".join(doc[i].get_textpage().get_text_bounded(*r) for r in rects).strip()
            for i, rects in highlight_rects(pdf)
        ]
    finally:
        doc.close()
