"""Where checkpoints are kept: the ``CheckpointStore`` port, a local directory, memory.

Stores are write-once: putting a checkpoint whose name exists keeps the first one (a
concurrent writer that checkpointed the same tree size). Checkpoints are named by their
ledger's id (``<ledger id>/checkpoint-<size>.note``), so several ledgers can share a
store; ``all(ledger_id)`` returns that ledger's checkpoints plus any of the first format
(``checkpoint-<size>.json``, which carried no ledger id). ``all()`` skips nothing: an
unreadable object raises ``LedgerIntegrityError`` naming it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from audit.checkpoint import Checkpoint


class CheckpointStore(Protocol):
    name: str

    def put(self, cp: Checkpoint) -> bool:
        """Store ``cp`` unless one of that name exists; True when written."""
        ...

    def all(self, ledger_id: str) -> list[Checkpoint]:
        """Every stored checkpoint of the ledger (and of the first format), by tree size."""
        ...


def belongs(name: str, ledger_id: str) -> bool:
    """Whether object ``name`` (relative to the store's root) is one of the ledger's."""
    if "/" in name:
        folder, leaf = name.split("/", 1)
        return folder == ledger_id and leaf.startswith("checkpoint-") and leaf.endswith(".note")
    return name.startswith("checkpoint-") and name.endswith(".json")


def _order(cps: list[Checkpoint]) -> list[Checkpoint]:
    return sorted(cps, key=lambda cp: (cp.tree_size, cp.format))


class MemoryCheckpoints:
    """In-memory fake."""

    def __init__(self, name: str = "memory") -> None:
        self.name = name
        self.objects: dict[str, bytes] = {}

    def put(self, cp: Checkpoint) -> bool:
        if cp.name in self.objects:
            return False
        self.objects[cp.name] = cp.serialize()
        return True

    def all(self, ledger_id: str) -> list[Checkpoint]:
        names = [n for n in sorted(self.objects) if belongs(n, ledger_id)]
        return _order([Checkpoint.parse(self.objects[n], n) for n in names])


class LocalCheckpoints:
    """One file per checkpoint, under a folder per ledger id."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.name = "local"

    def put(self, cp: Checkpoint) -> bool:
        target = self.folder / cp.name
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(cp.serialize())
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        finally:
            os.unlink(tmp)
        return True

    def all(self, ledger_id: str) -> list[Checkpoint]:
        if not self.folder.is_dir() or not ledger_id:
            return []
        paths = sorted(self.folder.glob("checkpoint-*.json"))
        paths += sorted((self.folder / ledger_id).glob("checkpoint-*.note"))
        return _order([Checkpoint.parse(p.read_bytes(), p.name) for p in paths])
