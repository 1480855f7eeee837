"""Reading a local file into the text detection runs on (for detect/redact/extract)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from formats.build import open_safely
from formats.ports import OpenContext
from formats.registry import FormatRegistry, sniff_bytes
from models.document import MediaType
from models.errors import CorruptDocument, UnsupportedDocument


@dataclass(frozen=True)
class LocalFile:
    path: Path
    media_type: MediaType
    data: bytes


def read(path: Path) -> LocalFile:
    """The file's bytes and media type (from content, as the pipeline does)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorruptDocument("input", "cannot read file") from exc
    media = sniff_bytes(data)  # not stages.ingest: it pulls in the vault and ledger stack
    if media is None:
        raise UnsupportedDocument("input")
    return LocalFile(path, media, data)


def text_of(file: LocalFile, formats: FormatRegistry) -> str:
    """Exactly the text the pipeline's detection runs on (by the file's format)."""
    fmt = formats.get(file.media_type, "input")
    return open_safely(fmt, file.data, OpenContext("input")).text
