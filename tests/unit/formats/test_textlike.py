"""Line/column geometry of text-like formats: known answers."""

from __future__ import annotations

import pytest

from formats.textlike import line_regions

TEXT = "ab\ncdef\fgh\nij"
CASES = [
    ((0, 2), [(1, (0.0, 0.0, 0.0, 2.0))]),
    ((4, 6), [(1, (1.0, 1.0, 1.0, 3.0))]),
    ((1, 5), [(1, (0.0, 1.0, 1.0, 2.0))]),
    ((9, 13), [(2, (0.0, 1.0, 1.0, 2.0))]),
    ((5, 10), [(1, (1.0, 2.0, 1.0, 4.0)), (2, (0.0, 0.0, 0.0, 2.0))]),  # across a page break
    ((3, 3), []),
]


@pytest.mark.parametrize(("span", "expected"), CASES)
def test_regions(span: tuple[int, int], expected: list) -> None:
    assert [(r.page, r.box) for r in line_regions(TEXT, *span)] == expected
    assert all(r.unit == "line" for r in line_regions(TEXT, *span))


def test_a_span_outside_the_text_is_an_error() -> None:
    with pytest.raises(IndexError):
        line_regions(TEXT, 3, 99)
