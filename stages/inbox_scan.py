"""Every entry of an inbox directory, classified without following a link or reading a byte.

The walk uses bytes paths, so a name that is not valid UTF-8 is an ordinary entry (its
text form keeps the raw bytes as surrogate escapes). Links are never followed, whether
they point inside the inbox, outside it or nowhere; hidden entries (a name starting with a
dot) are refused whole; zero-byte files, devices, pipes and sockets are refused. Each
entry has an opaque id from its location and file identity (device, inode, size, mtime),
so the same untouched entry gets the same id on every run while its name stays secret.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.errors import (
    DanglingSymlink,
    EmptyEntry,
    EntryRefused,
    HiddenEntry,
    SpecialEntry,
    SymlinkRefused,
    UnreadableEntry,
)


@dataclass(frozen=True)
class ScannedEntry:
    path: bytes  # absolute; PII, never logged
    parts: tuple[str, ...]  # relative to the inbox (surrogate-escaped); PII, never logged
    entry_id: str  # opaque
    size: int
    refusal: EntryRefused | None = None


def scan(root: Path, matter: str) -> Iterator[ScannedEntry]:
    """Entries in sorted order (routing families need it); directories are walked, not
    yielded, unless they are refused (hidden, unreadable)."""
    yield from _walk(os.fsencode(root), (), matter)


def _walk(folder: bytes, rel: tuple[bytes, ...], matter: str) -> Iterator[ScannedEntry]:
    with os.scandir(folder) as listing:
        items = sorted(listing, key=lambda item: item.name)
    for item in items:
        parts = (*rel, item.name)
        try:
            info = item.stat(follow_symlinks=False)
        except OSError:
            continue  # vanished between listing and stat: nothing left to account for
        entry = ScannedEntry(item.path, _text(parts), _entry_id(matter, parts, info), 0)
        if item.name.startswith(b"."):
            yield _refused(entry, HiddenEntry)
        elif stat.S_ISLNK(info.st_mode):
            yield _refused(entry, SymlinkRefused if _target_exists(item.path) else DanglingSymlink)
        elif stat.S_ISDIR(info.st_mode):
            yield from _subfolder(item.path, parts, entry, matter)
        elif not stat.S_ISREG(info.st_mode):
            yield _refused(entry, SpecialEntry)
        elif info.st_size == 0:
            yield _refused(entry, EmptyEntry)
        else:
            yield ScannedEntry(entry.path, entry.parts, entry.entry_id, info.st_size)


def _subfolder(
    path: bytes, parts: tuple[bytes, ...], entry: ScannedEntry, matter: str
) -> Iterator[ScannedEntry]:
    try:
        yield from _walk(path, parts, matter)
    except PermissionError:
        yield _refused(entry, UnreadableEntry)


def _refused(entry: ScannedEntry, error: type[EntryRefused]) -> ScannedEntry:
    return ScannedEntry(entry.path, entry.parts, entry.entry_id, 0, error(entry.entry_id))


def _target_exists(path: bytes) -> bool:
    return os.path.exists(path)  # only asks; the link is refused either way


def _text(parts: tuple[bytes, ...]) -> tuple[str, ...]:
    return tuple(os.fsdecode(part) for part in parts)


def _entry_id(matter: str, parts: tuple[bytes, ...], info: os.stat_result) -> str:
    digest = hashlib.sha256(matter.encode() + b"\x00" + b"/".join(parts))
    identity = f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"
    digest.update(b"\x00" + identity.encode())
    return f"entry-{digest.hexdigest()[:20]}"
