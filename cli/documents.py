"""Reading a local file into the text detection runs on (for detect/redact/extract)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.document import MediaType
from models.errors import CorruptDocument, UnsupportedDocument
from redaction import pdf
from stages.ingest import sniff


@dataclass(frozen=True)
class LocalDoc:
    path: Path
    media_type: MediaType
    data: bytes
    text: str
    parsed: pdf.PdfText | None = None


def load(path: Path) -> LocalDoc:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorruptDocument("input", "cannot read file") from exc
    media = sniff(data)
    if media is MediaType.PDF:
        parsed = pdf.extract(data, ref="input")
        return LocalDoc(path, media, data, parsed.text, parsed)
    if media is MediaType.TEXT:
        return LocalDoc(path, media, data, data.decode("utf-8"))
    raise UnsupportedDocument("input")
