"""Person and organisation names announced by context: salutations, titles, roles, closings,
signature marks, letter address blocks, "employed by ...", "..., a Delaware corporation"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.lexicon import NOT_ENTITY
from redaction.wordclass import Kind, kind, uncued_kind

_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Hon|Judge|Justice|Rev|Sister|Nurse)(?:\.|\b)"
_ROLES = (
    r"patient(?:\s+name)?|name|pt(?=[ \t]*:)|dear|attention|attn|plaintiffs?|defendants?|petitioner"
    r"|respondent|appellant|appellee|claimant|deponent|witness|employee|insured|guarantor"
    r"|subscriber|signed\s+by|attending|physician|provider|surgeon|referred\s+by|resident|nurse"
    r"|counsel|client|mother|father|parent|spouse|wife|husband|partner|son|daughter|sister"
    r"|brother|guardian|emergency\s+contact|supervisor|manager|coworker|co-worker|colleague"
    r"|friend|neighbou?r|boss|foreman|caregiver|roommate|landlord|tenant|paralegal|secretary"
    r"|assistant|adjuster|agent|officer|detective|trooper|interpreter|translator|therapist"
    r"|pharmacist|technician|social\s+worker|case\s+manager|dispatcher|driver|notary"
    r"|reporter|stenographer|mediator|arbitrator|executor|executrix|trustee|administrator"
    r"|(?:deposition|testimony|affidavit|declaration|statement|estate)\s+of"
    r"|between|and\s+between|(?:to|from|cc|by|re)(?=\s*:)"
)
# a role after an escaped break counts ("...\\nName: ..."): generated data and some exports
_NAME_CONTEXT = re.compile(
    rf"(?:(?:\b|(?<=\\n))(?:{_ROLES})\b[ \t]*[:,]?|(?-i:\bBy\b)|/s/|^--?)[ \t]*"
    rf"(?:{_TITLE}(?:/{_TITLE})*[ \t]*)?"
    rf"|\b{_TITLE}(?:/{_TITLE})*[ \t]*"
    r"|\b(?:sincerely|regards|respectfully|truly|faithfully|cordially)(?:\s+yours)?"
    r"[ \t]*,?[ \t]*\n[ \t]*"
    r"|^[ \t]*(?:A\.|Q\.)[ \t]+(?=\S+,?[ \t]+\S+[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
_UPPER = r"A-ZÀ-ÖØ-ÞĀ-Žƀ-ɏ"
_WORD = rf"(?:[{_UPPER}]\.|[{_UPPER}](?:[^\W\d_]|['\u2019-])*)"
# a quoted or bracketed nickname inside a name: Dolores "Lola" Fuentes-Ibarra
_NICK = rf"[\"\u201c(]{_WORD}[\"\u201d)]"
_NAME = re.compile(rf"{_WORD}(?:(?:,[ \t]|[ \t])(?:{_WORD}|{_NICK}))*")
_NOT_NAME_WORDS = (
    "md do rn np pa phd esq jr sr ii iii iv mrn dob ssn the a an and or of for in on at to by"
    " patient name date sir madam dear team all this that i we you he she they it his her"
    " their who whom re cc llc llp inc ltd corp pc pllc dept department hospital clinic court"
    " your yours my mine our ours its"
    " county state united district superior circuit taken page exhibit yes no okay"
)
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
_SUFFIX_OK = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _name_words(match: str) -> list[tuple[int, int]]:
    """Word spans of a candidate name, cut at the first word that is not name-like (an
    upper-case plain word: in all-caps text capitals say nothing)."""
    spans: list[tuple[int, int]] = []
    caps = True
    for w in re.finditer(r"[^\s,]+", match):
        word = w.group().rstrip(".").lower()
        initial = len(w.group()) == 2 and w.group().endswith(".")
        if (
            (word in _NOT_NAME or word in NOT_ENTITY)
            and not initial
            and not (spans and word in _SUFFIX_OK)
        ):
            break
        if spans and not caps and len(word) > 1 and w.group().isupper():
            break  # an acronym after a mixed-case name: "Asuka Ikeda DEA"
        if spans and caps and w.group().isupper() and word in clinical_words():
            break  # all caps: a clinical word ends the name ("SON ROBERTO OVER PHONE")
        plain_word = not initial and not _name_like(w.group(), first=not spans)
        if plain_word and not (spans and word in _SUFFIX_OK) and w.group().isupper():
            break  # a plain word is no name part ("PT REMAINS INTUBATED")
        caps = caps and w.group().isupper()
        spans.append((w.start(), w.end()))
    return spans[:5] if any(e - s > 1 for s, e in spans) else []


def _name_like(word: str, first: bool = True) -> bool:
    """A name part by the word lexicons: no plain word, no bare letter ("PT C ...")."""
    if word.isupper():  # all caps: shorthand, typos and (first) word-names ("COMFORT") are not
        k = uncued_kind(word)
        allowed = (Kind.NAME, Kind.UNKNOWN) if first else (Kind.NAME, Kind.UNKNOWN, Kind.WORDNAME)
        return k in allowed and len(word.strip(".")) >= 2
    return kind(word) is not Kind.WORD and len(word.strip(".")) >= 2


def find_context_names(text: str) -> Iterator[Finding]:
    """Capitalised words right after a salutation, title, role or signature mark: PERSON."""
    for ctx in _NAME_CONTEXT.finditer(text):
        m = _NAME.match(text, ctx.end())
        if not m:
            continue
        words = _name_words(m.group())
        if not words:
            continue
        start, end = m.start() + words[0][0], m.start() + words[-1][1]
        if text[end - 1] == "." and end - start > 2 and text[end - 2].islower():
            end -= 1
        yield Finding(start, end, "PERSON", 0.8, "context:name")


_NAME_LINE = re.compile(
    rf"^[ \t]*(?P<n>{_WORD}(?:,?[ \t]{_WORD}){{1,3}})[ \t]*\n[ \t]*"
    r"(?=\d|(?i:flat|apt|suite|unit|studio|"
    r"house|h\.?\s?no|p\.?o\.?\s+box)\b)",
    re.MULTILINE,
)
_ORG_NAME = r"[A-Z][\w'\u2019&.-]*(?:(?:,?[ \t]+(?:and|&)[ \t]+|[ \t]+)[A-Z][\w'\u2019&.-]*){0,4}"
_ORG_CONTEXT = re.compile(
    rf"(?:\b(?i:employed\s+by|employer|works?\s+(?:for|at)|worked\s+(?:for|at)|department)"
    rf"[ \t]*[:,]?[ \t]*|^[ \t]*v\.[ \t]*\n[ \t]*)(?P<o>{_ORG_NAME})"
    rf"|(?P<p>{_ORG_NAME}),[ \t]+an?[ \t]+(?:[A-Z]\w+[ \t]+)?(?:corporation|company|partnership"
    r"|limited\s+liability\s+company|LLC|L\.L\.C\.|non-?profit|association|entity)",
    re.MULTILINE,
)


_INDIVIDUAL = re.compile(
    rf"(?P<n>{_WORD}(?:[ \t]{_WORD}){{1,3}}),[ \t]+"
    r"(?:an[ \t]+individual|individually|deceased|a[ \t]+minor)"
)

_INDIVIDUAL_HINT = re.compile(r",[ \t]+(?:an[ \t]+individual|individually|deceased|a[ \t]+minor)")


def find_described_names(text: str) -> Iterator[Finding]:
    """Parties introduced as people: "JANE ROE, an individual"."""
    if not _INDIVIDUAL_HINT.search(text):
        return
    for m in _INDIVIDUAL.finditer(text):
        words = _name_words(m.group("n"))
        if len(words) >= 2:
            start = m.start("n")
            yield Finding(start, start + words[-1][1], "PERSON", 0.8, "context:individual")


# A name signed with a clinical or professional credential: "- K. OKONKWO RN", "Ana Ruiz, NP"
_CREDENTIAL = (
    r"RN|LPN|LVN|MD|DO|NP|APRN|FNP|CRNA|CNM|PA-C|CNA|RRT|PharmD|RPh|MSW|LCSW|LMFT|DPT|OTR"
    r"|SLP|DDS|DMD|PhD|PsyD|MLS|Esq\.?"
)
_CREDENTIALED = re.compile(
    rf"(?<![\w.])(?P<n>(?:[A-Z]\.[ \t]?){{0,2}}{_WORD}(?:[ \t]{_WORD}){{0,2}}),?[ \t]+"
    rf"(?:{_CREDENTIAL})(?![\w-])"
)


def find_credentialed_names(text: str) -> Iterator[Finding]:
    """Signatures with a credential after the name (nursing notes, reports, letters)."""
    for m in _CREDENTIALED.finditer(text):
        words = _name_words(m.group("n"))
        if words:
            start = m.start("n") + words[0][0]
            yield Finding(start, m.start("n") + words[-1][1], "PERSON", 0.75, "context:signed")


def find_address_block_names(text: str) -> Iterator[Finding]:
    """A line holding only a name, followed by a street or unit line: a letter's addressee."""
    for m in _NAME_LINE.finditer(text):
        words = _name_words(m.group("n"))
        if len(words) >= 2:
            yield Finding(
                m.start("n"), m.start("n") + words[-1][1], "PERSON", 0.75, "context:block"
            )


def find_context_organizations(text: str) -> Iterator[Finding]:
    """Employers and corporate parties announced by their role."""
    for m in _ORG_CONTEXT.finditer(text):
        group = "o" if m.group("o") else "p"
        value = m.group(group).rstrip(".")
        if len(value) >= 3 and value.split()[0].lower() not in _NOT_NAME:
            start = m.start(group)
            yield Finding(start, start + len(value), "ORGANIZATION", 0.75, "context:organization")
