"""Person spans completed by the evidence around them: NER's organisation/place spans that a
name cue calls a person, a rare given name before a surname, ``SURNAME, I.``. Pure-function
tables, then the whole detector and redaction on short documents written for these tests."""

from __future__ import annotations

import re

import pytest

from models.finding import Finding
from redaction.detector import Detector
from redaction.identifiers import _EMAIL
from redaction.operators import redact_text
from redaction.person_edges import (
    finish_persons,
    given_before,
    inverted_initials,
    person_votes,
    surname_after,
)


def _at(text: str, value: str, label: str, source: str) -> Finding:
    start = text.index(value)
    return Finding(start, start + len(value), label, 0.85, source)


def _values(text: str, findings: list[Finding], label: str = "PERSON") -> set[str]:
    return {text[f.start : f.end] for f in findings if f.label == label}


@pytest.mark.parametrize(
    ("text", "ner", "cued", "persons"),
    [
        # the cue covers the NER span: a person
        ("Patient: Ysolde Marrak", ("Ysolde Marrak", "ORGANIZATION"), "Ysolde Marrak", True),
        # NER span made only of a cued person's name words elsewhere
        ("Drevik Holm, Plaintiff. Mr. Holm", ("Holm", "ADDRESS"), "Mr. Holm", True),
        # a plain word or another name is not a person's part
        ("Mr. Holm of Northwind", ("Northwind", "ORGANIZATION"), "Mr. Holm", False),
        ("Dr. Holm at the Clinic", ("Clinic", "ORGANIZATION"), "Dr. Holm at the Clinic", True),
    ],
)
def test_person_votes(text: str, ner: tuple[str, str], cued: str, persons: bool) -> None:
    found = [_at(text, ner[0], ner[1], "ner:X"), _at(text, cued, "PERSON", "context:title")]
    relabelled = person_votes(text, found)[0]
    assert (relabelled.label == "PERSON") is persons


def test_person_votes_leaves_ner_alone_without_a_cue() -> None:
    text = "Ysolde Marrak"
    found = [_at(text, text, "ORGANIZATION", "ner:ORG"), _at(text, text, "PERSON", "ner:PERSON")]
    assert person_votes(text, found) == found


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        ("Teodric Vanhal, Plaintiff,", "Vanhal", "Teodric Vanhal"),  # in no lexicon
        ("\nOsvalda Brenk-Murray, Defendant.", "Brenk-Murray", "Osvalda Brenk-Murray"),
        ("Signed by Margaret Quell", "Quell", "Margaret Quell"),  # census given name
        ("Plaintiff Quell appeared", "Quell", None),  # a plain word is no given name
        ("charting. Passy Muir valve", "Muir", None),  # in no lexicon, clause goes on
        ("The Quell estate", "Quell", None),
        ("ICU Quell", "Quell", None),  # not Title case: an acronym
        ("Teodric  Vanhal", "Vanhal", None),  # a wider gap is a column break
        ("Teodric\nVanhal", "Vanhal", None),
    ],
)
def test_given_before(text: str, surname: str, expected: str | None) -> None:
    found = given_before(text, [_at(text, surname, "PERSON", "ner:PERSON")])
    grown = _values(text, found) - {surname}
    assert grown == ({expected} if expected else set())


def test_given_before_needs_a_one_word_person() -> None:
    text = "Teodric Vanhal Brenk"
    found = [_at(text, "Vanhal Brenk", "PERSON", "ner:PERSON")]
    assert given_before(text, found) == found


@pytest.mark.parametrize(
    ("text", "given", "expected"),
    [
        ("Please ask Brenna  Voskuil for the deck.", "Brenna", "Brenna  Voskuil"),  # wide gap
        ("I met Tomas \nHalvorsen for lunch.", "Tomas", "Tomas \nHalvorsen"),  # line wrap
        ("> see Tomas\n> >Halvorsen's note", "Tomas", "Tomas\n> >Halvorsen"),  # quoted wrap
        ("Ask Brenna  Levy now.", "Brenna", "Brenna  Levy"),  # rare as a word
        ("Ask Brenna  Park now.", "Brenna", None),  # a common word after the gap
        ("Ask Brenna   Voskuil now.", "Brenna", None),  # three blanks: a column break
        ("Ask Brenna \nabout the deck.", "Brenna", None),  # lower case
        ("Ask Tuesday  Voskuil now.", "Tuesday", None),  # no given name
        # a contact list full of clinical-looking words is still read
        ("Rx refill, dose, vitals, IV, ICU: ask Brenna  Voskuil", "Brenna", "Brenna  Voskuil"),
    ],
)
def test_surname_after(text: str, given: str, expected: str | None) -> None:
    found = surname_after(text, [_at(text, given, "ORGANIZATION", "ner:ORG")])
    grown = _values(text, found)
    assert grown == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("text", "full", "expected"),
    [
        ("Dr. Ysolde Marrak signed. cc: Marrak, Y.", "Ysolde Marrak", "Marrak, Y."),
        ("MARRAK, Ysolde; later Marrak, Y.", "MARRAK, Ysolde", "Marrak, Y."),  # inverted
        ("Dr. Ysolde Marrak signed. cc: Marrak, Q.", "Ysolde Marrak", None),  # not her initial
        ("Mr. Marrak signed. cc: Marrak, Y.", "Mr. Marrak", None),  # no given name known
        ("Dr. Ysolde Marrak signed. cc: Marrak, Yes.", "Ysolde Marrak", None),  # a word
    ],
)
def test_inverted_initials(text: str, full: str, expected: str | None) -> None:
    tail = text.rindex("Marrak")
    found = [
        _at(text, full, "PERSON", "ner:PERSON"),
        Finding(tail, tail + len("Marrak"), "PERSON", 0.7, "propagation"),
    ]
    grown = _values(text, inverted_initials(text, found)) - {full, "Marrak"}
    assert grown == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oswin Tull, Jr., the dean", "Oswin Tull, Jr."),
        ("Oswin Tull Sr to sign", "Oswin Tull Sr"),
        ("Oswin Tull III signed", "Oswin Tull III"),
        ("Oswin Tull, Sracha", "Oswin Tull"),  # a word, not a suffix
        ("Oswin Tull, IVF clinic", "Oswin Tull"),
    ],
)
def test_generational_suffixes(text: str, expected: str) -> None:
    found = finish_persons(text, [_at(text, "Oswin Tull", "PERSON", "ner:PERSON")])
    assert _values(text, found) == {expected}


def test_email_local_part_may_hold_percent_signs() -> None:
    text = "from Anna_Beck%ECT%CORP@example.com on Monday"
    assert _EMAIL.findall(text) == ["Anna_Beck%ECT%CORP@example.com"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "IN THE DISTRICT COURT\n\nTeodric Vanhal, Plaintiff,\nv.\nOsvalda Brenk, "
            "Defendant.\n\nRespectfully submitted,\ncc: Ms. Brenk; Mr. Vanhal\n",
            ["Teodric", "Vanhal", "Osvalda", "Brenk"],
        ),
        (
            "DISCHARGE SUMMARY\n\nPatient: Ysolde Marrak\n\nThe patient improved on "
            "antibiotics. Ysolde tolerated a regular diet.\n\nAttending physician: "
            "Dr. Caspian Dunmore\nCopy to: Y. Marrak; referring clinician Dunmore, C.\n",
            ["Ysolde", "Marrak", "Caspian", "Dunmore", "Dunmore, C."],
        ),
    ],
)
def test_documents_keep_no_name(detector: Detector, text: str, names: list[str]) -> None:
    redacted = redact_text(text, detector.detect(text)).redacted_text
    left = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", redacted)]
    assert not left, redacted
