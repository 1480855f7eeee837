"""One streaming pass gives the same id and hash as the whole content, in any chunking,
and stops past the size limit."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.document import MediaType, content_hash, document_id
from models.errors import DocumentTooLarge
from stages import stream_hash
from stages.stream_hash import HashingReader, digest_file


@given(st.binary(max_size=4096), st.integers(min_value=1, max_value=97))
def test_streamed_digests_equal_the_whole_content(data: bytes, chunk: int) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stream_hash, "CHUNK", chunk)
        got = digest_file(io.BytesIO(data), "m-1", 1 << 20, "entry-1")
    assert (got.doc_id, got.sha256, got.size) == (
        document_id("m-1", data),
        content_hash(data),
        len(data),
    )


@pytest.mark.parametrize(
    ("data", "media"),
    [(b"%PDF-1.7\n...", MediaType.PDF), (b"plain words\n", MediaType.TEXT)],
)
def test_media_type_is_sniffed_in_the_same_pass(data: bytes, media: MediaType) -> None:
    assert digest_file(io.BytesIO(data), "m-1", 1 << 20, "e").media is media


@given(st.integers(min_value=1, max_value=97), st.sampled_from(["mail", "png", "msg"]))
def test_streamed_sniffing_equals_sniffing_the_whole_content(chunk: int, kind: str) -> None:
    from formats.registry import sniff_bytes

    data = {
        "mail": b"From: a@b.example\nTo: c@d.example\n\nbody " * 3,
        "png": b"\x89PNG\r\n\x1a\n" + bytes(300),
        "msg": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(300),
    }[kind]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stream_hash, "CHUNK", chunk)
        got = digest_file(io.BytesIO(data), "m-1", 1 << 20, "e")
    assert got.media is sniff_bytes(data) is not None


def test_past_the_limit_is_too_large() -> None:
    with pytest.raises(DocumentTooLarge):
        digest_file(io.BytesIO(b"x" * 11), "m-1", 10, "entry-1")


def test_hashing_reader_hashes_what_passes_through() -> None:
    reader = HashingReader(io.BytesIO(b"abcdef"))
    assert reader.read(2) + reader.read() == b"abcdef"
    assert reader.hexdigest() == content_hash(b"abcdef")
