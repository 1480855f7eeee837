"""A readable stream over chunks, read in any buffer size, never holding the whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vault.streams import reader


@given(st.lists(st.binary(max_size=50), max_size=10), st.integers(1, 64))
def test_reads_back_exactly_the_chunks(chunks: list[bytes], size: int) -> None:
    stream = reader(iter(chunks))
    got = b""
    while block := stream.read(size):
        got += block
    assert got == b"".join(chunks)
