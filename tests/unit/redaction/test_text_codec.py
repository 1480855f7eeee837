"""Content sniffing: PDF magic at offset 0 only; text in the encodings clients send."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.document import MediaType
from redaction.text_codec import Sniffer, decode_text, sniff

TEXT = "Le caf\u00e9 \u2014 r\u00e9sum\u00e9, na\u00efve.\n"


@pytest.mark.parametrize(
    ("data", "media", "encoding"),
    [
        (b"%PDF-1.7\n1 0 obj", MediaType.PDF, None),
        (b"The header %PDF-1.7 is mentioned here.", MediaType.TEXT, "utf-8"),
        (b"\n%PDF-1.7\n", MediaType.TEXT, "utf-8"),  # magic not at offset 0: not a PDF
        (TEXT.encode("utf-8"), MediaType.TEXT, "utf-8"),
        (TEXT.encode("utf-8-sig"), MediaType.TEXT, "utf-8-sig"),
        (TEXT.encode("utf-16"), MediaType.TEXT, "utf-16"),
        (TEXT.encode("utf-32"), MediaType.TEXT, "utf-32"),
        (TEXT.encode("cp1252"), MediaType.TEXT, "cp1252"),
        ("caf\u00e9 \x81".encode("latin-1"), MediaType.TEXT, "latin-1"),
        (b"\x00\x01\x02binary", None, None),
        (bytes(range(1, 32)) * 4 + b"\xff", None, None),  # control bytes: binary
    ],
)
def test_sniff_table(data: bytes, media: MediaType | None, encoding: str | None) -> None:
    assert sniff(data) == (media, encoding)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
def test_decode_text_round_trips(codec: str) -> None:
    assert decode_text(TEXT.encode(codec)) == TEXT


@given(st.text(min_size=1, max_size=300), st.integers(min_value=1, max_value=64))
def test_streaming_sniff_agrees_with_whole_content(text: str, chunk: int) -> None:
    data = text.encode("utf-8")
    sniffer = Sniffer()
    first = max(chunk, 8)
    sniffer.feed(data[:first])
    for at in range(first, len(data), chunk):
        sniffer.feed(data[at : at + chunk])
    assert sniffer.result() == sniff(data)
