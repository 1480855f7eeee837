"""Persons found by the name lexicons alone, in any case (deid/Philter style): an initial before
a surname ("W. MAROTTA", "d. renna"), a census given name before a surname ("mary theresa
kondouli", "HOUSE STAFF mary souza"), a given name before a verb of contact ("bill called",
"DAVID IS SPEAKING"). Plain and clinical words end a name; capitals carry no signal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.wordclass import Kind, common_ranks, first_names, kind, plain, uncued_kind

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*")
# No initial after a slash or a comparison: "5mg/h. Awake", "i/o. Fluids", "L>R. Sats".
_INITIAL = re.compile(
    r"(?<![\w.'\u2019/<>])[^\W\d_]\.[ \t]?(?=[^\W\d_](?:[^\W\d_]|['\u2019][^\W\d_]))"
)
_GAP = re.compile(r"[ \t]")  # one blank: a wider gap is a column break
_CONTACT = re.compile(
    r"[ \t,]+(?i:called|calls|visited|visiting|visits|updated|phoned|spoke|came|aware|notified"
    r"|informed|agrees|agreed|stated|states|wants|requests|requested|is\s+speaking|was\s+here"
    r"|in\s+to\s+visit|at\s+bedside|here\s+today)\b"
)
_TRANSCRIPT = re.compile(r"[ \t]*[AQ]\.[ \t]")
# Census given names that are nursing shorthand or role words first: minutes, moves all
# extremities, evening, saturation; "son", "page" before a name are cues, not its first part.
_SHORTHAND = frozenset({"min", "mae", "eve", "sat", "sun", "son", "page", "numbers"})
MAX_WORDS = 3
_ROLE = re.compile(
    r"\b(?:(?i:np|md|pa)|(?P<weak>(?i:per|reported\s+to|discussed\s+with))|(?P<plural>(?i:drs)))"
    r"\.?[ \t]+"
)
_AND = re.compile(r"[ \t]*(?:,|(?i:and)|&)[ \t]*")
MIN_GIVEN = 3
MIN_WEAK_SURNAME = 4


def _surname(word: str, strong: bool) -> bool:
    """A word that can follow a given name or an initial: a census name or a word in no
    lexicon (after a strong cue), never a plain or clinical word."""
    k = kind(word) if strong else uncued_kind(word)
    if k is Kind.NAME:
        return len(plain(word)) >= 2
    if k is Kind.UNKNOWN:
        return len(plain(word)) >= (MIN_GIVEN if strong else MIN_WEAK_SURNAME)
    return k is Kind.WORDNAME and strong


def _given(word: str) -> Kind | None:
    """The class of a census given name (None for anything else)."""
    w = plain(word)
    if len(w) < MIN_GIVEN or w not in first_names() or w in clinical_words() or w in _SHORTHAND:
        return None
    k = kind(word)
    return k if k in (Kind.NAME, Kind.WORDNAME) else None


def _run(text: str, pos: int, strong: bool) -> int:
    """End of the surname words starting at ``pos`` (``pos`` when none)."""
    end = pos
    for _ in range(MAX_WORDS):
        m = _TOKEN.match(text, pos)
        if m is None or not _surname(m.group(), strong):
            break
        end = m.end()
        gap = _GAP.match(text, end)
        if gap is None:
            break
        pos = gap.end()
    return end


def _initialled(word: str, glued: bool) -> bool:
    """The first word after an initial: a census surname, or (not glued to the initial:
    "d.vss") a longer word in no lexicon, or a name that is no common word."""
    k = uncued_kind(word)
    if k is Kind.NAME:
        return True
    if glued:
        return False
    if k is Kind.UNKNOWN:
        return len(plain(word)) >= MIN_WEAK_SURNAME
    return k is Kind.WORDNAME and plain(word) not in common_ranks()


def _line_start(text: str, pos: int) -> int:
    start = text.rfind("\n", 0, pos) + 1
    return start if not text[start:pos].strip() else pos


def find_role_names(text: str) -> Iterator[Finding]:
    """Clinicians named after their role in shorthand: "NP CAROL", "per md Saeed", "Drs Ferullo
    and Saeed". These cues also precede plain words ("per protocol", "md aware"), so each name
    word must be a census name or a word in no lexicon that is no shorthand."""
    for cue in _ROLE.finditer(text):
        pos = cue.end()
        while True:
            m = _TOKEN.match(text, pos)
            if m is None or not _role_name(m.group(), weak=cue.group("weak") is not None):
                break
            end = m.end()
            if _GAP.match(text, end):
                run = _run(text, end + 1, strong=False)
                end = run if run > end + 1 else end
            yield Finding(m.start(), end, "PERSON", 0.7, "lexicon:role")
            more = _AND.match(text, end)
            if more is None or not cue.group("plural"):
                break
            pos = more.end()


def _role_name(word: str, weak: bool) -> bool:
    """A name after a role: a census name, a given name that is also a word, or (after a
    clinician's title, not after "per") a longer word in no lexicon."""
    k = uncued_kind(word)
    w = plain(word)
    if k is Kind.WORDNAME:
        return w in first_names() and w not in _SHORTHAND
    long_unknown = k is Kind.UNKNOWN and len(w) >= MIN_WEAK_SURNAME and not weak
    return k is Kind.NAME or long_unknown


def _census_surname(text: str, pos: int) -> bool:
    """A given name that is also a word ("mary", "bill") needs a census surname or a longer
    word in no lexicon after it."""
    m = _TOKEN.match(text, pos)
    if m is None:
        return False
    k = uncued_kind(m.group())
    return k is Kind.NAME or (k is Kind.UNKNOWN and len(m.group()) > MIN_WEAK_SURNAME)


def find_initialled_names(text: str) -> Iterator[Finding]:
    """ "W. MAROTTA", "d. renna", "Q. Lander": an initial cues the surname after it."""
    for m in _INITIAL.finditer(text):
        if _TRANSCRIPT.match(text, _line_start(text, m.start())):
            continue  # "A. Yasuhiro ..." answers a question in a transcript
        glued = not m.group()[-1].isspace()
        first = _TOKEN.match(text, m.end())
        if first is None or not _initialled(first.group(), glued):
            continue
        end = _run(text, m.end(), strong=True)
        if end > m.end():
            yield Finding(m.start(), end, "PERSON", 0.7, "lexicon:initial")


def find_given_names(text: str) -> Iterator[Finding]:
    """A census given name followed by surnames, or alone before a verb of contact."""
    done = 0
    for m in _TOKEN.finditer(text):
        given = None if m.start() < done else _given(m.group())
        if given is None:
            continue
        strong = given is Kind.NAME
        gap = _GAP.match(text, m.end())
        end = m.end()
        if gap is not None and (strong or _census_surname(text, gap.end())):
            run = _run(text, gap.end(), strong=strong)
            end = run if run > gap.end() else end
        if end > m.end() or _CONTACT.match(text, m.end()):
            done = end
            yield Finding(m.start(), end, "PERSON", 0.7, "lexicon:given")
