"""Dispatch: a batch's manifest names the policies its documents were actually redacted
under (regression: every manifest said ``strict/1``, the settings' default, while the
documents were redacted under ``medical/2`` and ``legal/1``)."""

from __future__ import annotations

import pytest

from intake.inbox import MemoryInbox
from models.document import DocKind
from stages import dispatch, ingest, redact
from stages.services import Services

MEDICAL = b"Patient: Jane Roe, DOB 04/12/1961.\nMs. Roe reports chest pain.\n"
LEGAL = b"Dear Rahul Mehta,\nMr. Mehta alleges breach of contract.\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"medical/a.txt": MEDICAL}, "medical/3"),
        ({"legal/b.txt": LEGAL}, "legal/3"),
        ({"medical/a.txt": MEDICAL, "legal/b.txt": LEGAL}, "legal/3,medical/3"),
    ],
)
def test_the_manifest_carries_the_documents_policy_versions(
    svc: Services, files: dict[str, bytes], expected: str
) -> None:
    ingest.ingest_from(svc, MemoryInbox(files), DocKind.LEGAL, 1 << 20)
    redact.redact_all(svc, redact.pending_documents(svc))
    (batch_id,) = dispatch.dispatch(svc)
    assert svc.queue.manifest(batch_id).policy_version == expected
