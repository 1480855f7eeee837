"""HTML bodies reduced to their text: known answers."""

from __future__ import annotations

import pytest

from formats.eml_read import html_text

CASES = [
    ("<p>Hello <b>there</b></p>", "\nHello there"),
    ("a<br>b", "a\nb"),
    ("<style>p{}</style><script>x()</script>kept", "kept"),
    ("caf&eacute; &amp; co", "café & co"),
    ("<table><tr><td>1</td><td>2</td></tr></table>", "\n\n12"),
]


@pytest.mark.parametrize(("html", "text"), CASES)
def test_html_text(html: str, text: str) -> None:
    assert html_text(html) == text
