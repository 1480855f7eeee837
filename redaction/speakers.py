"""Speaker labels of dialogue, chat logs and interview transcripts: a line that opens with a
name and a colon, then speech ("Ysolde: I told you so.", "Tomasz Wrona: \u201cWho called?\u201d").

The label is one or two title-case words, each a census given name or a word in no lexicon
(plain words are field labels: "Note:", "Plan:", "Subject:"); one letter ("Q:", "A:") is a
transcript's question and answer, never a name. Clinical notes, whose lines open with system
labels in shorthand ("Neuro:", "Resp:"), are left out. Pure function, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "context:speaker"
_TITLE_WORD = r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?"
# A label opens a line, or follows an escaped break ("\\n"): generated data and some exports
# carry escaped breaks.
_LABEL = re.compile(
    rf"(?:^|(?<=\\n))[ \t>]*(?P<n>{_TITLE_WORD}(?:[ \t]{_TITLE_WORD})?)[ \t]*:[ \t]*"
    r"(?=[\"\u201c\u201e'\u2018\u00ab]?[A-Z\u00c0-\u00de])",
    re.MULTILINE,
)
# Field labels that are abbreviations in no lexicon.
_FIELD_WORDS = (
    "tel mob fax attn cc bcc re fwd fw ref encl coram cf ps nb ext dob mrn ssn ph cell subj msg"
    " hpi pmh fyi vs eta dept org ans ques sig pt dx rx hx tx sx"
)
_FIELDS = frozenset(_FIELD_WORDS.split())


def find_speaker_names(text: str) -> Iterator[Finding]:
    """Names labelling a line of speech (not in clinical notes)."""
    if ":" not in text or clinical_register(text):
        return
    for m in _LABEL.finditer(text):
        words = m.group("n").split()
        if all(_label_word(w) for w in words):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, SOURCE)


def _label_word(word: str) -> bool:
    """A title-case name word: a census given name, or a word in no lexicon."""
    w = plain(word)
    if len(w) < 2 or not word[0].isupper() or word.isupper() or w in _FIELDS:
        return False
    return w in first_names() or kind(word) in (Kind.NAME, Kind.UNKNOWN)
