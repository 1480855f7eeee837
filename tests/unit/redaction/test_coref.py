"""One person, one token: name parts, entities within a document, one token across a matter
under the matter key; common words are not names. Texts written for these tests."""

from __future__ import annotations

import re

import pytest

from models.finding import Finding
from redaction.coref import entity_keys, name_parts
from redaction.detector import Detector
from redaction.leakcheck import redact_to_fixpoint
from redaction.operators import HmacNamer, redact_text

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
