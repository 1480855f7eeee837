"""Decompression-bomb limits, checked with pypdf before PDFium decodes anything.

Every stream of the file is inflated with a bounded zlib decoder (chains of Flate
filters included), so a small file that expands to gigabytes is refused after reading
at most the limit; embedded images are refused by declared pixel count. Streams in
other encodings are bounded by the rendered-page pixel limit and the time limit.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, IndirectObject, NameObject, StreamObject

from models.errors import CorruptDocument, EncryptedDocument
from redaction.pdf_limits import DEFAULT_LIMITS, Deadline, PdfLimits

_FLATE = {"/FlateDecode", "/Fl"}


def check_bombs(
    data: bytes,
    password: str | None = None,
    ref: str = "",
    limits: PdfLimits = DEFAULT_LIMITS,
    deadline: Deadline | None = None,
) -> None:
    """Raise DocumentTooLarge if any stream (or all of them) inflates past the limits."""
    deadline = deadline or limits.deadline(ref)
    total = 0
    reader: PdfReader | None = None
    try:
        reader = _open(data, password, ref)
        for stream in _streams(reader):
            deadline.check()
            _check_image(stream, ref, limits)
            size = _inflated_size(stream, limits.max_stream_bytes + 1)
            limits.check_stream(size, ref)
            total += size
            limits.check_decoded(total, ref)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise CorruptDocument(ref, "unreadable object structure") from exc
    finally:
        if reader is not None:
            reader.close()  # its objects point back at it: freed now, not at a full GC


def _open(data: bytes, password: str | None, ref: str) -> PdfReader:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(password or ""):
        raise EncryptedDocument(ref)
    return reader


def _streams(reader: PdfReader) -> Iterator[StreamObject]:
    for generation, table in reader.xref.items():
        for number in table:
            try:
                obj = IndirectObject(number, generation, reader).get_object()
            except (PyPdfError, ValueError, KeyError, OSError):
                continue  # an object PDFium cannot use either; structure was checked already
            if isinstance(obj, StreamObject):
                yield obj
            reader.resolved_objects.clear()  # one object's bytes at a time, not the file's


def _filters(stream: StreamObject) -> list[str]:
    value = stream.get("/Filter")
    value = value.get_object() if value is not None else None
    if isinstance(value, NameObject):
        return [str(value)]
    if isinstance(value, ArrayObject):
        return [str(v.get_object()) for v in value]
    return []


def _inflated_size(stream: StreamObject, cap: int) -> int:
    """Size after the leading Flate filters, never decoding more than ``cap`` bytes."""
    payload = stream._data  # raw (decrypted) bytes, still encoded
    for name in _filters(stream):
        if name not in _FLATE:
            break
        payload = _bounded_inflate(payload, cap)
        if len(payload) >= cap:
            break
    return len(payload)


def _bounded_inflate(payload: bytes, cap: int) -> bytes:
    decoder = zlib.decompressobj()
    try:
        return decoder.decompress(payload, cap)
    except zlib.error:
        return payload[:0]  # undecodable: PDFium shows nothing of it either


def _check_image(stream: StreamObject, ref: str, limits: PdfLimits) -> None:
    if stream.get("/Subtype") != "/Image":
        return
    width, height = stream.get("/Width", 0), stream.get("/Height", 0)
    if isinstance(width, int) and isinstance(height, int):
        limits.check_image(int(width), int(height), ref)
