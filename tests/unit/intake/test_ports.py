"""The inbox port: an entry's name is the last part of its path; the adapters satisfy it."""

from __future__ import annotations

from pathlib import Path

from intake.inbox import DirInbox, MemoryInbox
from intake.ports import Inbox, InboxEntry
from models.document import DocKind


def test_entry_name_and_adapters(tmp_path: Path) -> None:
    entry = InboxEntry(("medical", "oncology", "scan.txt"), DocKind.MEDICAL, lambda: b"x")
    assert entry.name == "scan.txt" and entry.read() == b"x"
    inboxes: list[Inbox] = [DirInbox(tmp_path), MemoryInbox({"legal/a.txt": b"a"})]
    assert [len(list(i.entries(DocKind.LEGAL))) for i in inboxes] == [0, 1]
