"""Hostile inputs fail closed with a per-document error code, before the expensive work:
ZIP bombs and odd packages for Word, huge declared images and too many frames, e-mail
nesting (in test_eml), text past the character limit."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from formats.build import open_safely
from formats.limits import FormatLimits
from formats.ports import OpenContext
from formats.registry import build_registry
from models.document import MediaType
from models.errors import CorruptDocument, DocumentTooLarge, UnsupportedDocument

from .documents import CONTENT_TYPES, docx, encode_image, plain, text_image

CTX = OpenContext("doc-h")
MiB = 1024 * 1024


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _bomb() -> bytes:
    """A Word package whose body inflates 1000:1 (about 50 MiB of spaces)."""
    return docx([plain("x")], extra={"word/footnotes.xml": b" " * (50 * MiB)})


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image (no pixel data worth decoding)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


SMALL = FormatLimits(zip_max_entries=5, max_pages=2, max_image_pixels=1_000_000, max_chars=50)
CASES = [
    ("zip bomb: compression ratio", MediaType.DOCX, _bomb, DocumentTooLarge),
    (
        "too many entries",
        MediaType.DOCX,
        lambda: _zip({f"word/p{i}.xml": b"" for i in range(9)}),
        DocumentTooLarge,
    ),
    (
        "ZIP without a Word body",
        MediaType.DOCX,
        lambda: _zip({"[Content_Types].xml": CONTENT_TYPES.encode()}),
        UnsupportedDocument,
    ),
    (
        "XML entity bomb",
        MediaType.DOCX,
        lambda: docx(
            [],
            extra={"word/document.xml": b'<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'},
        ),
        CorruptDocument,
    ),
    (
        "text past the character limit",
        MediaType.DOCX,
        lambda: docx([plain("y" * 80)]),
        DocumentTooLarge,
    ),
    (
        "huge declared image",
        MediaType.PNG,
        lambda: _png_declaring(40_000, 40_000),
        DocumentTooLarge,
    ),
    (
        "too many TIFF frames",
        MediaType.TIFF,
        lambda: encode_image([text_image(["x"], (40, 30))] * 3, "TIFF"),
        DocumentTooLarge,
    ),
    (
        "truncated JPEG",
        MediaType.JPEG,
        lambda: encode_image([text_image(["x"], (200, 80))], "JPEG")[:300],
        CorruptDocument,
    ),
]


@pytest.mark.parametrize(("case", "media", "make", "error"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input_is_refused_with_its_code(case, media, make, error) -> None:
    fmt = build_registry(limits=SMALL).get(media)
    with pytest.raises(error) as caught:
        open_safely(fmt, make(), CTX)
    assert caught.value.code == error.code and "doc-h" in str(caught.value)


def test_the_bomb_is_refused_from_the_directory_without_inflating() -> None:
    data = _bomb()
    assert len(data) < MiB  # small on disk
    with pytest.raises(DocumentTooLarge):
        build_registry().get(MediaType.DOCX).open(data, CTX)
