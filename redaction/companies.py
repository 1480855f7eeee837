"""Company names that end in a legal form, taken whole: every capitalised, ALL-CAPS or
mixed-case word before the suffix ("Vireo Ostlund Co. Ltd.", "KAPPELN FEINMECHANIK GMBH",
"Quist & Marr Holdings PLC", "Tavolara Navi S.p.A."), with a leading "The", the joining words
"of", "and", "&", "for", and a series numeral after it ("Orbis Capital Corporation II").

``places.find_organizations`` knows institutional heads ("... Hospital") but only title-case
words; legal forms here are the European and Asian ones too (AG, SE, S.A., N.V., GmbH, K.K.,
Oy, A/S, Pty Ltd, Co.,Ltd.). Two-letter forms that are also clinical or English words ("AG",
"SE", "SA", "AB") need a mixed-case word before them, and nothing here runs on clinical notes,
where ALL-CAPS shorthand lines stand where company lines would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from models.finding import Finding
from redaction.clinical import clinical_words
from redaction.register import clinical_register
from redaction.wordclass import Kind, first_names, kind, plain

SOURCE = "pattern:company"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_AL = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# One word of a company name: a capital or digits then a letter ("3Kx"), dots only inside
# ("J.Front") or after initials ("R.E."), so a sentence's full stop ends the name; or
# lower-camel with a capital inside ("iWerks").
_CORE = (
    rf"(?=\d*[{_AL}])[{_UP}\d][{_AL}\d'\u2019&-]*(?:\.[{_AL}\d'\u2019&-]+)*"
    rf"|[a-z]+[{_UP}][{_AL}\d]*"
)
_NAME_WORD = rf"(?:(?:[{_UP}]\.){{1,3}}(?:{_CORE})?|{_CORE})"
_GLUE = r"(?:of|and|&|for|de|du|des|der|di|del|la|le|et|und)"
# Unambiguous legal forms, as written or in capitals; "Co." may be glued to what follows.
_FORM_LIST = (
    r"Co\.?,?[ \t]?Ltd\.?|Co\.[ \t]?Inc\.?|Pty\.?[ \t]Ltd\.?|Pvt\.?[ \t]Ltd\.?|Sdn\.?[ \t]Bhd\.?"
    r"|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|L\.L\.P\.|L\.P\.|PLC|Plc|plc|Inc\.?|Incorporated"
    r"|Corp\.?|Corporation|Company|Holdings?|GmbH|G\.m\.b\.H\.|S\.A\.|S\.p\.A\.|SpA|N\.V\.|B\.V\."
    r"|A/S|ASA|Oyj?|K\.K\.|S\.A\.S\.|SARL|S\.L\.|S\.r\.l\.|Srl|KGaA|Aktiengesellschaft"
)
_FORMS = _FORM_LIST + "|" + _FORM_LIST.upper().replace("\\T", "\\t")
# Short forms that are also words, clinical abbreviations or state codes ("AG", "SE", "NV"):
# after a mixed-case word, with no comma before and no postcode after ("Reno, NV 89501").
_SHORT_FORMS = r"AG|SE|SA|NV|BV"
# Heads that also end plain phrases ("support group", "family trust"): a word of the name must
# be no plain word (or an acronym) for them to count.
_WEAK_FORMS = r"Group|GROUP|Trust|TRUST|Fund|FUND|ETF"
_ROMAN = r"(?:[ \t]+(?:II|III|IV|V|VI|VII|VIII|IX|X))?"
_SEP = r"(?:,?[ \t]+|[ \t]*(?<=\.))"
# A line start, or an escaped line break: generated data and some exports carry "\\n".
_START = r"(?:(?<=\\n)|(?<![\w&'\u2019.\\-]))"
# The shortest name before the first form, then any further forms ("... Holdings PLC").
_COMPANY = re.compile(
    rf"{_START}(?P<n>(?:The[ \t]+)?{_NAME_WORD}"
    rf"(?:(?:,?[ \t]+{_GLUE})?[ \t]+{_NAME_WORD}){{0,6}}?)"
    rf"(?:{_SEP}(?P<f>{_FORMS})|[ \t]+(?P<s>{_SHORT_FORMS})(?![ \t]+\d)|[ \t]+(?P<w>{_WEAK_FORMS}))"
    rf"(?:{_SEP}(?:{_FORMS})){{0,2}}{_ROMAN}(?![\w&-])",
)
_LEAD_STOP = re.compile(
    r"^(?:(?:A|An|At|In|On|To|For|With|From|By|Of|And|Or|Our|Your|Its|Their|During|Since|Until"
    r"|Via|Per|See|Cf|Accord|Compare|Also|But|Re|Under|As|Between|Including|After|Before)"
    r"\b[ \t,]*)+"
)
_THE = re.compile(r"The[ \t]+")
_PERSON_OF = re.compile(
    rf"(?P<g>[{_UP}][{_AL}'\u2019-]+)(?:[ \t]+[{_UP}](?:\.|[{_AL}'\u2019-]*)){{1,3}}[ \t]+of[ \t]+"
)
_WORDS = re.compile(rf"[{_AL}]+")
MAX_WORDS = 8


def find_companies(text: str) -> Iterator[Finding]:
    """Names ending in a legal form, the whole name (not in clinical notes)."""
    if clinical_register(text):
        return
    for m in _COMPANY.finditer(text):
        name = m.group("n")
        lead = _LEAD_STOP.match(name)
        start = m.start("n") + (lead.end() if lead else 0)
        start = _after_person(text, start, m.end("n"))
        name = text[start : m.end("n")]
        if start >= m.end("n") or not _plausible(name, m.group("s")):
            continue
        if m.group("w") and not _distinctive(name):
            continue
        yield Finding(start, m.end(), "ORGANIZATION", 0.75, SOURCE)


def _after_person(text: str, start: int, end: int) -> int:
    """Where the company name starts: after a leading "The" that opens a sentence, and after
    "Given Surname of" ("Ilse Varga of Quist Holdings Ltd": a person's company)."""
    head = _PERSON_OF.match(text, start, end)
    if head and _given(head.group("g")):
        start = head.end()
    the = _THE.match(text, start, end)
    if the and _sentence_start(text, start):
        start = the.end()
    return start


def _given(word: str) -> bool:
    """A title-case word that is a census given name or no plain word ("Ilse", "Tomomi")."""
    return not word.isupper() and (plain(word) in first_names() or kind(word) is not Kind.WORD)


def _distinctive(name: str) -> bool:
    """A word that is no plain word, or an acronym ("Quist Family Trust", "KVL Group")."""
    return any(
        (w.isupper() and len(w) >= 2) or kind(w) is not Kind.WORD for w in _WORDS.findall(name)
    )


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in ".!?\n" or before.endswith("\\n")


def _plausible(name: str, short: str | None) -> bool:
    """A name of at most ``MAX_WORDS`` words, not made of clinical words, with a mixed-case
    word before a short ambiguous form."""
    words = [w for w in _WORDS.findall(name) if w != "The"]
    if not words or len(words) > MAX_WORDS:
        return False
    if all(w.lower() in clinical_words() for w in words):
        return False
    if short:
        return any(not w.isupper() and not w.islower() for w in words)
    return True
