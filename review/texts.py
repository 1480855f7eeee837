"""A batch's rendition texts, for checking annotation quotes (read lazily, hash-checked)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from models.errors import BatchNotFound
from models.review import Manifest

ReadFile = Callable[[str], bytes]  # a path under the batch prefix -> its bytes


def text_reader(manifest: Manifest, read: ReadFile) -> Callable[[str], str | None]:
    """doc id -> its rendition text, or ``None`` if unknown, unreadable or not the manifest's."""

    def text_of(doc_id: str) -> str | None:
        doc = manifest.doc(doc_id)
        if doc is None:
            return None
        try:
            body = read(doc.text_path)
        except BatchNotFound:
            return None
        if hashlib.sha256(body).hexdigest() != doc.text_sha256:
            return None
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None

    return text_of


def pulled_text_reader(manifest: Manifest, folder: Path) -> Callable[[str], str | None]:
    """The same over a pulled batch folder (``<doc_id>.txt`` next to ``manifest.json``)."""

    def read(rel_path: str) -> bytes:
        doc_id = Path(rel_path).stem
        path = folder / f"{doc_id}.txt"
        return path.read_bytes() if path.is_file() else b""

    return text_reader(manifest, read)
