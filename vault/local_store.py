"""``LocalDirStore``: sealed objects as files under one private directory.

Writes are atomic and durable: an opaque temp file in the target directory,
fsync, ``os.replace``, fsync of the directory. Temp names never derive from
the key or the content.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from models.errors import InvalidObjectKey, VaultError, VaultObjectMissing
from vault.files import fsync_dir
from vault.stores import COPY_CHUNK, check_key, check_prefix

_TMP_PREFIX = ".tmp-"


def _make_private_dirs(path: Path) -> None:
    """``mkdir -p`` with 0700 at every level (``Path.mkdir`` gives parents default modes)."""
    missing: list[Path] = []
    while not path.is_dir():
        missing.append(path)
        path = path.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):
            directory.mkdir(mode=0o700)


def _write_file(fd: int, source: BinaryIO) -> None:
    with os.fdopen(fd, "wb") as handle:
        shutil.copyfileobj(source, handle, COPY_CHUNK)
        handle.flush()
        os.fsync(handle.fileno())


class LocalDirStore:
    """A ``BlobStore`` over a directory (created 0700 on first write)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def put(self, key: str, data: bytes) -> None:
        self.put_stream(key, io.BytesIO(bytes(data)))

    def put_stream(self, key: str, source: BinaryIO) -> None:
        path = self._path(key)
        _make_private_dirs(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX)
        try:
            _write_file(fd, source)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        fsync_dir(path.parent)

    def put_new(self, key: str, data: bytes) -> bool:
        """Write a temp file, then hard-link it into place: the link fails if the key exists."""
        path = self._path(key)
        _make_private_dirs(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX)
        try:
            _write_file(fd, io.BytesIO(bytes(data)))
            os.link(tmp, path)
        except FileExistsError:
            return False
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        fsync_dir(path.parent)
        return True

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise VaultObjectMissing(key) from None

    def open(self, key: str) -> BinaryIO:
        try:
            return self._path(key).open("rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise VaultObjectMissing(key) from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            return
        fsync_dir(path.parent)

    def list(self, prefix: str) -> list[str]:
        check_prefix(prefix)
        if not self.root.is_dir():
            return []
        keys = (self._key_of(p) for p in self.root.rglob("*") if p.is_file())
        return sorted(k for k in keys if k and k.startswith(prefix))

    def _path(self, key: str) -> Path:
        """The file for ``key``; refuses anything resolving outside the root."""
        path = self.root.joinpath(*check_key(key).split("/"))
        root = self.root.resolve()
        if not path.resolve().is_relative_to(root):
            raise InvalidObjectKey()
        return path

    def _key_of(self, path: Path) -> str:
        """The key for a stored file, or '' for temp files and stray names."""
        rel = path.relative_to(self.root).as_posix()
        if path.name.startswith(_TMP_PREFIX):
            return ""
        try:
            return check_key(rel)
        except VaultError:
            return ""
