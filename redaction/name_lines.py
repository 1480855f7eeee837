"""A name alone on the first line of a contact block: a letter's addressee, a card, an intake
form's header, a signature ("Ysolde Marrak\\nQuist Holdings Ltd\\n12 Elm Row").

The line holds two to four name words only (a census given name or a word in no lexicon first,
then initials or words that are no plain word, as ``signatures`` tests them), it opens a block
(the text's start or after a blank line) and another line follows it. Not in clinical notes,
where short ALL-CAPS lines are shorthand. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:name-line"
_FORM_WORDS = "corp inc ltd llc llp plc co company corporation limited group holdings"
_FORMS = frozenset(_FORM_WORDS.split())
# An escaped break ("\\n") counts as a break: generated data and some exports carry them.
_BREAK = r"(?:\r?\n|\\n)"
_WORD = r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*\.?"
_LINE = re.compile(
    rf"(?:\A|{_BREAK}[ \t]*{_BREAK})[ \t]*(?P<n>{_WORD}(?:[ \t]{_WORD}){{1,3}})[ \t]*"
    rf"{_BREAK}(?:[ \t]*{_BREAK})?[ \t]*(?=\S)"
)


def find_name_lines(text: str) -> Iterator[Finding]:
    """Full names alone on a block's first line (not in clinical notes)."""
    if clinical_register(text):
        return
    for m in _LINE.finditer(text):
        words = m.group("n").split()
        if _titled(words) and _given(words[0]) and all(_name_word(w) for w in words[1:]):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)


def _titled(words: list[str]) -> bool:
    """Every word starts with a capital, and the first is a word, not an initial."""
    return all(w[0].isupper() for w in words) and len(words[0].rstrip(".")) > 1


def _given(word: str) -> bool:
    """A census given name or a word in no lexicon ("Ysolde"); a surname that is also a word
    ("Vice", "Senior") does not start a name."""
    return plain(word) in first_names() or kind(word) in (Kind.NAME, Kind.UNKNOWN)


def _name_word(word: str) -> bool:
    """An initial, a census given name, or any word that is no plain word nor a legal form."""
    if plain(word) in _FORMS:
        return False
    if len(word.rstrip(".")) == 1:
        return True
    return plain(word) in first_names() or kind(word) is not Kind.WORD
