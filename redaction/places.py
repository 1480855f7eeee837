"""Addresses (street lines, units, city/state/ZIP, postcodes, "Address:" lines) and
organisations named by a legal or institutional suffix ("... Hospital", "... LLP")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding

# USPS street suffixes (common subset) and their standard abbreviations.
_STREET_SUFFIXES_WORDS = (
    "Street St Avenue Ave Av Road Rd Boulevard Blvd Lane Ln Drive Dr Court Ct Place Pl Way"
    " Square Sq Terrace Ter Parkway Pkwy Highway Hwy Circle Cir Trail Trl Alley Bridge Brook"
    " Burg Bypass Camp Canyon Cape Causeway Center Cliff Club Common Corner Course Cove Creek"
    " Crescent Crest Crossing Curve Dale Divide Estates? Expressway Extension Falls? Ferry"
    " Fields? Flats? Ford Forest Forge Fork Fort Freeway Gardens? Gateway Glen Greens? Grove"
    " Harbor Haven Heights Hills? Hollow Inlet Island Isle Junction Keys? Knolls? Lakes?"
    " Landing Light Lock Lodge Loop Mall Manor Meadows? Mews Mills? Mission Motorway Mount"
    " Mountains? Mtn Neck Orchard Oval Overpass Parks? Pass Passage Path Pike Pines? Plains?"
    " Plaza Points? Ports? Prairie Ranch Rapids? Ridge River Roads? Route Row Rue Run Shoals?"
    " Shores? Skyway Springs? Spur Station Stravenue Stream Summit Trace Track Tunnel Turnpike"
    " Underpass Union Valley Via Viaduct Views? Village Ville Vista Walk Wall Ways? Wells?"
    " Close Gate Green Hill Nagar Ganj Marg Chowk Colony Enclave Sector Layout Bagh Pur Puram"
    " Zila Bazar Bazaar"
    " Mohalla Gali Peth Wadi Halli Lights Courts Vale Wharf Quay Wynd Rise Drove"
)
_STREET_SUFFIXES = _STREET_SUFFIXES_WORDS.split()
_SUFFIX_RX = "|".join(rf"{s.rstrip('?')}s?|{s.rstrip('?').upper()}S?" for s in _STREET_SUFFIXES)
_CAP = r"[A-Z][A-Za-z'\u2019.-]*"
_UNIT = (
    r"(?:Suite|Ste|Apt|Apartment|Unit|Floor|Fl|Room|Rm|Bldg|Building|Flat|Studio|House"
    r"|H\.?\s?No|PO Box|P\.O\. Box|#)"
)
# no house number after a decimal point ("ratio 3.5, Court Rd") nor before an ordinal ("2 ND LANE")
_STREET = re.compile(
    rf"(?<![\w/-])(?<!\d[.,])\d{{1,6}}[A-Za-z]?(?:[/-]\d{{1,5}}[A-Za-z]?)?,?"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?!(?i:st|nd|rd|th)\b)(?:{_CAP}[ \t]+){{0,4}}"
    rf"(?:{_SUFFIX_RX})\b\.?(?:,?[ \t]+{_UNIT}\.?[ \t]*[\w-]+)?",
)
_UNIT_LINE = re.compile(
    rf"(?<!\w)(?i:{_UNIT})\.?[ \t]*\d[\w-]*(?:,?[ \t\n]+(?:{_CAP}[ \t]+){{0,3}}(?:{_SUFFIX_RX})\b)?"
)
_CITY = r"(?:[A-Z][A-Za-z'\u2019.-]+[ \t]){0,3}[A-Z][A-Za-z'\u2019.-]+"
_CITY_STATE_ZIP = re.compile(rf"(?<!\w){_CITY},?[ \t]+[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?(?!\w)")
_UK_POSTCODE = re.compile(
    rf"(?<!\w)(?:{_CITY},?[ \t]+)?[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}(?!\w)"
)
_CITY_PIN = re.compile(r"(?<!\w)(?:[A-Z][a-z]+[ \t]){0,3}[A-Z][a-z]+,?[ \t]+\d{6}(?![\w-])")
_ADDRESS_LINE = re.compile(
    r"\b(?:address|addr|residence|residing\s+at|resides\s+at|lives\s+at|located\s+at|home"
    r"|where\s+do\s+you\s+(?:live|reside)\?\s*(?:A\.)?)"
    r"\b[ \t]*:?[ \t]*(?P<v>[^\n\t]*?)(?=[ \t]{2,}|\t|\n|$|\.(?:\s|$)|;)",
    re.IGNORECASE,
)
_ADDRESS_END = re.compile(
    r"\b\d{5}(?:-\d{4})?\b|\b\d{6}\b|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
    r"|(?=[ \t]+(?:and|with|who|which|where|since|until|for)\b|[ \t]*\()"
)
_ZIP_AFTER_STATE = re.compile(r"(?<=\b[A-Z]{2}[ \t])\d{5}(?:-\d{4})?(?!\w)")
_US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    "|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    "|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming|District of Columbia"
)
# "Somerville, Massachusetts 02143": the ZIP after a spelled-out state name.
_ZIP = re.compile(r"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])")
_STATE_BEFORE = re.compile(rf"\b(?i:{_US_STATE_NAMES}),?[ \t]+$")

_ORG_SUFFIX = (
    r"Hospital|Clinic|Medical\s+Center|Medical\s+Group|Health\s+System|Healthcare|Health"
    r"|Hospice|Pharmacy|Laboratories|Labs?|LLC|L\.L\.C\.|LLP|L\.L\.P\.|Inc\.?|Ltd\.?|Corp\.?"
    r"|Corporation|Company|Co\.|Group|Associates|Partners|Bank|University|Foundation|Institute"
    r"|Insurance|Holdings|Enterprises|Industries|Trust|PLLC|P\.C\.|PC|GmbH|AG|S\.A\.|plc"
)
_ORG = re.compile(
    r"(?<![\w-])(?:(?:The|St\.|Saint)[ \t]+)?"
    rf"(?:[A-Z][\w'\u2019&-]*[ \t]+(?:(?:and|&|of)[ \t]+)?){{1,5}}"
    rf"(?:{_ORG_SUFFIX}|{_ORG_SUFFIX.upper()})(?![\w-])(?:[ \t]+(?:LLP|LLC|Inc\.?|PLLC))?"
)
_SURNAME = r"[A-Z][a-z'\u2019-]+"
_FIRM = re.compile(
    rf"(?<![\w-]){_SURNAME}(?:(?:,[ \t]+{_SURNAME})+,?[ \t]+(?:and|&)|[ \t]+&)[ \t]+{_SURNAME}"
)
_ORG_LEAD_STOP = re.compile(
    r"^(?:(?:The|A|An|At|In|On|To|For|With|From|By|Of|And|Our|Your)\b[ \t,]*)+"
)


def _cut_address(value: str) -> str:
    """An announced address ends at its ZIP/postcode, or before the clause that follows it."""
    end = _ADDRESS_END.search(value, 1)
    return (value[: end.end()] if end else value).rstrip(" ,")


def find_addresses(text: str) -> Iterator[Finding]:
    """Street lines, unit lines, city/state/ZIP, postcodes, and lines announced as addresses."""
    for rx in (_STREET, _UNIT_LINE, _CITY_STATE_ZIP, _UK_POSTCODE, _CITY_PIN, _ZIP_AFTER_STATE):
        for m in rx.finditer(text):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.8, "pattern:address")
    for m in _ZIP.finditer(text):
        if _STATE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.8, "pattern:zip")
    for m in _ADDRESS_LINE.finditer(text):
        value = _cut_address(m.group("v"))
        if len(value) >= 3 and any(ch.isdigit() or ch.isupper() for ch in value):
            yield Finding(
                m.start("v"), m.start("v") + len(value), "ADDRESS", 0.8, "context:address"
            )


def find_organizations(text: str) -> Iterator[Finding]:
    """Capitalised names ending in an institutional or legal suffix; "X, Y and Z" firms."""
    for rx in (_ORG, _FIRM):
        for m in rx.finditer(text):
            lead = _ORG_LEAD_STOP.match(m.group())
            start = m.start() + (lead.end() if lead else 0)
            if m.end() - start > 3:
                yield Finding(start, m.end(), "ORGANIZATION", 0.75, "pattern:organization")
