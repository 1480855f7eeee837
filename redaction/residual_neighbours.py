"""Residual-risk name parts beside a person's token: a word in no lexicon left right before
or after a redacted person (``QUENNAR [PERSON_2] CALLED``, ``[PERSON_1] vossberg np``) is the
other half of that name, which a lower-case or ALL-CAPS note and a surrogate or foreign name
give no other sign of. Only in lower-case and ALL-CAPS texts; the word is judged as
``residual_subjects`` judges one (no shorthand, misspelling, clipped word, abbreviation,
compound) and is no role ("docter").

Lexicon and shape only, no detector; read on the rendition itself, tokens and all."""

from __future__ import annotations

import re

from redaction.informed_names import name_word
from redaction.residual_acronyms import lower_register, mostly_upper
from redaction.residual_subjects import name_like

_TOKEN = r"\[PERSON_[\w-]+\]"
_BESIDE = re.compile(
    rf"(?<![\w'\u2019-])(?P<a>[^\W\d_]{{4,}})[ \t]{_TOKEN}"
    rf"|{_TOKEN}[ \t](?P<b>[^\W\d_]{{4,}})(?![\w'\u2019-])"
)


def token_neighbours(rendition: str) -> int:
    """Distinct words in no lexicon right beside a person's token, in a lower-case or ALL-CAPS
    text (in mixed case, foreign words beside a name are common and NER read the capitals)."""
    caps = mostly_upper(rendition)
    if not (caps or lower_register(rendition)):
        return 0
    words = {m.group("a") or m.group("b") for m in _BESIDE.finditer(rendition)}
    return len({w.casefold() for w in words if name_like(w, caps) and name_word(w)})
