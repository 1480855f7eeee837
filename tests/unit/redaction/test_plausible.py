"""Name evidence for findings (known answers): a person/place/organisation finding is kept
only when some token can be a name, given whether the text is shouting."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.plausible import keep_plausible, name_evidence, plausible, shouting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LUNGS CLR, PT RESTING.", True),
        ("Lungs clear, resting comfortably.", False),
        ("12 34", False),
    ],
)
def test_shouting(text: str, expected: bool) -> None:
    assert shouting(text) is expected


@pytest.mark.parametrize(
    ("token", "caps", "cued", "expected"),
    [
        ("sputum", False, False, False),  # a plain word
        ("Brannigan", False, False, True),  # a census name
        ("BRANNIGAN", True, False, True),
        ("Zyxwortel", False, False, True),  # in no lexicon, capitalised
        ("ZYXW", True, False, False),  # short unknown word in a shouting text
        ("CLR", False, False, False),  # an acronym
        ("Q", False, True, True),  # an initial after a cue
        ("q", True, True, True),
    ],
)
def test_name_evidence(token: str, caps: bool, cued: bool, expected: bool) -> None:
    assert name_evidence(token, caps, cued) is expected


def finding(text: str, value: str, label: str, source: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), label, 0.8, source)


@pytest.mark.parametrize(
    ("text", "value", "label", "source", "kept"),
    [
        ("Seen by Brannigan today.", "Brannigan", "PERSON", "ner:PERSON", True),
        ("LUNGS CLR. SPUTUM THICK.", "SPUTUM THICK", "PERSON", "ner:PERSON", False),  # noise
        ("SEEN BY BRANNIGAN TODAY.", "BRANNIGAN", "PERSON", "ner:PERSON", True),
        ("Call 555-0100 today.", "555-0100", "PHONE", "pattern:phone", True),  # not guarded
        ("Lives at 12 Elm Street.", "12 Elm Street", "ADDRESS", "pattern:address", True),
        # a cue in mixed case vouches for any token; in a shouting text it needs a name-like one
        ("per dr sputum", "sputum", "PERSON", "context:title", True),
        ("PER DR SPUTUM THICK.", "SPUTUM THICK", "PERSON", "context:title", False),
    ],
)
def test_plausible(text: str, value: str, label: str, source: str, kept: bool) -> None:
    f = finding(text, value, label, source)
    assert plausible(text, f, shouting(text)) is kept
    assert keep_plausible(text, [f]) == ([f] if kept else [])
