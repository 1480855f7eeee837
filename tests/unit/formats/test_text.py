"""Plain text: every encoding the text codec recognises, one page per form feed."""

from __future__ import annotations

import pytest

from formats.ports import OpenContext
from formats.text import TextFormat

CASES = [
    ("Grüße\fzwei".encode(), "Grüße\fzwei", 2),
    ("Grüße".encode("utf-16"), "Grüße", 1),
    ("Grüße".encode("cp1252"), "Grüße", 1),
]


@pytest.mark.parametrize(("data", "text", "pages"), CASES)
def test_open(data: bytes, text: str, pages: int) -> None:
    opened = TextFormat().open(data, OpenContext("d"))
    assert (opened.text, opened.pages) == (text, pages)
