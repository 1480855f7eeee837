"""A Word package's text, read with the standard library (zipfile) and defusedxml.

The ZIP is checked from its central directory before anything is inflated (entry count,
total and per-part size, compression ratio); XML is parsed by defusedxml (no entities, no
DTDs). Text comes in document order with structure surfaced, not dropped: body paragraphs
and table cells (cells joined by `` | ``), tracked insertions as they read and deletions
as ``[deleted: ...]``, then headers, footers, footnotes, endnotes and comments, each a
page of its own under a bracketed heading. One paragraph is one line.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from formats.limits import FormatLimits
from models.errors import CorruptDocument, DocumentTooLarge, UnsupportedDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"
EXTRA_PARTS = (
    ("headers", re.compile(r"word/header\d*\.xml")),
    ("footers", re.compile(r"word/footer\d*\.xml")),
    ("footnotes", re.compile(r"word/footnotes\.xml")),
    ("endnotes", re.compile(r"word/endnotes\.xml")),
    ("comments", re.compile(r"word/comments\.xml")),
)
_CHARS = {f"{W}tab": "\t", f"{W}br": " ", f"{W}cr": " ", f"{W}noBreakHyphen": "-"}


def read_parts(data: bytes, ref: str, limits: FormatLimits) -> dict[str, bytes]:
    """The package's body and its other text parts, after the ZIP bomb checks."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise CorruptDocument(ref, "not a readable ZIP package") from exc
    with archive:
        infos = archive.infolist()
        check_archive(infos, ref, limits)
        names = {info.filename for info in infos}
        if BODY not in names:
            raise UnsupportedDocument(ref, "ZIP package without a Word body")
        wanted = [n for n in sorted(names) if n == BODY or _extra(n)]
        try:
            return {name: archive.read(name) for name in wanted}
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise CorruptDocument(ref, "damaged ZIP entry") from exc


def _extra(name: str) -> bool:
    return any(pattern.fullmatch(name) for _, pattern in EXTRA_PARTS)


def check_archive(infos: list[zipfile.ZipInfo], ref: str, limits: FormatLimits) -> None:
    if len(infos) > limits.zip_max_entries:
        raise DocumentTooLarge(ref, "package has too many entries")
    if sum(info.file_size for info in infos) > limits.zip_max_total:
        raise DocumentTooLarge(ref, "package inflates past the size limit")
    for info in infos:
        if info.file_size > limits.zip_max_part:
            raise DocumentTooLarge(ref, "package part inflates past the size limit")
        if info.file_size > limits.zip_max_ratio * max(info.compress_size, 1024):
            raise DocumentTooLarge(ref, "package part compression ratio too high")


def parse(xml: bytes, ref: str) -> Element:
    try:
        return fromstring(xml)
    except (DefusedXmlException, SyntaxError, ValueError) as exc:
        raise CorruptDocument(ref, "unreadable Word XML part") from exc


def sections(parts: dict[str, bytes], ref: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) for the body, then each non-empty kind of extra part."""
    found = [("", paragraphs(parse(parts[BODY], ref)))]
    for heading, pattern in EXTRA_PARTS:
        lines: list[str] = []
        for name in sorted(n for n in parts if pattern.fullmatch(n)):
            lines += paragraphs(parse(parts[name], ref))
        if any(line.strip() for line in lines):
            found.append((heading, lines))
    return found


def paragraphs(root: Element) -> list[str]:
    """Every top-level paragraph and table row under ``root``, in document order."""
    return [_row_text(b) if b.tag == f"{W}tr" else run_text(b) for b in body_blocks(root)]


def body_blocks(root: Any) -> list[Any]:
    """The elements behind the lines of ``paragraphs``: paragraphs and table rows (works on
    the standard library's and lxml's elements alike)."""
    found: list[Any] = []
    for element in _blocks(root):
        found += list(element.iter(f"{W}tr")) if element.tag == f"{W}tbl" else [element]
    return found


def _blocks(root: Any) -> Iterator[Any]:
    """Paragraphs and tables not nested in another paragraph or table."""
    for child in root:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        else:
            yield from _blocks(child)


def _row_text(row: Element) -> str:
    return " | ".join(_cell_text(cell) for cell in row.iter(f"{W}tc"))


def _cell_text(cell: Element) -> str:
    return " ".join(run_text(p) for p in cell.iter(f"{W}p"))


def run_text(element: Element) -> str:
    """A paragraph's characters, tracked deletions marked, insertions as they read."""
    if element.tag == f"{W}t" or element.tag == f"{W}delText":
        return (element.text or "").replace("\n", " ")
    if element.tag in _CHARS:
        return _CHARS[element.tag]
    inner = "".join(run_text(child) for child in element)
    if element.tag == f"{W}del" and inner:
        return f"[deleted: {inner}]"
    return inner
