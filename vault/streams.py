"""Small stream adapters: an iterator of byte chunks as a readable file."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, cast


class ChunkReader(io.RawIOBase):
    """Read from an iterator of ``bytes`` chunks, holding at most one chunk."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._chunks: Iterator[bytes] = iter(chunks)
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = memoryview(chunk)
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def reader(chunks: Iterable[bytes]) -> BinaryIO:
    """A buffered binary reader over ``chunks``."""
    return cast(BinaryIO, io.BufferedReader(ChunkReader(chunks), buffer_size=1024 * 1024))
