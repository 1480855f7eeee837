"""Public bodies and countries: neutral look-alikes in legal text. "the Ruritanian Government",
"the Republic of Estonia", "the Ministry of Fisheries, Forestry and Mines", "the 3rd Chamber",
"the Tarsk Revenue Office" name no private party, and a country is no identifier (Safe Harbor
keeps states and anything larger readable). Country names come from ISO 3166-1 (PyPI
``pycountry``, built into ``redaction/data/countries.txt`` by ``scripts/build_places.py``)."""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.clinical import DATA
from redaction.wordclass import first_names

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'\u2019-]*"
_HEADS = (
    r"Government|Ministry|Ministries|Council|Parliament|Assembly|Chamber|Municipality"
    r"|Directorate|Prosecutor['\u2019]s\s+Office|Revenue\s+Office|Commission|Ombudsman"
    r"|Inspectorate|Gendarmerie|Police|Armed\s+Forces|Registry|Grand\s+Chamber"
)
_BODY = re.compile(
    # "the Ruritanian Government", "Tarsk Revenue Office", "3rd Chamber of the Supreme Court"
    rf"(?:\b(?:\d+(?:st|nd|rd|th)|{_CAP})[ \t]+(?:(?:and|&)[ \t]+)?){{0,3}}(?:{_HEADS})\b"
    # "... of Fisheries, Forestry and Mines", "... for Foreign Affairs", "... of the Interior"
    rf"(?:[ \t]+(?:of|for)(?:[ \t]+the)?(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|[ \t]+){_CAP})+)?"
)


@lru_cache(maxsize=1)
def _country_rx() -> re.Pattern[str]:
    """Country names, longest first; a one-word name that is also a given name ("Jordan",
    "Chad", "Georgia") is left out: a neutral zone would drop that person."""
    lines = (DATA / "countries.txt").read_text(encoding="utf-8").splitlines()
    names = [n for n in lines if n and not n.startswith("#")]
    names = [n for n in names if " " in n or n.lower() not in first_names()]
    names.sort(key=len, reverse=True)
    body = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:the[ \t]+)?(?:{body})(?![\w-])")


def public_zones(text: str) -> list[tuple[int, int]]:
    """Spans of public bodies and country names in ``text``."""
    zones = [(m.start(), m.end()) for m in _BODY.finditer(text)]
    zones += [(m.start(), m.end()) for m in _country_rx().finditer(text)]
    return zones
