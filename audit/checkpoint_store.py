"""Where checkpoints are kept: the ``CheckpointStore`` port, a local directory, memory.

Stores are write-once: putting a checkpoint whose name exists keeps the first one (a
concurrent writer that checkpointed the same tree size). ``all()`` skips nothing: an
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

    def all(self) -> list[Checkpoint]:
        """Every stored checkpoint, by tree size."""
        ...


class MemoryCheckpoints:
    """In-memory fake."""

    def __init__(self, name: str = "memory") -> None:
        self.name = name
        self.objects: dict[str, bytes] = {}

    def put(self, cp: Checkpoint) -> bool:
        if cp.name in self.objects:
            return False
        self.objects[cp.name] = cp.to_json()
        return True

    def all(self) -> list[Checkpoint]:
        return [Checkpoint.from_json(self.objects[n], n) for n in sorted(self.objects)]


class LocalCheckpoints:
    """One JSON file per checkpoint in a directory (kept next to the ledger)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.name = "local"

    def put(self, cp: Checkpoint) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".part-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(cp.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, self.folder / cp.name)
        except FileExistsError:
            return False
        finally:
            os.unlink(tmp)
        return True

    def all(self) -> list[Checkpoint]:
        if not self.folder.is_dir():
            return []
        paths = sorted(self.folder.glob("checkpoint-*.json"))
        return [Checkpoint.from_json(p.read_bytes(), p.name) for p in paths]
