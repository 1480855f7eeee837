"""International addresses and phone numbers: street-then-number lines ("Bankastraeti 14",
"Lindenstraße 42a", "Via Garibaldi 17", "ul. Marszałkowska 84/92"), number-then-street lines in
French, Spanish and Italian ("14 rue des Lilas"), the postcode/city and country lines after a
street ("D-80331 München", "1015 CJ Amsterdam", "Chennai - 600 017"), Indian PIN codes, and
phone numbers in international ("0044 20 7946 0958") and European national formats."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.places import _STREET as STREET  # US/UK/Indian number-first street lines
from redaction.wordclass import Kind, kind

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAPW = rf"[{_UP}][\w'\u2019.-]*"
_CITY = rf"[{_UP}][\w'\u2019]+(?:-[{_UP}]?[\w'\u2019]+)*"
# Street words glued to the name (German, Dutch, Nordic, Icelandic, Slavic endings).
_GLUED = (
    r"stra(?:ß|ss)e|str\.|gasse|weg|platz|allee|ring|damm|ufer|gracht|straat|laan|plein|kade"
    r"|singel|dijk|vej|gade|gatan|gata|vägen|veien|veg|gate|gränd|torget|stræti|straeti|stígur"
    r"|vegur|utca|ulica|cesta|ulice|tie|katu"
)
# Street words before the name (Romance, Polish, ...): "Via Garibaldi 17", "ul. Dluga 5".
_LEAD = (
    r"Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Calle|Carrer|Avenida|Avinguda|Paseo|Plaza"
    r"|Rua|Travessa|Praça|Rue|Avenue|Boulevard|Bd|Chemin|Place|Allée|Quai|Impasse|Route"
    r"|ul\.|al\.|pl\.|Ulica|Aleja|Plac|Strada|Bulevardul|Calea|Odos|Leoforos"
)
_NUMBER = r"\d{1,4}[a-zA-Z]?(?:[/-]\d{1,4}[a-zA-Z]?)?"
_STREET_FIRST = re.compile(
    rf"(?<![\w-])(?:[{_UP}][\w'\u2019-]*(?i:{_GLUED})"
    rf"|(?:{_LEAD})[ \t]+(?:(?:de|del|della|di|da|do|dos|das|la|le|les|des|du|von|van)[ \t]+)*"
    rf"{_CAPW}(?:[ \t]+{_CAPW}){{0,3}})[ \t]+{_NUMBER}(?![\w/-])"
)
_NUMBER_FIRST = re.compile(
    rf"(?<![\w/-]){_NUMBER}(?:[ \t]?(?:bis|ter))?,?[ \t]+"
    r"(?i:rue|avenue|boulevard|bd|allée|chemin|impasse|quai|calle|avenida|rua)"
    r"(?:[ \t]+(?:(?i:de|del|della|di|da|do|des|du|la|le|les|l['\u2019]|d['\u2019])[ \t]*)*"
    rf"{_CAPW}){{1,4}}"
)
# What may follow a street on the same line or the next ones: postcode + city, city, country.
_POST_CITY = (
    rf"(?:[A-Z]{{1,2}}-)?(?:\d{{3,5}}|\d{{3}}[ \t]?\d{{2}}|\d{{2}}-\d{{3}}|\d{{4}}[ \t]?[A-Z]{{2}})"
    rf"[ \t]+{_CITY}(?:[ \t]{_CITY})?"
    rf"|{_CITY}(?:[ \t]{_CITY})?(?:[ \t]*[-,][ \t]*|[ \t]+)\d{{3}}[ \t]?\d{{3}}(?!\d)"
)
_TAIL = re.compile(
    rf"(?:[ \t]*(?:,|\r?\n)[ \t]*(?:{_POST_CITY}"
    rf"|{_CITY}(?:[ \t]{_CITY}){{0,2}}(?=[ \t]*(?:[,.;]|\r?\n|$))))+"
)
# "Chennai - 600 017", "Pune 411 001": a city and a six-digit Indian PIN written in two groups
_CITY_PIN = re.compile(rf"(?<!\w){_CITY}[ \t]*[-,]?[ \t]*\d{{3}}[ \t]\d{{3}}(?![\w-])")
_PIN = re.compile(
    r"\b(?i:pin(?:[ \t]*code)?|postcode|post[ \t]*code|postal[ \t]*code|zip(?:[ \t]*code)?)"
    r"[ \t]*[:.-]?[ \t]*(?P<v>\d{3}[ \t]?\d{3}|\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?!\w)"
)
_PHONE = re.compile(
    # international prefix 00: 0044 20 7946 0958, 00 33 1 42 68 53 00
    r"(?<![\w+])00[ \t]?\d{1,3}(?:[ \t.-]?\(0\))?(?:[ \t.-]?\d{1,5}){2,5}(?![\w-])"
    # national trunk 0: 020 7946 0958, 030 1234 5678, 01 42 68 53 00, 098450 12345
    r"|(?<![\w+/.-])0\d{1,5}(?:[ \t.-]\d{2,8}){1,4}(?![\w/-]|[.,]\d)"
)


def _phone_ok(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return 9 <= digits <= 15 and not re.fullmatch(r"0\d?[ \t.-]\d{1,2}[ \t.-]\d{2,4}", value)


_INTL = "pattern:address-intl"
_LEAD_RX = re.compile(rf"(?:{_LEAD})")


def _english_glued(street: str) -> bool:
    """A street-first match whose first word is an English word with a street ending glued on
    ("Wearing 2 hearing aids" is no German Ring): no street."""
    first = street.split()[0]
    return not _LEAD_RX.fullmatch(first) and kind(first) is Kind.WORD


def find_intl_addresses(text: str) -> Iterator[Finding]:
    """Street lines with the postcode/city/country lines after them, PIN and postcodes."""
    # European forms are trusted by shape ("42a" is no sentence word); a US-style street with
    # its tail stays subject to the clinical look-alike check ("70 AV", "6L via")
    for rx, source in ((_STREET_FIRST, _INTL), (_NUMBER_FIRST, _INTL), (STREET, "pattern:address")):
        for m in rx.finditer(text):
            if rx is _STREET_FIRST and _english_glued(m.group()):
                continue
            tail = _TAIL.match(text, m.end())
            end = tail.end() if tail else m.end()
            yield Finding(m.start(), end, "ADDRESS", 0.8, source)
    for m in _CITY_PIN.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.8, "pattern:address")
    for m in _PIN.finditer(text):
        yield Finding(m.start("v"), m.end("v"), "ADDRESS", 0.8, "pattern:zip")


def find_intl_phones(text: str) -> Iterator[Finding]:
    """Phone numbers with an 00 international prefix or a 0 national trunk prefix."""
    for m in _PHONE.finditer(text):
        if _phone_ok(m.group()):
            yield Finding(m.start(), m.end(), "PHONE", 0.85, "pattern:phone")


def find_international(text: str) -> Iterator[Finding]:
    """Every recognizer here (one entry in the pattern table)."""
    yield from find_intl_addresses(text)
    yield from find_intl_phones(text)
