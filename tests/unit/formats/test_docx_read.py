"""Word XML to text: runs, tracked changes, tables; known answers."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring

from formats.docx_read import paragraphs

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CASES = [
    ("<w:p><w:r><w:t>a</w:t></w:r><w:r><w:t>b</w:t></w:r></w:p>", ["ab"]),
    ("<w:p><w:ins><w:r><w:t>new</w:t></w:r></w:ins></w:p>", ["new"]),
    ("<w:p><w:del><w:r><w:delText>old</w:delText></w:r></w:del></w:p>", ["[deleted: old]"]),
    ("<w:p><w:r><w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t></w:r></w:p>", ["x-y"]),
    (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        ["1 | 2"],
    ),
    (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>in a control</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        ["in a control"],
    ),
    ("<w:p/><w:p><w:r><w:t>after an empty one</w:t></w:r></w:p>", ["", "after an empty one"]),
]


@pytest.mark.parametrize(("xml", "lines"), CASES)
def test_paragraphs(xml: str, lines: list[str]) -> None:
    assert paragraphs(fromstring(f"<w:body {W}>{xml}</w:body>")) == lines
