"""Build ``redaction/data/countries.txt`` from PyPI ``pycountry`` (ISO 3166-1; run by hand).

Country names are not identifiers (Safe Harbor keeps states and anything larger readable) and
legal text is full of them ("the Republic of Austria", "the United Kingdom of Great Britain and
Northern Ireland"); the list makes them neutral look-alikes. One name per line: every short,
official and common name, plus the part before a comma ("Korea, Republic of" -> "Korea").

Usage: ``.venv/bin/uv pip install --python .venv/bin/python pycountry==26.2.16`` then
``.venv/bin/python scripts/build_places.py``. The output is committed; nothing reads pycountry
at run time.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pycountry  # type: ignore[import-not-found,unused-ignore]

OUT = Path(__file__).resolve().parent.parent / "redaction" / "data" / "countries.txt"


def country_names() -> list[str]:
    found: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                found.add(value)
                found.add(value.split(",")[0].strip())
    return sorted(found)


def main() -> None:
    names = country_names()
    header = (
        "# ISO 3166-1 country names (short, official, common)\n"
        f"# source: PyPI pycountry {version('pycountry')}; built by scripts/build_places.py\n"
    )
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(names)} names")


if __name__ == "__main__":
    main()
