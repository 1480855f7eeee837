"""Names announced by a cue or a signature, in any case (known answers): each following
word must be name-like (census name, or in no lexicon); plain words end the name."""

from __future__ import annotations

import pytest

from redaction.cues import find_cued_names, find_signed_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("seen by dr brannigan today", ["brannigan"]),
        ("SEEN BY DR. Q. BRANNIGAN TODAY", ["Q. BRANNIGAN"]),
        ("son zyxwortel visited", ["zyxwortel"]),
        ("dr aware of plan", []),  # a plain word is no name
        ("son called back", []),
        ("spoke with son this morning", []),  # a relation after a cue is the next cue
        ("spoke with daughter zyxwortel", ["zyxwortel"]),
        ("Mrs Son called", ["Son"]),  # after a title it is a surname
        ("dr. q. then left", []),  # a lone initial is refused
        ("spoke with Quill Brannigan's office", ["Quill Brannigan"]),  # possessive left out
        ("Dr. Brannigan. Plan unchanged", ["Brannigan"]),  # a full stop ends the name
    ],
)
def test_find_cued_names(text: str, names: list[str]) -> None:
    found = list(find_cued_names(text))
    assert [text[f.start : f.end] for f in found] == names
    assert all((f.label, f.source) == ("PERSON", "context:cue") for f in found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("plan reviewed.\nq. brannigan rrt", ["q. brannigan"]),
        ("QUILL A. BRANNIGAN, RRT\n", ["QUILL A. BRANNIGAN"]),
        ("resting comfortably rn\n", []),  # plain words before a credential
        ("q. rn\n", []),  # a lone initial
    ],
)
def test_find_signed_names(text: str, names: list[str]) -> None:
    found = list(find_signed_names(text))
    assert [text[f.start : f.end] for f in found] == names
    assert all(f.source == "context:signed" for f in found)
