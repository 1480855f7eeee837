"""Identifiers behind literal backslash-n breaks (text written for the test)."""

from __future__ import annotations

from redaction.escaped_breaks import find_behind_escaped_breaks, unescape_breaks


def test_view_keeps_offsets() -> None:
    text = "Website:\\nhttps://example.test/a\\nTel: +44 20 7946 0321"
    view = unescape_breaks(text)
    assert len(view) == len(text)
    assert view.index("https") == text.index("https")


def test_found_behind_escaped_breaks() -> None:
    text = "Website:\\nhttps://quillmoor.example/\\nFax:\\n+41 (0)22 718 40 93\\n"
    found = {(text[f.start : f.end], f.label) for f in find_behind_escaped_breaks(text)}
    assert ("https://quillmoor.example/", "URL") in found
    assert ("+41 (0)22 718 40 93", "PHONE") in found
    assert all("\\n" not in value for value, _ in found)


def test_nothing_without_escaped_breaks() -> None:
    assert list(find_behind_escaped_breaks("Tel: +44 20 7946 0321\nSee you")) == []
