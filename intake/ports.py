"""The intake package's port: an inbox is a sorted stream of entries to ingest.

Adapters (``intake.inbox``): ``DirInbox`` (a local directory), ``S3Inbox`` (an S3 prefix;
the boto3 client comes from the composition root) and ``MemoryInbox`` (the fake).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from models.document import DocKind
from models.errors import EntryRefused


@dataclass(frozen=True)
class InboxEntry:
    parts: tuple[str, ...]  # path relative to the inbox: PII, sealed/tagged, never logged
    kind: DocKind
    read: Callable[[], bytes]
    entry_id: str = ""  # opaque; "" where the inbox has none (directory, memory)
    size: int = -1  # listed size, -1 when unknown before reading
    refusal: EntryRefused | None = None  # refused before reading, recorded as such

    @property
    def name(self) -> str:
        return self.parts[-1]


class Inbox(Protocol):
    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]: ...
