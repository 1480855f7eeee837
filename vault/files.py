"""Durable, private files on a local disk: the one place that fsyncs and publishes secrets."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename or link inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(directory: Path, name: str, data: bytes) -> None:
    """Temp file + fsync + rename + directory fsync: readers see the old or the new bytes."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, directory / name)
    fsync_dir(directory)


def publish_secret(path: Path, size: int) -> None:
    """Create ``path`` (0600) holding ``size`` random bytes, atomically; if it already exists
    (a concurrent creator won), keep it. The bytes go to an exclusively created temp file
    that is linked into place, so a reader never sees a half-written secret."""
    tmp = path.parent / f".new-{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, secrets.token_bytes(size))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
    fsync_dir(path.parent)
