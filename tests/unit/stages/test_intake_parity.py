"""The S3 inbox and the drop folder account for the same entries the same way: each entry
is ingested or recorded as ``inbox.refused`` with the same code (hidden key parts,
zero-byte objects, over-size objects refused before a byte is read); a second pass
records nothing new; no refusal names its entry."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from intake.inbox import S3Inbox
from models.audit import Action
from models.document import DocKind
from stages.drop_folder import ingest_dir
from stages.ingest import ingest_from
from stages.services import Services

LIMIT = 64
# relative path -> (content, expected: "ingested" or the refusal code)
CASES: dict[str, tuple[bytes, str]] = {
    "legal/lease-terms.txt": (b"The lessee shall pay the rent monthly.\n", "ingested"),
    "medical/ward-note.txt": (b"Observation continues overnight.\n", "ingested"),
    "plain.txt": (b"A loose file in the inbox root.\n", "ingested"),
    ".hidden-notes.txt": (b"A hidden file.\n", "SR-INB-003"),
    "legal/.~lock.draft.txt": (b"An editor's lock file.\n", "SR-INB-003"),
    ".staging/upload.txt": (b"In a hidden folder.\n", "SR-INB-003"),
    "legal/empty-upload.txt": (b"", "SR-INB-004"),
    "medical/oversized-scan.txt": (b"x" * (LIMIT + 1), "SR-DOC-005"),
}


Pass = Callable[[], object]


def in_dir(svc: Services, root: Path) -> Pass:
    for rel, (body, _) in CASES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(body)
    return lambda: ingest_dir(svc, root, DocKind.LEGAL, LIMIT)


def in_s3(svc: Services, root: Path) -> Pass:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="client-drop")
    s3.put_object(Bucket="client-drop", Key="in/medical/", Body=b"")  # a folder marker
    for rel, (body, _) in CASES.items():
        s3.put_object(Bucket="client-drop", Key=f"in/{rel}", Body=body)
    return lambda: ingest_from(svc, S3Inbox(s3, "client-drop", "in"), DocKind.LEGAL, LIMIT)


def outcomes(svc: Services) -> tuple[int, list[str]]:
    events = list(svc.ledger.events(matter=svc.matter))
    ingested = sum(1 for e in events if e.action == Action.DOC_INGESTED)
    refused = sorted(str(e.details["code"]) for e in events if e.action == Action.INBOX_REFUSED)
    return ingested, refused


@pytest.mark.parametrize("intake", [in_dir, in_s3], ids=["directory", "s3"])
def test_both_intakes_account_for_every_entry_alike(
    svc: Services, tmp_path: Path, intake: Callable[[Services, Path], Pass]
) -> None:
    expected = [want for _, want in CASES.values()]
    with mock_aws():
        one_pass = intake(svc, tmp_path / "inbox")
        one_pass()
        first = outcomes(svc)
        count = svc.ledger.count()
        one_pass()  # the same entries again: nothing new recorded
        again_count = svc.ledger.count()
    assert first == (expected.count("ingested"), sorted(w for w in expected if w != "ingested"))
    assert again_count == count
    refusals = list(svc.ledger.events(action=Action.INBOX_REFUSED.value))
    text = json.dumps([e.details for e in refusals] + [e.object_id for e in refusals])
    for rel in CASES:
        assert Path(rel).name not in text
    assert all(e.object_type == "inbox-entry" for e in refusals) and len(refusals) == 5
