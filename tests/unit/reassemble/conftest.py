"""A whole pipeline over in-memory fakes, with the fixture PII values planted in the
documents (two text files and one PDF) and in their file names.

The detector knows exactly the fixture values; the vault's sealer is a pass-through fake
(these tests are about reassembly and the audit outputs, not encryption).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from fpdf import FPDF

from audit import Ledger, document_states
from audit.checkpoint_store import MemoryCheckpoints
from audit.checkpointer import Checkpointer
from cli.demo_reviewer import review_open_batches
from config.settings import Settings
from intake.inbox import DirInbox
from models.document import DocKind, DocState
from models.finding import Finding
from models.review import Manifest
from models.vault_ref import VaultRef
from redaction.ocr import FakeOcr
from redaction.pdf import PdfiumEngine
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current
from stages import collect, dispatch, ingest, reassemble, redact
from stages.services import Services
from vault import MemoryStore, Vault
from vault.signing import Ed25519Signer

# the settings' default kind -> policy mapping (the composition root passes the setting)
POLICY_BY_KIND = dict(
    Settings.model_fields["policy_by_kind"].get_default(call_default_factory=True)
)

REPO = Path(__file__).resolve().parents[3]
PII: list[str] = json.loads((REPO / "tests/fixtures/sample_pii.json").read_text("utf-8"))
TOKEN = re.compile(r"\[[A-Z][A-Z_]*_\d+\]")


def label_of(value: str) -> str:
    if "@" in value:
        return "EMAIL"
    if value.startswith("("):
        return "PHONE"
    if re.search(r"\d/\d|[A-Z][a-z]+ \d{1,2}, \d{4}", value):
        return "DATE"
    return "ACCOUNT" if any(c.isdigit() for c in value) else "PERSON"  # labels the policies hold


class PiiDetector:
    """Finds exactly the fixture values (longest first, whole words)."""

    rx = re.compile(
        "|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in sorted(PII, key=len, reverse=True))
    )

    def detect(self, text: str) -> list[Finding]:
        return [
            Finding(m.start(), m.end(), label_of(m.group()), 1.0, "fake")
            for m in self.rx.finditer(text)
        ]

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        out: list[Finding] = []
        for f in sorted(findings, key=lambda f: (f.start, -f.end)):
            if out and f.start < out[-1].end:
                continue
            out.append(f)
        return out

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self.detect(t) for t in texts]


class PlainSealer:
    """Pass-through fake sealer that still binds the ref (prefix) and checks it on open."""

    def seal(self, data: bytes, ref: VaultRef) -> bytes:
        return ref.key.encode() + b"\n" + data

    def open(self, blob: bytes, ref: VaultRef) -> bytes:
        head, _, data = blob.partition(b"\n")
        assert head == ref.key.encode()
        return data


def chunks(values: list[str], n: int) -> list[list[str]]:
    return [values[i : i + n] for i in range(0, len(values), n)]


def pii_text(values: list[str]) -> str:
    lines = [f"Note {i}: contact {v} about the chest pain claim." for i, v in enumerate(values)]
    return "Patient record and correspondence.\n" + "\n".join(lines) + "\n"


def pii_pdf(values: list[str]) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 14, pii_text([v for v in values if v.isascii()]))
    return bytes(pdf.output())


@dataclass
class Run:
    svc: Services
    store: MemoryObjectStore
    checkpoints: MemoryCheckpoints
    signer: Ed25519Signer
    reviewed: list[str]
    delivered: list[str]

    def media(self, doc_id: str) -> str:
        event = self.svc.ledger.get(f"ingest:{doc_id}")
        assert event is not None
        return str(event.details["media_type"])

    def pdf_doc(self) -> str:
        return next(d for d in self.delivered if self.media(d) == "application/pdf")


@pytest.fixture
def pii_values() -> list[str]:
    return list(PII)


def annotate(manifest: Manifest, folder: Path) -> tuple[list[dict], list[dict]]:
    annotations, verdicts = [], []
    for doc in manifest.docs:
        text = (folder / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        token = TOKEN.search(text)
        assert token is not None
        plain = text.index("chest pain")
        wide = text[plain - 30 : token.end() + 40]
        annotations += [
            {"doc_id": doc.doc_id, "start": token.start(), "end": token.end(), "label": "ISSUE",
             "comment": f"Ask {token.group()} about this.", "quote": token.group()},
            {"doc_id": doc.doc_id, "start": plain, "end": plain + 10, "label": "ISSUE",
             "comment": "symptom", "quote": text[plain : plain + 10]},
            {"doc_id": doc.doc_id, "start": plain - 30, "end": token.end() + 40,
             "label": "ISSUE", "comment": "wide span", "quote": wide},
        ]  # fmt: skip
        verdicts.append({"doc_id": doc.doc_id, "verdict": "ok", "comment": token.group()})
    return annotations, verdicts


def review_all(store: MemoryObjectStore, tmp: Path) -> None:
    """The one stand-in reviewer loop (cli.demo_reviewer) with this suite's annotations;
    the operator grants the claim holder its copies between claim and pull."""
    client = ReviewerClient(store, "general", "ana")
    operator = partial(grant_current, ReviewQueue(store, "general"))
    review_open_batches(client, tmp / "pull", 600, annotate, grant=operator)


@pytest.fixture
def run(tmp_path: Path) -> Run:
    store, signer, cps = MemoryObjectStore(), Ed25519Signer.generate(), MemoryCheckpoints()
    ledger = Ledger("sqlite://")
    svc = Services(
        tenant="t1",
        matter="m1",
        vault=Vault(MemoryStore(), PlainSealer()),  # type: ignore[arg-type]
        ledger=ledger,
        queue=ReviewQueue(store, "general"),
        detector_factory=PiiDetector,
        outbox=tmp_path / "outbox",
        policy_by_kind=POLICY_BY_KIND,
        batch_size=2,
        checkpointer=Checkpointer(ledger, signer, [cps], every_events=10),
        pdf_engine=PdfiumEngine(ocr=FakeOcr()),  # pixels are tested in tests/unit/ocr
    )
    inbox = tmp_path / "inbox"
    (inbox / "medical").mkdir(parents=True)
    (inbox / "legal").mkdir()
    parts = chunks(PII, 40)
    (inbox / "medical" / "Marisol Quintero 07-22-1958.txt").write_text(pii_text(parts[0]))
    (inbox / "legal" / "Gareth Pemberton letter.txt").write_text(pii_text(parts[1]))
    (inbox / "legal" / "Kenji Watanabe.pdf").write_bytes(pii_pdf(parts[2]))
    (inbox / "legal" / "Rebecca Lindqvist.bin").write_bytes(b"\x00\x01binary")
    ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, 10_000_000)
    for doc_id, state in document_states(ledger.events()).items():
        if state is DocState.INGESTED:
            redact.redact_document(svc, doc_id)
    assert dispatch.dispatch(svc)
    review_all(store, tmp_path)
    collect.collect(svc)
    states = document_states(ledger.events())
    reviewed = sorted(d for d, s in states.items() if s is DocState.REVIEWED)
    delivered = reassemble.reassemble(svc)
    return Run(svc, store, cps, signer, reviewed, delivered)
