"""Filters that used to delete found PII: each case is the shape of text that lost it."""

from __future__ import annotations

import pytest

from redaction.detector import Detector


def _covered(detector: Detector, text: str, value: str) -> bool:
    start = text.index(value)
    end = start + len(value)
    return any(f.start <= start and end <= f.end for f in detector.detect(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the clinical-word guard must not override a title: these surnames are plain words
        ("Pt seen by Dr. Stool this am.", "Stool"),
        ("PT SEEN BY DR. WARD, PLAN UNCHANGED.", "WARD"),
        ("dr. bath aware of labs.", "bath"),
        # trimming a leading state emptied the facility's name
        ("Transferred from Delaware Rehab yesterday.", "Delaware"),
        # "may" (a verb elsewhere) was cut out of a full lower-case date
        ("last seen may 16, 2015 in clinic.", "may 16, 2015"),
        ("discharged 3 march 2016 to home.", "3 march 2016"),
        # an ALL-CAPS surname after a mixed-case given name was cut as an acronym
        ("Contact: Rosalind PEMBERTON, daughter, at the bedside.", "Rosalind PEMBERTON"),
        # the court-name rule ran on into the name after it
        ("The Supreme Court Justice Maria Ostrowska wrote the opinion.", "Maria Ostrowska"),
    ],
)
def test_found_value_survives_the_filters(detector: Detector, text: str, value: str) -> None:
    assert _covered(detector, text, value), value


@pytest.mark.parametrize(
    ("text", "readable"),
    [
        ("Agent Asuka Ikeda DEA signed the form.", "DEA"),
        ("she moved from Boston, Massachusetts last year.", "Massachusetts"),
        ("we may 16 units give if needed.", "may"),
    ],
)
def test_acronyms_states_and_verbs_stay_readable(
    detector: Detector, text: str, readable: str
) -> None:
    start = text.index(readable)
    assert not any(f.start <= start < f.end for f in detector.detect(text)), readable
