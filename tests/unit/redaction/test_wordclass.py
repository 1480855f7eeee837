"""Word classes from the lexicons (known answers): plain words, names, names that are also
very common words, unknown tokens; plain forms and compounds."""

from __future__ import annotations

import pytest

from redaction.wordclass import Kind, in_dictionary, is_common, kind, plain


@pytest.mark.parametrize(
    ("word", "expected"),
    [("'Quill's", "quill"), ("Dr.", "dr"), ("Quill\u2019s", "quill"), ("WARD", "ward")],
)
def test_plain(word: str, expected: str) -> None:
    assert plain(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("walked", Kind.WORD),  # common English, by inflection
        ("the", Kind.WORD),  # a function word
        ("morphine", Kind.WORD),  # clinical vocabulary
        ("b12", Kind.WORD),  # not alphabetic: never a name
        ("Brannigan", Kind.NAME),  # census surname, rare as a word
        ("BRANNIGAN", Kind.NAME),  # any case
        ("Will", Kind.WORD),  # a function word first
        ("hope", Kind.WORDNAME),  # a census name that is also a very common word
        ("Rose", Kind.WORDNAME),
        ("Zyxwortel", Kind.UNKNOWN),
        ("Zyxwortel-Brannigan", Kind.NAME),  # a compound: its most name-like part
        ("walked-Zyxwortel", Kind.UNKNOWN),
    ],
)
def test_kind(word: str, expected: Kind) -> None:
    assert kind(word) is expected


def test_in_dictionary_follows_regular_inflections() -> None:
    assert in_dictionary("walk") and in_dictionary("walking") and in_dictionary("walks")
    assert not in_dictionary("zyxwortels")


def test_common_words_and_word_names_are_common_names_are_not() -> None:
    assert is_common("walked") and is_common("the") and is_common("hope")
    assert not is_common("Brannigan") and not is_common("Zyxwortel")
