"""Media types from content only: a table of known answers."""

from __future__ import annotations

import pytest

from formats.registry import sniff_bytes
from models.document import MediaType

from .documents import docx, email, encode_image, plain, text_image

HEADERS = b"From: a@b.example\nTo: c@d.example\nSubject: x\n\nbody\n"
CASES = [
    (b"%PDF-1.7\n", MediaType.PDF),
    (b"plain words\n", MediaType.TEXT),
    (b"\xef\xbb\xbfwith a byte-order mark\n", MediaType.TEXT),
    (HEADERS, MediaType.EML),
    (b"Received: from x\n\tby y\nFrom: a@b\nDate: today\n\nbody", MediaType.EML),  # folded
    (b"From: a@b.example\n\nonly one header\n", MediaType.TEXT),  # From alone: a note
    (b"Subject: x\nTo: y\n\nno From\n", MediaType.TEXT),
    (b"From: a@b\nTo: c@d\nno blank line ends this", MediaType.TEXT),
    (b"Note: From: a\nTo: b\n\n", MediaType.TEXT),
    (b"\x89PNG\r\n\x1a\n" + bytes(20), MediaType.PNG),
    (b"\xff\xd8\xff\xe0" + bytes(20), MediaType.JPEG),
    (b"II*\x00" + bytes(20), MediaType.TIFF),
    (b"MM\x00*" + bytes(20), MediaType.TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(20), MediaType.MSG),
    (b"PK\x03\x04" + bytes(40), None),  # a ZIP that is not a Word package
    (b"\x00\x01\x02binary", None),
]


@pytest.mark.parametrize(("data", "expected"), CASES)
def test_known_answers(data: bytes, expected: MediaType | None) -> None:
    assert sniff_bytes(data) is expected


def test_built_documents_sniff_as_themselves() -> None:
    assert sniff_bytes(docx([plain("x")])) is MediaType.DOCX
    assert sniff_bytes(email("hello")) is MediaType.EML
    assert sniff_bytes(encode_image([text_image(["x"], (60, 40))], "TIFF")) is MediaType.TIFF


def test_a_misleading_name_does_not_matter(tmp_path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(HEADERS)
    assert sniff_bytes(path.read_bytes()) is MediaType.EML
