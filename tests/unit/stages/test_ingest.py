"""The ingest driver over the inbox port: a directory and the same files in memory give
the same ids and routing tags (families, specialties), and one unreadable entry does not
stop the others."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from intake.inbox import DirInbox, MemoryInbox
from intake.ports import InboxEntry
from models.audit import Action
from models.document import DocKind
from stages.ingest import ingest_from
from stages.services import Services

MAX = 1 << 20


def ingest_events(svc: Services) -> dict[str, dict[str, object]]:
    return {e.object_id: e.details for e in svc.ledger.events(action=Action.DOC_INGESTED.value)}


def test_directory_inbox_matches_the_same_files_in_memory(svc: Services, inbox: Path) -> None:
    family = inbox / "legal" / "smith-v-jones-emails"
    family.mkdir()
    (family / "a.txt").write_text("First message.", encoding="utf-8")
    (family / "b.txt").write_text("Its attachment.", encoding="utf-8")
    files = {
        str(p.relative_to(inbox)): p.read_bytes() for p in sorted(inbox.rglob("*")) if p.is_file()
    }
    in_memory = ingest_from(svc, MemoryInbox(files), DocKind.LEGAL, MAX)
    expected = [o.doc_id for o in in_memory.outcomes]
    details = ingest_events(svc)
    svc.ledger = type(svc.ledger)("sqlite://")
    run = ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, MAX)
    assert [o.doc_id for o in run.outcomes] == expected and run.failed == 0
    assert ingest_events(svc) == details
    assert len({d.get("family") for d in details.values()} - {None}) == 1


class Flaky(MemoryInbox):
    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]:
        for entry in super().entries(default_kind):
            if entry.name == "bad.txt":
                yield InboxEntry(entry.parts, entry.kind, self._fail)
            else:
                yield entry

    @staticmethod
    def _fail() -> bytes:
        raise OSError("unreadable")


def test_an_unreadable_entry_is_counted_and_skipped(svc: Services) -> None:
    files = {"legal/bad.txt": b"x", "legal/good.txt": b"fine", "medical/ok.txt": b"also fine"}
    run = ingest_from(svc, Flaky(files), DocKind.LEGAL, MAX)
    assert run.failed == 1 and len(run.outcomes) == 2
    again = ingest_from(svc, Flaky(files), DocKind.LEGAL, MAX)
    assert again.failed == 1 and not any(o.new for o in again.outcomes)
