"""Stages over in-memory fakes: MemoryStore vault, in-memory SQLite ledger, memory queue.

The detector is a small deterministic fake (known names and a few patterns) so these tests
exercise orchestration — idempotency, quarantine, resume — not detection quality, which
the redaction tests and the flow test cover with the real spaCy pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from audit import Ledger
from config.settings import Settings
from models.finding import Finding
from review import MemoryObjectStore, ReviewQueue
from stages.services import Services
from vault import LocalKeyProvider, MemoryStore, Sealer, Vault

# the settings' default kind -> policy mapping (the composition root passes the setting)
POLICY_BY_KIND = dict(
    Settings.model_fields["policy_by_kind"].get_default(call_default_factory=True)
)

PATTERNS = [
    (re.compile(r"\b(?:Jane Roe|Rahul Mehta|Jane|Roe|Mehta)\b", re.IGNORECASE), "PERSON"),
    (re.compile(r"\b\d{3}-\d{2}-\d{4}\b"), "SSN"),
    (re.compile(r"\b\d{2}/\d{2}/\d{4}\b"), "DATE"),
]


class FakeDetector:
    def detect(self, text: str) -> list[Finding]:
        found = [
            Finding(m.start(), m.end(), label, 1.0, "fake")
            for pattern, label in PATTERNS
            for m in pattern.finditer(text)
        ]
        return merge(found)

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return merge(list(findings))

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [self.detect(t) for t in texts]


def merge(found: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            last = out[-1]
            out[-1] = Finding(last.start, max(last.end, f.end), last.label, 1.0, "fake")
        else:
            out.append(f)
    return out


@pytest.fixture
def store() -> MemoryObjectStore:
    return MemoryObjectStore()


@pytest.fixture
def svc(tmp_path: Path, store: MemoryObjectStore) -> Services:
    return Services(
        tenant="t1",
        matter="m1",
        vault=Vault(MemoryStore(), Sealer(LocalKeyProvider(tmp_path / "keys"))),
        ledger=Ledger("sqlite://"),
        queue=ReviewQueue(store, "general"),
        detector_factory=FakeDetector,
        outbox=tmp_path / "outbox",
        policy_by_kind=POLICY_BY_KIND,
        batch_size=2,
    )


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    (root / "medical").mkdir(parents=True)
    (root / "legal").mkdir()
    (root / "medical" / "jane-roe-discharge.txt").write_text(
        "Patient: Jane Roe, DOB 04/12/1961, SSN 123-45-6789.\n"
        "Ms. Roe reports chest pain after metoprolol 25 mg.\n",
        encoding="utf-8",
    )
    (root / "legal" / "mehta-letter.txt").write_text(
        "Dear Rahul Mehta,\nMr. Mehta alleges breach of contract on 01/05/2023.\n", encoding="utf-8"
    )
    (root / "legal" / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    (root / "medical" / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    return root
