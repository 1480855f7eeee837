"""Street lines after a cue of living, meeting or sending (text written for the test)."""

from __future__ import annotations

import pytest

from redaction.located_streets import find_located_streets


def _found(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_located_streets(text)]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Magda lives on Hollenweg 224.", "Hollenweg 224"),
        ("He lives on the north side of Tarnowska 39.", "Tarnowska 39"),
        ("Pedestrians must enter on Rákóczi út 66.", "Rákóczi út 66"),
        ("The café is at 48308 Kvarnbacken 44", "48308 Kvarnbacken 44"),
        ("Ask the taxi to Vinkelgade 5 please", "Vinkelgade 5"),
        ("Pedestrians must enter on Trg revolucije 33", "Trg revolucije 33"),
        (
            "Address:\n 170 Kirchstr 70 Apt. 539\n WENG\n Austria 8913",
            "170 Kirchstr 70 Apt. 539\n WENG\n Austria 8913",
        ),
        (
            "Please send it to 12 Calle Ancha 3\n Apt. 4\n Soria\n Spain 42002",
            "12 Calle Ancha 3\n Apt. 4\n Soria\n Spain 42002",
        ),
    ],
)
def test_cued_streets(text: str, street: str) -> None:
    assert _found(text) == [street]


@pytest.mark.parametrize(
    "text",
    [
        "moved to Room 12 yesterday",
        "meet me at Gate 12",
        "We met on 12 March 2019",
        "arrived at Heathrow 5 hours late",
        "The hearing is at Court 4 tomorrow",
        "the file was sent to Division Bench 2",
        "The meeting is at Noon 12",
        "he had been residing in Germany since 1987 and",
        "> > > Send This to 7 People within the next 5",
        "PT MOVED TO BED 4 AT NOON",
        "transfused, then sent to CT 2 and moved to Bay 3; k 4.1, mg 2.0, plt 140",
    ],
)
def test_no_street(text: str) -> None:
    assert _found(text) == []
