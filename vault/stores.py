"""The ``BlobStore`` seam: where sealed bytes live (local dir, S3, memory).

Stores hold ciphertext only and know nothing about sealing. Object keys are
relative, ``/``-separated paths of opaque ids (``VaultRef.key``); every
implementation refuses keys that could escape its root, so all behave alike.
"""

from __future__ import annotations

import io
import re
import threading
from typing import BinaryIO, Protocol

from models.errors import InvalidObjectKey, VaultObjectMissing

COPY_CHUNK = 1024 * 1024
_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
MAX_KEY_LENGTH = 1024


class BlobStore(Protocol):
    def put(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key``, replacing any previous object atomically."""
        ...

    def put_stream(self, key: str, source: BinaryIO) -> None:
        """Store everything ``source`` yields, in bounded memory, replacing atomically:
        until it completes readers see the previous object (or none)."""
        ...

    def put_new(self, key: str, data: bytes) -> bool:
        """Store only if ``key`` is absent (atomic: of racing writers exactly one wins);
        True when this call created it."""
        ...

    def get(self, key: str) -> bytes:
        """The object's bytes; ``VaultObjectMissing`` if absent."""
        ...

    def open(self, key: str) -> BinaryIO:
        """A readable stream of the object (caller closes it); ``VaultObjectMissing``
        if absent. A reader keeps the version it opened even if it is replaced."""
        ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove the object; deleting an absent object is not an error."""
        ...

    def list(self, prefix: str) -> list[str]:
        """Keys starting with ``prefix`` (plain string prefix), sorted."""
        ...


def check_key(key: str) -> str:
    """Refuse absolute, empty, dot-dot or otherwise odd keys (the key is not echoed)."""
    parts = key.split("/")
    if len(key) > MAX_KEY_LENGTH or not all(_SEGMENT.match(p) for p in parts):
        raise InvalidObjectKey()
    return key


def check_prefix(prefix: str) -> str:
    """A list prefix: empty, or a key (possibly ending in ``/``)."""
    if prefix:
        check_key(prefix.removesuffix("/"))
    return prefix


class MemoryStore:
    """In-memory fake with the same contract as the real stores."""

    def __init__(self) -> None:
        self._objects: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def put(self, key: str, data: bytes) -> None:
        self._objects[check_key(key)] = bytes(data)

    def put_new(self, key: str, data: bytes) -> bool:
        with self._lock:
            if check_key(key) in self._objects:
                return False
            self._objects[key] = bytes(data)
            return True

    def put_stream(self, key: str, source: BinaryIO) -> None:
        check_key(key)
        chunks = iter(lambda: source.read(COPY_CHUNK), b"")
        self._objects[key] = b"".join(chunks)

    def get(self, key: str) -> bytes:
        try:
            return self._objects[check_key(key)]
        except KeyError:
            raise VaultObjectMissing(key) from None

    def open(self, key: str) -> BinaryIO:
        return io.BytesIO(self.get(key))

    def exists(self, key: str) -> bool:
        return check_key(key) in self._objects

    def delete(self, key: str) -> None:
        self._objects.pop(check_key(key), None)

    def list(self, prefix: str) -> list[str]:
        check_prefix(prefix)
        return sorted(k for k in self._objects if k.startswith(prefix))
