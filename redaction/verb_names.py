"""A lone name as the subject of a reporting verb: "Ambrose mentioned that ...", "per our call,
Quist asked us to ...", "Yates said". NER drops lone names, most of all at the start of a
sentence. The word must be capitalised (not all capitals) and a census name that is no word
of any kind (``Kind.NAME``), and no place or country ("Dayton said" is about a city's council
as often as not); the verb, a verb of saying or sending, follows it in lower case (auxiliaries
such as "was" or "had" follow states and companies as often). Not in clinical notes. Pure
function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from models.finding import Finding
from redaction.clinical import DATA, read_words
from redaction.gazetteer import places
from redaction.mail_register import clinical_text
from redaction.wordclass import Kind, kind, plain

SOURCE = "lexicon:verb-name"
_VERBS = (
    r"said|says|asked|asks|mentioned|mentions|told|tells|called|calls|wrote|writes|suggested"
    r"|suggests|agreed|agrees|wants|wanted|thinks|thought|confirmed|confirms|indicated"
    r"|requested|replied|noted|explained|informed|promised|emailed|e-mailed|phoned|left"
    r"|sent|signed|approved"
)
_SUBJECT = re.compile(
    rf"(?<![\w'\u2019.@/-])(?P<n>[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*)[ \t]+(?:{_VERBS})\b"
)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Towns, states and countries ("Austria signed the protocol")."""
    return places() | read_words(DATA / "countries.txt")


def find_verb_names(text: str) -> Iterator[Finding]:
    """Names standing alone before a reporting verb (none in clinical notes)."""
    if clinical_text(text):
        return
    for m in _SUBJECT.finditer(text):
        word = m.group("n")
        if kind(word) is Kind.NAME and plain(word) not in _places():
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.65, SOURCE)
