"""A page's text layer (pure): each non-blank line of the rendition text with its exact
offset, placed on its text object's rectangle when the counts agree."""

from __future__ import annotations

from workbench.pages import layer, page_lines

TEXT = "Line one\n  indented two\n\n\fPage two\n"


def test_page_lines_carry_rendition_offsets() -> None:
    first = page_lines(TEXT, 0)
    assert first == [(0, "Line one"), (11, "indented two")]
    assert all(TEXT[o : o + len(line)] == line for o, line in first)
    second = page_lines(TEXT, 1)
    assert second == [(TEXT.index("Page two"), "Page two")]
    assert page_lines(TEXT, 2) == [] and page_lines(TEXT, -1) == []


def test_lines_sit_on_their_rectangles_when_the_counts_agree() -> None:
    lines = page_lines(TEXT, 0)
    placed = layer(lines, [(10, 20, 110, 32), (10, 40, 90, 40)], (612, 792))
    assert placed["placed"] is True
    assert placed["lines"][0] == {"start": 0, "text": "Line one", "left": 10, "top": 20,
                                  "width": 100, "height": 12}  # fmt: skip
    assert placed["lines"][1]["height"] == 1.0  # never a zero-height line


def test_otherwise_lines_are_stacked_down_the_margin() -> None:
    lines = page_lines(TEXT, 0)
    stacked = layer(lines, [(0, 0, 1, 1)], (600, 800))
    assert stacked["placed"] is False
    assert [(x["left"], x["top"], x["width"]) for x in stacked["lines"]] == [
        (36.0, 0.0, 528.0),
        (36.0, 400.0, 528.0),
    ]
    assert [x["start"] for x in stacked["lines"]] == [0, 11]  # offsets stay exact
