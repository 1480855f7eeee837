"""Propagation: a value found once is redacted everywhere in the document, in any case;
a person's name also by its parts (surname alone, first name alone)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from models.finding import Finding
from redaction.matching import value_pattern
from redaction.plausible import shouting
from redaction.wordclass import Kind, kind

MIN_LENGTH = 3
_PART = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-])*")
_TITLES_WORDS = (
    "dr mr mrs ms mx miss prof hon judge justice rev md do rn np pa phd esq jr sr ii iii iv"
    " dds dmd mba jd llm cpa"
)
_TITLES = frozenset(_TITLES_WORDS.split())
# Words that are also given names or surnames: matched only when capitalised.
_COMMON_WORDS = (
    "will may june april august grace hope joy faith rose lily mark bill bob pat art sue rich"
    " bell brown white black green gray grey young long short king hill wood field street park"
    " lane price cook baker page case rule law judge ward wells small rice nurse day may march"
    " summer winter spring dean chase hunter mason porter carter walker"
)
_COMMON = frozenset(_COMMON_WORDS.split())
# Dotted initials that are common abbreviations, never propagated as a person's initials.
_NOT_INITIALS = frozenset({"A.M.", "P.M.", "U.S.", "U.K.", "P.O.", "D.C.", "N.A.", "B.C.", "A.D."})


def person_parts(
    value: str, stop_words: Collection[str], caps: bool = False
) -> tuple[list[str], list[str]]:
    """Name parts to propagate: (any-case parts, capitalised-only parts). Plain words are never
    propagated; names that are also common words only capitalised, and not at all in all-caps
    text, where every word is capitalised."""
    any_case: list[str] = []
    cap_only: list[str] = []
    for part in _PART.findall(value):
        key = part.casefold()
        if key in _TITLES or key in stop_words or len(part) < 2:
            continue
        k = kind(part)
        if k is Kind.WORD or (caps and k is Kind.WORDNAME) or _abbreviation(part, k):
            continue
        if len(part) >= MIN_LENGTH and key not in _COMMON and k is not Kind.WORDNAME:
            any_case.append(part)
        else:
            cap_only.append(part)
    return any_case, cap_only


def _ordered(value: str, loose: list[str], strict: list[str]) -> list[str]:
    kept = set(loose) | set(strict)
    return [p for p in _PART.findall(value) if p in kept]


def initials(parts: list[str]) -> list[str]:
    """Dotted initials of a name of two or three parts: "W.K.", "W. K.", "W.J.K."."""
    if not 2 <= len(parts) <= 3:
        return []
    letters = [p[0].upper() for p in parts]
    pairs = [letters] if len(letters) == 2 else [letters, [letters[0], letters[-1]]]
    out = []
    for group in pairs:
        for sep in (".", ". "):
            short = sep.join(group) + "."
            if short not in _NOT_INITIALS:
                out.append(short)
    return out


def propagate(
    text: str, findings: Sequence[Finding], stop_words: Collection[str] = ()
) -> list[Finding]:
    """New findings for every other occurrence of a found value or of a person's name parts."""
    labels: dict[str, str] = {}
    cap_only: dict[str, str] = {}
    caps = shouting(text)
    for f in findings:
        if not _spreads(f, caps):
            continue
        value = text[f.start : f.end].strip()
        if len(value) >= MIN_LENGTH and value.casefold() not in stop_words and _specific(value):
            labels.setdefault(_key(value), f.label)
        if f.label == "PERSON":
            loose, strict = person_parts(value, stop_words, caps)
            for part in loose:
                labels.setdefault(_key(part), "PERSON")
            for part in strict:
                cap_only.setdefault(part, "PERSON")
            for short in initials(_ordered(value, loose, strict)):
                cap_only.setdefault(short, "PERSON")
    found = list(_occurrences(text, labels, ignore_case=True))
    found += _capitalised(text, cap_only)
    return found


def _abbreviation(part: str, k: Kind) -> bool:
    """A short token in no lexicon is more likely shorthand ("gtt") than a name."""
    return k is Kind.UNKNOWN and len(part) <= 3


def _spreads(f: Finding, caps: bool) -> bool:
    """A value found only by a weak signal (NER on all-caps text) is not spread."""
    return not (caps and f.source.startswith("ner:"))


def _specific(value: str) -> bool:
    """Not a single plain or very common word ("WAS", "Engagement", "bill")."""
    words = _PART.findall(value)
    if len(words) != 1 or len(words[0]) != len(value):
        return True
    k = kind(value)
    return k is Kind.NAME or (k is Kind.UNKNOWN and len(value) >= 4)


def _occurrences(text: str, labels: dict[str, str], ignore_case: bool) -> Iterable[Finding]:
    rx = value_pattern(labels, ignore_case=ignore_case)
    if rx is None:
        return
    for m in rx.finditer(text):
        label = labels.get(_key(m.group()), "PERSON")
        yield Finding(m.start(), m.end(), label, 0.7, "propagation")


def _key(matched: str) -> str:
    return " ".join(matched.split()).lower()


def _capitalised(text: str, parts: dict[str, str]) -> list[Finding]:
    """Common-word name parts: only their Title-case or upper-case occurrences."""
    variants = {v: label for p, label in parts.items() for v in (p[:1].upper() + p[1:], p.upper())}
    return list(_occurrences(text, variants, ignore_case=False))
