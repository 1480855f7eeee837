"""Given names set off beside a relation (known answers, text written for the test): after a
bracket, a comma, a colon or "is"; a second one after "and"; plain words stay."""

from __future__ import annotations

import pytest

from redaction.detector import Detector, NoEntities
from redaction.relation_names import find_relation_names


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("wife (marta) called twice", ["marta"]),
        ("Wife is Marta.", ["Marta"]),
        ("Brother, Ed, in at noon", ["Ed"]),  # a given name that is also shorthand
        ("husband and daughter (Wilhelmina and Marta) at bedside", ["Wilhelmina", "Marta"]),
        ("NIECE: WILHELMINA, AWARE OF PLAN", ["WILHELMINA"]),
        ("Family: Brother, was in at noon", []),  # the relation itself is no name
        ("wife (stable) aware", []),  # a plain word
        ("son: will call back", []),  # a word-name in lower case
        ("daughter - grace period", []),  # no name boundary after it
    ],
)
def test_find_relation_names(text: str, found: list[str]) -> None:
    spans = list(find_relation_names(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("PERSON", "context:relation") for f in spans)


def test_shorthand_name_survives_the_clinical_guard() -> None:
    text = "Brother, Ed , called at noon. Pt to ED for CT."
    found = [text[f.start : f.end] for f in Detector(ner=NoEntities()).detect(text)]
    assert found == ["Ed"]
