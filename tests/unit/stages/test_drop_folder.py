"""A hostile drop folder: every entry ends up ingested or refused with a reason in the
ledger (counted), no link is followed, nothing is read past the size limit, and no file is
lost or modified (kept in place, or moved to processed/ and refused/)."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

import pytest

from models.audit import Action
from models.document import DocKind, document_id
from stages.drop_folder import ingest_dir
from stages.services import Services
from stages.stream_hash import digest_file

MAX = 1000
SECRET = b"aws_secret_access_key = not-for-reviewers\n"

FILES: dict[bytes, bytes] = {
    b"legal/plain.txt": b"The lessee shall pay rent monthly.\n",
    b"legal/latin1.txt": "Le caf\u00e9 du coin, r\u00e9sum\u00e9 na\u00efve.\n".encode("latin-1"),
    b"legal/utf16.txt": "Counsel filed a motion.\n".encode("utf-16"),
    b"legal/mentions-pdf.txt": b"Every PDF file starts with %PDF-1.7 as its header.\n",
    b"legal/caf\xe9-undecodable-name.txt": b"A note about the lease terms.\n",
    b"legal/empty.txt": b"",
    b"legal/.hidden.txt": b"hidden draft\n",
    b".git/config": b"[core]\n",
    b"legal/big.txt": b"x" * (MAX + 1),
    b"medical/duplicate.txt": b"The lessee shall pay rent monthly.\n",
    b"medical/blob.bin": b"\x00\x01\x02\x03binary",
}
LINKS: dict[bytes, bytes] = {  # name -> target (relative to the inbox's parent)
    b"legal/link-out.txt": b"outside/credentials.txt",
    b"legal/link-in.txt": b"inbox/legal/plain.txt",
    b"legal/dangling.txt": b"outside/nothing-here.txt",
}
EXPECTED_REFUSALS = Counter(
    {
        "SR-INB-001": 2,  # links, inside or out, never followed
        "SR-INB-002": 1,  # dangling link
        "SR-INB-003": 2,  # hidden file, hidden folder (one entry)
        "SR-INB-004": 1,  # zero-byte
        "SR-INB-005": 1,  # fifo
        "SR-INB-007": 1,  # duplicate content
        "SR-DOC-005": 1,  # over the limit, never read
    }
)
INGESTED = 6  # plain, latin1, utf16, mentions-pdf, undecodable name, blob (quarantined)
ENTRIES = INGESTED + sum(EXPECTED_REFUSALS.values())


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    base = os.fsencode(root)
    for rel, data in FILES.items():
        path = os.path.join(base, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "credentials.txt").write_bytes(SECRET)
    for rel, target in LINKS.items():
        os.symlink(os.path.join(os.fsencode(tmp_path), target), os.path.join(base, rel))
    os.mkfifo(root / "legal" / "pipe")
    return root


def snapshot(root: Path) -> Counter[tuple[str, str]]:
    """(kind, content hash or link target) of every non-directory entry under ``root``."""
    found: Counter[tuple[str, str]] = Counter()
    for folder, dirs, files in os.walk(os.fsencode(root)):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                found["link", os.fsdecode(os.readlink(path))] += 1
            elif os.path.isfile(path):
                found["file", hashlib.sha256(Path(os.fsdecode(path)).read_bytes()).hexdigest()] += 1
            else:
                found["other", ""] += 1
    return found


def accounted(svc: Services) -> tuple[list[str], Counter[str]]:
    ingested = [e.object_id for e in svc.ledger.events(action=Action.DOC_INGESTED.value)]
    refused = Counter(
        str(e.details["code"]) for e in svc.ledger.events(action=Action.INBOX_REFUSED.value)
    )
    return ingested, refused


def test_every_hostile_entry_is_accounted_for_and_nothing_changes(
    svc: Services, drop: Path
) -> None:
    before = snapshot(drop)
    run = ingest_dir(svc, drop, DocKind.LEGAL, MAX)
    ingested, refused = accounted(svc)
    assert run.failed == 0
    assert len(ingested) == INGESTED and refused == EXPECTED_REFUSALS
    assert len(ingested) + sum(refused.values()) == ENTRIES
    assert snapshot(drop) == before  # kept in place, byte for byte
    media = {
        e.object_id: e.details["media_type"]
        for e in svc.ledger.events(action=Action.DOC_INGESTED.value)
    }
    assert sorted(media.values()).count("text/plain") == 5  # Latin-1, UTF-16, %PDF- mention
    assert document_id(svc.matter, SECRET) not in media  # the link was never followed
    again = svc.ledger.count()
    ingest_dir(svc, drop, DocKind.LEGAL, MAX)
    assert svc.ledger.count() == again  # a re-run records nothing twice


def test_move_lifecycle_empties_the_inbox_and_loses_nothing(svc: Services, drop: Path) -> None:
    before = snapshot(drop)
    ingest_dir(svc, drop, DocKind.LEGAL, MAX, lifecycle="move")
    processed, refused = drop.parent / "processed", drop.parent / "refused"
    assert snapshot(drop) == Counter()  # only (empty) folders are left
    moved = snapshot(processed) + snapshot(refused)
    reason_files = list(refused.glob("*.reason.json"))
    assert len(reason_files) == sum(EXPECTED_REFUSALS.values())
    for path in reason_files:
        moved["file", hashlib.sha256(path.read_bytes()).hexdigest()] -= 1
    assert +moved == before
    ingested, _ = accounted(svc)
    assert sorted(p.name for p in processed.iterdir()) == sorted(ingested)
    count = svc.ledger.count()
    ingest_dir(svc, drop, DocKind.LEGAL, MAX, lifecycle="move")
    assert svc.ledger.count() == count


def test_streamed_id_matches_the_whole_content_id(tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    path = tmp_path / "f"
    path.write_bytes(data)
    with open(path, "rb") as source:
        digests = digest_file(source, "m1", len(data), "entry-1")
    assert digests.doc_id == document_id("m1", data)
    assert digests.sha256 == hashlib.sha256(data).hexdigest() and digests.size == len(data)
