"""Names in e-mail layout: address headers ("To: Oyelaran, Tobias; Quist, Henrike"), display names
("\"Frank Nolan\" <fn@example.org>", wrapped over quoted lines too), GroupWise reply headers
(">>> Nolan, Frank 05/08/01 09:37AM >>>"), Lotus Notes addresses ("Keith Arbogast/HOU/ECT@ECT",
wrapped over a line end too), salutation and sign-off lines ("Tobias--", "Thanks,\n\nHenrike
Quist"), bylines ("By Henrike Quist"). A bare given name on its own line must be a census given
name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.reply_lines import find_reply_names
from redaction.wordclass import Kind, first_names, kind, plain

# a one-word salutation or sign-off the clinical-word guard must not take for shorthand
LONE_GIVEN = "context:email-given"
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"(?:[{_UP}][\w'\u2019]*(?:-[\w'\u2019]+)*\.?|[{_UP}]\.?)"
_SEGMENT = r"[^\s/@,;<>]+(?:[ \t][^\s/@,;<>]+)?"
# "Keith Arbogast/HOU/ECT@ECT", "Marta B Quillen@ECT", "Wendell \nPrzybylski/NA/Corp@Corp"
_NOTES = re.compile(
    rf"(?<![\w./@-])(?P<n>{_NAME_WORD}(?:(?:[ \t]+\n?|[ \t]*\n)[ \t]*{_NAME_WORD}){{0,3}})"
    rf"(?=(?:/{_SEGMENT})+@|@[A-Za-z_]+(?![\w.])|(?:/[A-Z][\w&-]*){{2,}}(?![\w/]))"
)
_HEADER = re.compile(
    r"^[ \t>]*(?:to|cc|bcc|from|sent\s+by|reply-to)[ \t]*:[ \t]*(?P<v>.*)",
    re.IGNORECASE | re.MULTILINE,
)
# a header value goes on over lines ending in a separator or followed by an indented line
_MORE = re.compile(r"[ \t]*\r?\n(?P<v>(?P<i>[ \t]+)?\S.*)")
MAX_HEADER_LINES = 40
_ITEM = re.compile(r"[^;,\n]+")
_ITEM_NAME = re.compile(
    rf"^[ \t]*[\"']?(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[\"']?[ \t]*"
    r"(?:<[^<>\s]+>|\([^()]*\))?[ \t]*$"
)
_DISPLAY = re.compile(
    rf"(?:\"(?P<q>(?:[^\"\n<>@]|\r?\n[ \t>]*){{2,60}})\""
    rf"|(?<![\w.])(?P<n>{_NAME_WORD}(?:,?[ \t]+{_NAME_WORD}){{1,3}}))"
    r"[ \t]*(?:\r?\n[ \t>]*)?<[^<>\s@]+@[^<>\s]+>"
)
# A GroupWise reply header: ">>> Surname, Given 05/08/01 09:37AM >>>"
_REPLY = re.compile(
    rf"^[ \t>]*>>>[ \t]*(?P<n>{_NAME_WORD}(?:,?[ \t]+{_NAME_WORD}){{1,3}})[ \t]+"
    r"\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.MULTILINE,
)
_GREETING = r"(?:(?i:hi|hello|hey|dear|morning|thanks|thank\s+you)[ \t,]+)?"
_SALUTATION = re.compile(
    rf"^[ \t>]*{_GREETING}(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?"
    rf"(?:[ \t]*(?:and|&|\+)[ \t]*{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)*)"
    r"[ \t]*(?:(?:,|-{1,2}|:|!|\.)?[ \t]*\r?$|,[ \t]+(?=[a-z]|I\b)|-{1,2}[ \t]+(?=[A-Z]))",
    re.MULTILINE,
)
_CLOSING = re.compile(
    r"\b(?i:thanks|thank\s+you|regards|best|cheers|sincerely|respectfully|yours)[ \t]*[,!.]?"
    r"(?:[ \t]*\r?\n(?:[ \t>]*\r?\n)*[ \t>]*|[ \t]+(?:-{1,2}[ \t]*)?)"
    rf"(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})[ \t]*\r?$",
    re.MULTILINE,
)
_SPLIT = re.compile(r"[ \t]*(?:\band\b|&|\+)[ \t]*|[ \t]+", re.IGNORECASE)


def _namelike(word: str, first: bool) -> bool:
    """A capitalised word that can be part of a name (a given name when it stands first)."""
    w = word.rstrip(".")
    if not w[:1].isupper():
        return False
    if len(w) == 1:
        return not first
    k = kind(w)
    if first:
        return w.lower() in first_names() and k is not Kind.WORD
    return k is not Kind.WORD


def _person(text: str, start: int, end: int, source: str) -> Finding | None:
    value = text[start:end].rstrip(".") if text[end - 2 : end - 1].islower() else text[start:end]
    end = start + len(value)
    return Finding(start, end, "PERSON", 0.8, source) if end > start else None


def _notes(text: str) -> Iterator[Finding]:
    for m in _NOTES.finditer(text):
        words = list(re.finditer(r"\S+", m.group("n")))
        while len(words) > 1 and _sentence_word(words[0].group()):
            words.pop(0)  # "Thanks Ivo Brandt/NA/Corp": the sentence word is not the name
        start = m.start("n") + words[0].start()
        if text[m.end("n")] == "/" and not _unit_path_name(
            text[start : m.end("n")], m.end("n"), text
        ):
            continue
        if f := _person(text, start, m.end("n"), "context:email"):
            yield f


def _sentence_word(word: str) -> bool:
    """A plain word that is no census given name ("Thanks", not "Ed")."""
    return kind(word) is Kind.WORD and plain(word) not in first_names()


def _unit_path_name(name: str, end: int, text: str) -> bool:
    """A Notes address without "@" ("Beth A Ryan/HOU/ECT"): shorthand like "CO/CI/SVR" or
    "LASIX/ALDACTONE" has the same shape, so the name must be mixed case, two words or more,
    and start with a census given name, unless an "@" follows."""
    if re.match(r"[^\s@,;<>]*@", text[end:]):
        return True
    words = name.split()
    if len(words) < 2 or name.isupper():
        return False
    middle = len(words) == 3 and len(words[1].rstrip(".")) == 1  # "Beth A Ryan"
    return _namelike(words[0], True) or (middle and kind(words[0]) is not Kind.WORD)


def header_values(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of every address header's value."""
    for h in _HEADER.finditer(text):
        start, end = h.start("v"), h.end("v")
        yield start, end
        for _ in range(MAX_HEADER_LINES):
            more = _MORE.match(text, end)
            separated = text[start:end].rstrip().endswith((";", ","))
            if more is None or not (separated or more.group("i")):
                break
            start, end = more.start("v"), more.end("v")
            yield start, end


def _headers(text: str) -> Iterator[Finding]:
    for start, end in header_values(text):
        for item in _ITEM.finditer(text, start, end):
            m = _ITEM_NAME.match(item.group())
            if m is not None and "@" not in item.group() and "/" not in item.group():
                start = item.start() + m.start("n")
                if f := _person(text, start, item.start() + m.end("n"), "context:email"):
                    yield f


def _display(text: str) -> Iterator[Finding]:
    for m in _DISPLAY.finditer(text):
        group = "q" if m.group("q") else "n"
        value = m.group(group)
        if any(w[:1].isupper() for w in value.split()):
            yield Finding(m.start(group), m.end(group), "PERSON", 0.8, "context:email")


def _replies(text: str) -> Iterator[Finding]:
    for m in _REPLY.finditer(text):
        if any(_namelike(w.strip(","), False) for w in m.group("n").split()):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.8, "context:email")


def _lines(text: str) -> Iterator[Finding]:
    """Salutation and sign-off lines: every word name-like, the first a census given name."""
    for rx in (_SALUTATION, _CLOSING):
        for m in rx.finditer(text):
            parts = [p for p in _SPLIT.split(m.group("n")) if p]
            firsts = [p for i, p in enumerate(parts) if _namelike(p, i == 0)]
            if parts and len(firsts) == len(parts):
                yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, "context:email")
            elif _lone_given(parts, m.group()):  # "Ed,": a given name that is also shorthand
                yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, LONE_GIVEN)


def _lone_given(parts: list[str], line: str) -> bool:
    """A salutation or sign-off of one title-case census given name, even one that is also a
    word or clinical shorthand ("Ed,", "Thanks,\\nAl"), set off by a greeting, a closing or a
    comma (not a heading: "Art:")."""
    word = parts[0] if len(parts) == 1 else ""
    if not word.istitle() or word.lower() not in first_names():
        return False
    return line.rstrip().endswith(",") or not line.lstrip(" \t>").startswith(word)


# A contact entry: a name right before a phone number ("Patrice Thornbury 403-555-0178"), or a
# line holding only a name, possibly with a state or party tag ("> Jerome Wexler (IL)").
_PHONE_AHEAD = r"(?=\(?\+?\d{3}\)?[ .-]?\d{2,4}[ .-]\d{4}\b)"
_TAG = r"(?:\([A-Z]{1,3}(?:-[A-Z]{2})?\))?"
_CONTACT = re.compile(
    rf"(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})[ \t]*[:,-]?[ \t]*{_PHONE_AHEAD}"
    rf"|^[ \t>]*(?P<l>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})[ \t]*{_TAG}[ \t]*\r?$",
    re.MULTILINE,
)


def _contacts(text: str) -> Iterator[Finding]:
    """Contact entries whose words are a census given name and name-like words (mixed case)."""
    for m in _CONTACT.finditer(text):
        group = "n" if m.group("n") else "l"
        parts = m.group(group).split()
        if m.group(group).isupper() or not _namelike(parts[0], True):
            continue
        if _credential(parts):  # "Marie Munroe RN": the name without its credential
            parts.pop()
        if all(_namelike(p, False) for p in parts[1:]) and kind(parts[-1]) is not Kind.WORDNAME:
            start = m.start(group)
            end = text.index(parts[-1], start) + len(parts[-1])
            yield Finding(start, end, "PERSON", 0.75, "context:email")


def _credential(parts: list[str]) -> bool:
    """A mixed-case name of two words or more ends in an all-caps credential ("RN", "RRT")."""
    last = parts[-1]
    return len(parts) > 2 and last.isupper() and 2 <= len(last) <= 4 and last.isalpha()


# A byline on its own line: "By Odile Marchetti", "BY ODILE MARCHETTI" (news forwarded in mail)
_BYLINE = re.compile(
    rf"^[ \t>]*(?i:by)[ \t]+(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})[ \t]*,?[ \t]*\r?$",
    re.MULTILINE,
)


def _bylines(text: str) -> Iterator[Finding]:
    """Bylines whose first word is a census given name and whose other words are name-like."""
    for m in _BYLINE.finditer(text):
        parts = m.group("n").split()
        if _namelike(parts[0], True) and all(_namelike(p, False) for p in parts[1:]):
            yield Finding(m.start("n"), m.end("n"), "PERSON", 0.75, "context:email")


def find_email_names(text: str) -> Iterator[Finding]:
    """Every e-mail layout name recognizer (one entry in the pattern table)."""
    yield from _notes(text)
    yield from _headers(text)
    yield from _display(text)
    yield from _replies(text)
    yield from _lines(text)
    yield from _contacts(text)
    yield from _bylines(text)
    yield from find_reply_names(text)
