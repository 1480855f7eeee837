"""Build the word lexicons under ``redaction/data/`` from public packages (run by hand).

Sources (installed from PyPI by ``make setup``, extra ``lexicons``; nothing downloads at run time):
- ``names`` 0.3.0: the 1990 US Census name frequency lists (dist.male.first, dist.female.first,
  dist.all.last) -> ``first_names.txt``, ``surnames.txt`` (most frequent ``SURNAMES`` surnames).
- ``wordfreq`` 3.x: English word frequencies -> ``common_words.txt`` (the ``COMMON`` most
  frequent purely alphabetic words, most frequent first; the rank is the line number).

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


def common_words() -> list[str]:
    words = (w for w in wordfreq.top_n_list("en", COMMON * 2) if _ALPHA.match(w))
    return list(dict.fromkeys(words))[:COMMON]


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
    write(
        "common_words.txt",
        f"{COMMON} most frequent English words, most frequent first",
        f"PyPI wordfreq {version('wordfreq')}",
        common_words(),
    )


if __name__ == "__main__":
    main()
