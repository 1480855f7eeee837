"""Web sites after a label (text written for the test)."""

from __future__ import annotations

import pytest

from redaction.website_cues import find_cued_websites


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("Website: quillmoor.example", ["quillmoor.example"]),
        ("Web:\nshop.tallowby.co.nz/orders/", ["shop.tallowby.co.nz/orders/"]),
        ("E-mail:\\nx@y.test\\n\\nWebsite:\\nhttps://Brekku.is/\\n", ["https://Brekku.is/"]),
        ("URL: intranet.ostrova.cz.", ["intranet.ostrova.cz"]),
        ("the site was cleaned, see Fig.3 and e.g. below", []),
        ("Site: left arm", []),
    ],
)
def test_cued_websites(text: str, urls: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_cued_websites(text)] == urls
