"""Tokens reviewers can trust: one person, one token (in a document and across a matter);
field labels outside spans; common words are not names; a phone number is never split.
Every text here was written for these tests."""

from __future__ import annotations

import re

import pytest

from models.finding import Finding
from redaction.coref import entity_keys, name_parts
from redaction.detector import Detector
from redaction.fieldlabels import trim_field_labels
from redaction.leakcheck import redact_to_fixpoint
from redaction.numberspans import whole_numbers
from redaction.operators import TOKEN, HmacNamer, redact_text

KEY = b"k" * 32


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("Mr. Kenji Watanabe", ("kenji", "watanabe")),
        ("WATANABE, KENJI", ("kenji", "watanabe")),
        ("Dr. Amara O'Neill-Brennan", ("amara", "o'neill-brennan")),
        ("Kenji A. Watanabe", ("kenji", "watanabe")),  # a middle initial is left out
        ("Smt. Lakshmi Raghunathan", ("lakshmi", "raghunathan")),
        ("Watanabe, Esq.", ("watanabe",)),  # nothing name-like after the comma: not turned
        ("Mr. Watanabe", ("watanabe",)),
    ],
)
def test_name_parts(value: str, parts: tuple[str, ...]) -> None:
    assert name_parts(value) == parts


def _tokens_of(text: str, words: list[str], namer: HmacNamer) -> dict[str, str]:
    """Redact the given mentions (found by position) and map each mention to its token."""
    findings = [Finding(m.start(), m.end(), "PERSON") for w in words for m in re.finditer(w, text)]
    result = redact_text(text, findings, namer)
    return {r.original: r.token for r in result.replacements}


@pytest.mark.parametrize(
    ("text", "mentions", "people"),
    [
        (
            "Mr. Kenji Watanabe signed. Mr. Watanabe then left; Kenji came back at 4.",
            ["Kenji Watanabe", r"(?<= )Watanabe(?= then)", r"Kenji(?= came)"],
            1,
        ),
        (  # two people sharing a surname: the bare surname is its own entity
            "Mr. Tomas Lindgren and Mrs. Ingrid Lindgren attended. Lindgren objected.",
            ["Tomas Lindgren", "Ingrid Lindgren", r"Lindgren(?= objected)"],
            3,
        ),
        (  # a given name shared by two people stays apart from both
            "Ana Ferreira met Ana Costa. Ana left early.",
            ["Ana Ferreira", "Ana Costa", r"Ana(?= left)"],
            3,
        ),
        (
            "pt's daughter priya nair called. spoke w/ nair re plan; priya aware.",
            ["priya nair", r"nair(?= re)", r"priya(?= aware)"],
            1,
        ),
    ],
)
def test_one_person_one_token_in_a_document(text: str, mentions: list[str], people: int) -> None:
    tokens = _tokens_of(text, mentions, HmacNamer(KEY))
    assert len(set(tokens.values())) == people


def test_inverted_name_found_as_two_spans_is_one_token() -> None:
    text = "WATANABE, KENJI signed the order. Kenji Watanabe is the client."
    findings = [
        Finding(0, 8, "ORGANIZATION"),  # NER on all-caps text: wrong labels, two spans
        Finding(10, 15, "ADDRESS"),
        Finding(34, 48, "PERSON"),
    ]
    result = redact_text(text, findings, HmacNamer(KEY))
    assert [r.label for r in result.replacements] == ["PERSON", "PERSON"]
    assert result.replacements[0].original == "WATANABE, KENJI"
    assert len({r.token for r in result.replacements}) == 1


def test_non_person_labels_keep_their_own_tokens() -> None:
    text = "Lindgren Street is where Mr. Lindgren lives."
    keys = entity_keys(text, [Finding(0, 15, "ADDRESS"), Finding(29, 37, "PERSON")])
    assert [(f.label, key) for f, key in keys] == [("ADDRESS", "lindgren street"),
                                                   ("PERSON", "lindgren")]  # fmt: skip


def test_one_person_one_token_across_a_matter(detector: Detector) -> None:
    """The matter's HMAC key names a person by full name: the same token in every document,
    whichever way the name is written there."""
    docs = [
        "Engagement letter for Mr. Kenji Watanabe. Mr. Watanabe agrees to the fee.",
        "Deposition of WATANABE, KENJI taken in Osaka. The witness, Kenji Watanabe, was sworn.",
    ]
    found: set[str] = set()
    for text in docs:
        result = redact_to_fixpoint(text, detector, HmacNamer(KEY))
        found |= {r.token for r in result.replacements if r.label == "PERSON"}
        assert "Watanabe" not in result.redacted_text and "KENJI" not in result.redacted_text
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("Patient: Jane Roe Sex: F", "Jane Roe Sex", "Jane Roe"),
        ("Name: Jane Roe DOB: 1/2/1960", "Name: Jane Roe", "Jane Roe"),
        ("NAME: JOHN LEE MRN: 55", "JOHN LEE MRN", "JOHN LEE"),
        ("Client Marta Kowalska  Reference: 12", "Marta Kowalska  Reference", "Marta Kowalska"),
        # a label word that is also a surname stays in the span: cutting it could leak
        ("Witness Amy Rose Hill: present", "Amy Rose Hill", "Amy Rose Hill"),
        # a name before a colon is a speaker, not a label: kept whole
        ("MR. HALVORSEN: Objection.", "HALVORSEN", "HALVORSEN"),
        ("Q. Ms. Grace Lee: yes", "Grace Lee", "Grace Lee"),
        # a span that is only a label is left alone (a dropped name would leak)
        ("Sex: F", "Sex", "Sex"),
    ],
)
def test_field_labels_stay_outside_spans(text: str, value: str, kept: str) -> None:
    start = text.index(value)
    out = trim_field_labels(text, [Finding(start, start + len(value), "PERSON")])
    assert [text[f.start : f.end] for f in out] == [kept]


@pytest.mark.parametrize(
    ("text", "name", "label_word"),
    [
        ("Patient: Jane Roe Sex: F Age: 44", "Roe", "Sex"),
        ("PATIENT: MARGARET OYELARAN SEX: F", "OYELARAN", "SEX"),
        ("Attending: Dr. Henrik Solberg Unit: 4 West", "Solberg", "Unit"),
    ],
)
def test_detector_keeps_labels_readable(
    detector: Detector, text: str, name: str, label_word: str
) -> None:
    result = redact_to_fixpoint(text, detector)
    assert name not in result.redacted_text
    assert f"{label_word}:" in result.redacted_text


@pytest.mark.parametrize(
    "text",
    [
        "Engagement Letter\n\nThis Engagement is governed by the terms below.",
        "Settlement Conference set. Counsel confirmed the Engagement.",
        "PT WAS SEEN BY TEAM. SEE ABOVE. WILL CONTINUE TO MONITOR.",
        "Discharge Planning: Rehab vs home. Follow Up with PCP.",
    ],
)
def test_common_words_are_not_names(detector: Detector, text: str) -> None:
    persons = [text[f.start : f.end] for f in detector.detect(text) if f.label == "PERSON"]
    assert persons == []


@pytest.mark.parametrize(
    "text",
    [
        "Contact: +49 30 12345678",
        "please call him on +49 30 12345678 tomorrow",
        "Tel: 617-555-0143 / 0144 (office)",
        "Pager 555-0143 x2231",
        "call 617-5550143 today",
        "Phone (212) 555 0182 ext. 7",
    ],
)
def test_phone_numbers_are_never_split(detector: Detector, text: str) -> None:
    result = redact_to_fixpoint(text, detector)
    clear = TOKEN.sub(" ", result.redacted_text)
    assert not re.search(r"\d", clear), "digits of the number left readable"
    assert [r.label for r in result.replacements] == ["PHONE"]


def test_account_numbers_stay_accounts() -> None:
    text = "Acct no. 00123456789, sort code 20-00-00."
    account = Finding(9, 20, "ACCOUNT")
    assert whole_numbers(text, [account]) == [account]


def test_widening_stays_on_the_line() -> None:
    text = "Tel: 555 0143\n22 beds on ward"
    phone = Finding(5, 13, "PHONE")
    assert whole_numbers(text, [phone]) == [phone]
