"""Document identity: deterministic per matter and content; media types; states."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.document import DocState, MediaType, content_hash, document_id


@given(st.binary(max_size=64), st.text(min_size=1, max_size=8))
def test_same_content_same_matter_same_id(data: bytes, matter: str) -> None:
    assert document_id(matter, data) == document_id(matter, data)
    assert document_id(matter, data) != document_id(matter + "x", data)
    assert document_id(matter, data).startswith("doc-") and len(document_id(matter, data)) == 24


def test_known_answers() -> None:
    assert content_hash(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert (MediaType.PDF.suffix, MediaType.TEXT.suffix) == (".pdf", ".txt")
    assert {s for s in DocState if s.terminal} == {DocState.DELIVERED, DocState.QUARANTINED}
