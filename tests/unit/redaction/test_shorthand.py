"""Clinical shorthand and misspellings (known answers): a prefix of longer medical words, or
one edit from a word and from no name, is a word; short tokens say nothing."""

from __future__ import annotations

from redaction.shorthand import abbreviates, edits, misspells

WORDS = {"cardiology", "hospital"}
NAMES = {"hosking"}


def test_edits_are_one_step_away() -> None:
    near = edits("abc")
    assert {"ab", "bac", "abd", "abcd", "xabc"} <= near and "abc" not in near
    assert "cba" not in near  # two steps


def test_misspellings_of_words_not_of_names() -> None:
    assert misspells("cardiolgy", WORDS.__contains__, NAMES.__contains__)
    assert not misspells("hospitl", WORDS.__contains__, {"hospitol"}.__contains__)  # a name near
    assert not misspells("hosp", WORDS.__contains__, NAMES.__contains__)  # too short
    assert not misspells("zyxwortel", WORDS.__contains__, NAMES.__contains__)


def test_abbreviations_begin_longer_medical_words() -> None:
    assert abbreviates("cardi")  # cardiac, cardiology, ...
    assert not abbreviates("ca")  # too short to say anything
    assert not abbreviates("cardiomyopathies")  # longer than any prefix
    assert not abbreviates("zyxw")
