"""A name alone on the first line of a contact block. Every text here was written for these
tests."""

from __future__ import annotations

import pytest

from redaction.name_lines import find_name_lines


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_name_lines(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ysolde Marrak\nQuist Holdings Ltd\n12 Elm Row", ["Ysolde Marrak"]),
        ("Thanks.\n\nDagny K Roalsen\nClaims handler", ["Dagny K Roalsen"]),
        ("Zdeňka Horáková\\n\\nTram driver\\n\\n4 Lípová", ["Zdeňka Horáková"]),  # escaped breaks
        ("Brigid Okonjo\n\n7 Harbour Way", ["Brigid Okonjo"]),
        # headings, plain words, companies and a line inside a paragraph are no name lines
        ("Criminal Appeal\nfiled in 2019", []),
        ("Vice President\nTrading", []),
        ("Enron Oil Corp.\nHouston", []),
        ("We met\nYsolde Marrak\nat noon", []),
        ("Ysolde Marrak", []),  # nothing follows
    ],
)
def test_name_lines(text: str, names: list[str]) -> None:
    assert _names(text) == names
