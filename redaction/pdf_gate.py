"""Leak-gate helpers for a finished PDF rendition, using pypdf (not the PDFium that built it).

``rendition_text`` (and ``pdftotext_text`` when poppler is installed) is what the
independent second detection pass reads;
``rendition_problems`` lists structural leaks as stable codes (no text, no values).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject

from models.errors import CorruptDocument
from redaction.pdf_extract import PAGE_BREAK
from redaction.pdf_open import revision_count

_EPOCH_DATE = "D:19700101000000"
_DATE_KEYS = ("/CreationDate", "/ModDate")
_INFO_KEYS = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer", *_DATE_KEYS)
_ROOT_CHECKS = {
    "/AcroForm": "acroform",
    "/Metadata": "xmp",
    "/AA": "actions",
    "/Outlines": "outlines",
    "/AF": "attachments",
    "/PieceInfo": "private-data",
}
_NAME_CHECKS = {"/EmbeddedFiles": "attachments", "/JavaScript": "javascript"}
_PAGE_CHECKS = {"/Annots": "annotations", "/AA": "actions", "/Metadata": "xmp"}


def _stream(pdf: bytes) -> io.BufferedReader:
    """The file for pypdf, read in place: a ``BytesIO`` has ``getbuffer``, which pypdf asks
    for the size and which makes the ``BytesIO`` copy its bytes (memray: 138 MiB for a
    300-page rendition)."""
    return io.BufferedReader(io.BytesIO(pdf))


def _reader(pdf: bytes, ref: str) -> PdfReader:
    try:
        return PdfReader(_stream(pdf), strict=False)
    except (PyPdfError, ValueError, OSError) as exc:
        raise CorruptDocument(ref) from exc


def rendition_text(pdf: bytes, ref: str = "") -> str:
    """Every page's text layer, pages joined by form feeds."""
    reader = _reader(pdf, ref)
    try:
        return PAGE_BREAK.join(_page_texts(reader))
    except (PyPdfError, ValueError, KeyError) as exc:
        raise CorruptDocument(ref) from exc
    finally:
        _release(reader)


def _page_texts(reader: PdfReader) -> Iterator[str]:
    """Each page's text, the objects read for it (its image among them) dropped after it:
    pypdf keeps every object it resolved, so a long rendition's images all stayed (memray:
    140 MiB at 300 pages); they are read again from the file if ever needed."""
    for page in reader.pages:
        yield page.extract_text()
        reader.resolved_objects.clear()


def _release(reader: PdfReader) -> None:
    """Free the reader's copy of the file and every object it decoded now: its objects
    point back at it, so otherwise they wait for a full garbage collection (memray: 54 MiB
    for a 60-page rendition, still held while the refold's detection ran)."""
    reader.close()
    reader.stream.close()


def rendition_problems(pdf: bytes, expected_pages: int | None = None) -> list[str]:
    """Problem codes; an empty list means the file is structurally clean."""
    try:
        reader = PdfReader(_stream(pdf), strict=False)
        if reader.is_encrypted:
            return ["encrypted"]
        problems = list(_document_problems(reader, pdf))
        if expected_pages is not None and len(reader.pages) != expected_pages:
            problems.append("page-count")
    except (PyPdfError, ValueError, KeyError, OSError):
        return ["unreadable"]
    _release(reader)
    return problems


def _document_problems(reader: PdfReader, pdf: bytes) -> Iterator[str]:
    yield from _info_problems(reader)
    root = reader.root_object
    yield from (code for key, code in _ROOT_CHECKS.items() if key in root)
    if isinstance(_resolved(root, "/OpenAction"), DictionaryObject):  # an action, not a view
        yield "open-action"
    yield from _names_problems(root)
    for number, page in enumerate(reader.pages, start=1):
        yield from _page_problems(page, number)
    if revision_count(pdf) > 1:
        yield "revisions"


def _resolved(obj: DictionaryObject, key: str) -> object:
    value = obj.get(key)
    return None if value is None else value.get_object()


def _names_problems(root: DictionaryObject) -> Iterator[str]:
    tree = _resolved(root, "/Names")
    if tree is None:
        return
    if not isinstance(tree, DictionaryObject):
        yield "names"
        return
    yield from (code for key, code in _NAME_CHECKS.items() if key in tree)


def _info_problems(reader: PdfReader) -> Iterator[str]:
    info = reader.trailer.get("/Info")
    if info is None:
        return
    for key, value in info.get_object().items():
        text = str(value.get_object()).strip()
        if not text or (key in _DATE_KEYS and text.startswith(_EPOCH_DATE)):
            continue
        yield f"metadata:{key.lstrip('/') if key in _INFO_KEYS else 'custom'}"


def _page_problems(page: DictionaryObject, number: int) -> Iterator[str]:
    for key, code in _PAGE_CHECKS.items():
        value = _resolved(page, key)
        if value is not None and _non_empty(value):
            yield f"{code}:p{number}"


def _non_empty(value: object) -> bool:
    try:
        return len(value) > 0  # type: ignore[arg-type]
    except TypeError:
        return True


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


def pdftotext_text(pdf: bytes, ref: str = "", timeout: float = 120.0) -> str | None:
    """poppler's text of the rendition (a third extractor), or None when not installed."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-q", "-enc", "UTF-8", "-", "-"],
            input=pdf,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CorruptDocument(ref, "pdftotext failed on rendition") from exc
    if done.returncode != 0:
        raise CorruptDocument(ref, "pdftotext failed on rendition")
    return done.stdout.decode("utf-8", errors="replace").rstrip("\f")
