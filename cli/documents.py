"""Reading a local file into the text detection runs on (for detect/redact/extract)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.document import MediaType
from models.errors import CorruptDocument, UnsupportedDocument
from redaction import pdf
from redaction.text_codec import decode_text
from stages.ingest import sniff


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
    media = sniff(data)
    if media is None:
        raise UnsupportedDocument("input")
    return LocalFile(path, media, data)


def text_of(file: LocalFile, engine: pdf.PdfEngine) -> str:
    """Exactly the text the pipeline's detection runs on (PDF: the engine's extraction)."""
    if file.media_type is MediaType.PDF:
        return engine.extract(file.data, ref="input").text
    return decode_text(file.data)
