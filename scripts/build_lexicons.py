"""Build the word lexicons under ``redaction/data/`` from public packages (run by hand).

Sources (installed from PyPI by ``make setup``, extra ``lexicons``; nothing downloads at run time):
- ``names`` 0.3.0: the 1990 US Census name frequency lists (dist.male.first, dist.female.first,
  dist.all.last) -> ``first_names.txt``, ``surnames.txt`` (most frequent ``SURNAMES`` surnames).
- ``wordfreq`` 3.x: English word frequencies -> ``common_words.txt`` (the ``COMMON`` most
  frequent purely alphabetic words, most frequent first; the rank is the line number). Below
  rank ``ANY_WORD`` a word is kept as is; beyond it only if the Debian ``wamerican-large``
  word list (SCOWL, ``/usr/share/dict/american-english-large``) has it in lower case: that
  list capitalises proper nouns, so frequent names ("wojciech") are not taken for words.

- Debian package ``hunspell-en-med`` (OpenMedSpel word list, GPL-3+;
  ``/usr/share/hunspell/en_med_glut.dic``) -> ``medical_words.txt``: its lower-case entries
  (capitalised ones are eponyms, i.e. names) that are not already common words; and
  ``medical_names.txt``: its capitalised entries that are no census given name or surname
  (brand drugs and devices: "Flovent", "Xeroform").
- Debian ``wamerican-large`` -> ``proper_nouns.txt``: its capitalised entries with no lower-case
  twin (places and people: "Seattle"), which are never read as shorthand or misspellings.

Usage: ``.venv/bin/python scripts/build_lexicons.py`` (writes the three files, prints counts).
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import names  # type: ignore[import-untyped]
import wordfreq  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parent.parent / "redaction" / "data"
SURNAMES = 30_000
COMMON = 60_000
_ALPHA = re.compile(r"^[a-z][a-z']*[a-z]$|^[a-z]$")
_HEADER = "# {what}\n# source: {source}; built by scripts/build_lexicons.py\n"


def census(file_name: str, limit: int | None = None) -> list[str]:
    path = Path(names.__file__).parent / file_name
    rows = [line.split()[0].lower() for line in path.read_text().splitlines() if line.strip()]
    return rows[:limit] if limit else rows


AMERICAN = Path("/usr/share/dict/american-english-large")
ANY_WORD = 5_000


def common_words() -> list[str]:
    lower = {w for w in AMERICAN.read_text(encoding="utf-8").split() if w.islower()}
    words = [w for w in wordfreq.top_n_list("en", COMMON * 2) if _ALPHA.match(w)]
    words = list(dict.fromkeys(words))[:COMMON]
    return [w for i, w in enumerate(words) if i < ANY_WORD or w in lower]


MEDICAL_DIC = Path("/usr/share/hunspell/en_med_glut.dic")


def medical_words(common: set[str]) -> list[str]:
    words = (line.split("/", 1)[0].strip() for line in MEDICAL_DIC.read_text().splitlines())
    return sorted({w for w in words if _ALPHA.match(w) and w not in common})


_PROPER = re.compile(r"^[A-Z][a-z]+$")


def medical_names(people: set[str]) -> list[str]:
    """Capitalised OpenMedSpel entries (brand drugs, devices, eponyms) that are no census given
    name or surname nor a general proper noun (``people``), lower-cased: ``Flovent``,
    ``Xeroform`` are words in a note, not names."""
    words = (line.split("/", 1)[0].strip() for line in MEDICAL_DIC.read_text().splitlines())
    return sorted({w.lower() for w in words if _PROPER.match(w) and w.lower() not in people})


def proper_nouns() -> list[str]:
    """Capitalised ``wamerican-large`` entries with no lower-case twin, lower-cased: places,
    people, peoples ("seattle", "sinai"); never taken for shorthand or a misspelt word."""
    entries = AMERICAN.read_text(encoding="utf-8").split()
    lower = {w for w in entries if w.islower()}
    return sorted({w.lower() for w in entries if _PROPER.match(w) and w.lower() not in lower})


def write(name: str, what: str, source: str, words: list[str]) -> None:
    body = "\n".join(words) + "\n"
    (OUT / name).write_text(_HEADER.format(what=what, source=source) + body, encoding="utf-8")
    print(f"{name}: {len(words)} words")


def main() -> None:
    firsts = sorted(set(census("dist.male.first") + census("dist.female.first")))
    write("first_names.txt", "US Census 1990 given names", "PyPI names 0.3.0", firsts)
    write(
        "surnames.txt",
        f"US Census 1990 surnames, {SURNAMES} most frequent, most frequent first",
        "PyPI names 0.3.0",
        census("dist.all.last", SURNAMES),
    )
    common = common_words()
    write(
        "common_words.txt",
        f"{COMMON} most frequent English words, most frequent first",
        f"PyPI wordfreq {version('wordfreq')}",
        common,
    )
    write(
        "medical_words.txt",
        "lower-case medical words (not eponyms) beyond the common words",
        "Debian hunspell-en-med (OpenMedSpel, GPL-3+), apt-get install hunspell-en-med",
        medical_words(set(common)),
    )
    write(
        "proper_nouns.txt",
        "capitalised SCOWL words (places, people) with no lower-case twin, lower-cased",
        "Debian wamerican-large (SCOWL), /usr/share/dict/american-english-large",
        proper_nouns(),
    )
    write(
        "medical_names.txt",
        "capitalised medical words (brand drugs, devices) that are no census name, lower-cased",
        "Debian hunspell-en-med (OpenMedSpel, GPL-3+), apt-get install hunspell-en-med",
        medical_names(set(firsts) | set(census("dist.all.last")) | set(proper_nouns())),
    )


if __name__ == "__main__":
    main()
