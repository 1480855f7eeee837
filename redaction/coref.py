"""One person, one token: mentions of the same person in a document share one entity key.

``Mr. Kenji Watanabe``, ``Mr. Watanabe``, ``WATANABE, KENJI`` and ``Kenji`` (after the full
name) are one person. Full-name mentions (two or more name parts, titles and initials left
out, ``SURNAME, GIVEN`` turned round) define the entities; a mention of one part joins the
only entity with that surname, else the only one with that given name. The key is the
entity's full name, normalised, so the matter's HMAC namer gives the same token to the same
full name in every document of the matter. Pure functions over findings, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.finding import Finding
from redaction.matching import normalise

_PART = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-])*\.?")
_TITLES = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "mister",
        "madam",
        "prof",
        "professor",
        "hon",
        "sir",
        "dame",
        "lord",
        "lady",
        "judge",
        "justice",
        "rev",
        "fr",
        "sr",
        "br",
        "shri",
        "smt",
        "sri",
        "kumari",
        "md",
        "do",
        "rn",
        "np",
        "pa",
        "phd",
        "esq",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "dds",
        "dmd",
        "mba",
        "jd",
        "llm",
        "cpa",
        "lpn",
        "crna",
        "pt",
        "ot",
    ]
)
# A finding of another label that is wholly a known person's name part becomes that person.
_RELABEL = frozenset({"PERSON", "ORGANIZATION", "ADDRESS"})
_ADJACENT = re.compile(r"[ \t]*,?[ \t]*")


@dataclass(frozen=True)
class Mention:
    """A PERSON finding with its ordered name parts (given ... surname), case-folded."""

    finding: Finding
    parts: tuple[str, ...]


def name_parts(value: str) -> tuple[str, ...]:
    """Ordered name parts of a mention: no titles, credentials or initials; ``A, B`` -> B A."""
    head, comma, tail = value.partition(",")
    ordered = f"{tail} {head}" if comma and _parts(tail) else value
    return _parts(ordered)


def _parts(value: str) -> tuple[str, ...]:
    out = []
    for raw in _PART.findall(value):
        word = raw.rstrip(".").casefold()
        if len(word) < 2 or word in _TITLES:
            continue
        out.append(word)
    return tuple(out)


def _entities(mentions: Sequence[Mention]) -> list[tuple[str, ...]]:
    """Full names (first and last part) of the document, one per person."""
    seen: dict[tuple[str, str], tuple[str, ...]] = {}
    for m in mentions:
        if len(m.parts) >= 2:
            seen.setdefault((m.parts[0], m.parts[-1]), (m.parts[0], m.parts[-1]))
    return list(seen.values())


def _resolve(parts: tuple[str, ...], entities: Sequence[tuple[str, ...]]) -> str:
    if len(parts) >= 2:
        return f"{parts[0]} {parts[-1]}"
    if len(parts) != 1:
        return ""
    part = parts[0]
    for position in (-1, 0):  # surname first: "Mr. Watanabe"; then a given name: "Kenji"
        hits = {e for e in entities if e[position] == part}
        if len(hits) == 1:
            return " ".join(hits.pop())
    return part


def _person_words(text: str, findings: Sequence[Finding]) -> set[str]:
    return {p for f in findings if f.label == "PERSON" for p in name_parts(text[f.start : f.end])}


def _is_mention(text: str, f: Finding, words: set[str]) -> bool:
    if f.label == "PERSON":
        return True
    parts = name_parts(text[f.start : f.end])
    return f.label in _RELABEL and bool(parts) and set(parts) <= words


def entity_keys(text: str, findings: Sequence[Finding]) -> list[tuple[Finding, str]]:
    """Each finding with the value its token is named from: person mentions by their
    entity's full name (relabelled PERSON), everything else by its normalised text.
    Adjacent mentions of one person (``WATANABE, KENJI`` found as two) become one span."""
    words = _person_words(text, findings)
    mentions = [
        Mention(f, name_parts(text[f.start : f.end]))
        for f in findings
        if _is_mention(text, f, words)
    ]
    entities = _entities(mentions)
    keyed: dict[Finding, str] = {m.finding: _resolve(m.parts, entities) for m in mentions}
    out: list[tuple[Finding, str]] = []
    for f in findings:
        key = keyed.get(f)
        if not key:
            out.append((f, normalise(text[f.start : f.end])))
            continue
        _join(text, out, Finding(f.start, f.end, "PERSON", f.score, f.source), key)
    return out


def _join(text: str, out: list[tuple[Finding, str]], f: Finding, key: str) -> None:
    """Append ``f``, merged with the previous span when both name one person side by side."""
    if out:
        last, last_key = out[-1]
        beside = _ADJACENT.fullmatch(text, last.end, f.start) is not None
        if beside and last.label == "PERSON" and last_key == key:
            out[-1] = (
                Finding(last.start, f.end, "PERSON", max(last.score, f.score), last.source),
                key,
            )
            return
    out.append((f, key))
