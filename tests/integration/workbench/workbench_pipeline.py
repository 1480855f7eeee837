"""A real pipeline (ingest, redact, dispatch to a moto S3 queue) over two invented documents,
one text note with non-ASCII characters and one two-page PDF, for the workbench tests.

The detector knows exactly the invented names below; the vault's sealer is a pass-through
(these tests are about the reviewer's side, not encryption)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from audit import Ledger
from intake.inbox import DirInbox
from models.document import DocKind
from models.finding import Finding
from models.vault_ref import VaultRef
from review import ObjectStore, ReviewQueue
from stages import collect, dispatch, ingest, reassemble, redact
from stages.services import Services
from vault import MemoryStore, Vault

NAMES = ("Tobias Wrenfield", "Ottilie Marchbanks", "Corwin Ashdale")
NOTE = (
    "Clinic note — patient Tobias Wrenfield.\n"
    "Temp 38.4 °C on arrival; complains of chest pain since Monday.\n"
    "Seen with Ottilie Marchbanks, who reports the fall at home.\n"
    "Plan: chest X-ray, review in 2 weeks.\n"
)
PDF_PAGES = (
    "Letter of claim\nOur client Corwin Ashdale was injured at the depot.\n"
    "The employer failed to repair the loading ramp.",
    "Damages\nLoss of earnings claimed for six months.\nSigned for Corwin Ashdale.",
)


class NameDetector:
    rx = re.compile("|".join(re.escape(n) for n in NAMES))

    def detect(self, text: str) -> list[Finding]:
        return [Finding(m.start(), m.end(), "PERSON", 1.0, "fake") for m in self.rx.finditer(text)]

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return sorted(findings, key=lambda f: f.start)

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self.detect(t) for t in texts]


class PlainSealer:
    def seal(self, data: bytes, ref: VaultRef) -> bytes:
        return ref.key.encode() + b"\n" + data

    def open(self, blob: bytes, ref: VaultRef) -> bytes:
        head, _, data = blob.partition(b"\n")
        assert head == ref.key.encode()
        return data


def letter_pdf() -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", size=12)
    for page in PDF_PAGES:
        pdf.add_page()
        pdf.multi_cell(0, 16, page)
    return bytes(pdf.output())


@dataclass
class Pipeline:
    svc: Services
    batch_id: str

    def collect_and_deliver(self) -> list[str]:
        collect.collect(self.svc)
        return reassemble.reassemble(self.svc)


def dispatch_batch(store: ObjectStore, tmp: Path) -> Pipeline:
    svc = Services(
        tenant="t1",
        matter="m1",
        vault=Vault(MemoryStore(), PlainSealer()),  # type: ignore[arg-type]
        ledger=Ledger("sqlite://"),
        queue=ReviewQueue(store, "general"),
        detector_factory=NameDetector,
        outbox=tmp / "outbox",
        batch_size=10,
        policy_by_kind={"medical": "medical", "legal": "legal"},  # the settings' default
    )
    inbox = tmp / "inbox"
    (inbox / "medical").mkdir(parents=True)
    (inbox / "legal").mkdir()
    (inbox / "medical" / "note.txt").write_text(NOTE, encoding="utf-8")
    (inbox / "legal" / "letter.pdf").write_bytes(letter_pdf())
    for outcome in ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, 10_000_000).outcomes:
        redact.redact_document(svc, outcome.doc_id)
    (batch_id,) = dispatch.dispatch(svc)
    return Pipeline(svc, batch_id)
