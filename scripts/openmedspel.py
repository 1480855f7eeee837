"""The GPL-3+ clinical supplement for ``scripts/build_lexicons.py``, kept apart on purpose.

Debian ``hunspell-en-med`` (OpenMedSpel by R Robinson, GPL-3+,
``/usr/share/hunspell/en_med_glut.dic``; licence in ``/usr/share/doc/hunspell-en-med/copyright``)
holds clinical shorthand and brand names no permissive source has ("gtt", "npo", "Tegaderm",
"Maalox"). Only what the permissive lists lack is taken, into two separate files read at run
time if present (``redaction/lexicon_data.py``): ``openmedspel_words.txt`` (lower-case entries,
not eponyms) and ``openmedspel_names.txt`` (capitalised entries that are no census name nor
proper noun: brands and devices). Deleting both files leaves a working product on the
permissive lists alone (``docs/data-licences.md`` gives both sets of figures).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

DIC = Path("/usr/share/hunspell/en_med_glut.dic")
SOURCE = "Debian hunspell-en-med {version} (OpenMedSpel by R Robinson, GPL-3+; see NOTICE.txt)"
_LOWER = re.compile(r"^[a-z][a-z']*[a-z]$|^[a-z]$")
_PROPER = re.compile(r"^[A-Z][a-z]+$")


def _entries(path: Path) -> Iterator[str]:
    """Hunspell ``.dic`` entries without their affix flags (``word/FLAGS``)."""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        yield line.split("/", 1)[0].strip()


def words(known: set[str], path: Path = DIC) -> list[str]:
    """Lower-case entries (capitalised ones are eponyms, i.e. names) not in ``known``."""
    return sorted({w for w in _entries(path) if _LOWER.match(w) and w not in known})


def names(known: set[str], path: Path = DIC) -> list[str]:
    """Capitalised entries, lower-cased, not in ``known`` (census names, proper nouns and the
    permissive brand names)."""
    found = {w.lower() for w in _entries(path) if _PROPER.match(w)}
    return sorted(found - known)
