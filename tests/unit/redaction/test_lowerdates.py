"""Full dates with a lower-case month are dates; a lone lower-case month word is not."""

from __future__ import annotations

import pytest

from redaction.lowerdates import find_lower_dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("last seen may 16, 2015 in clinic", ["may 16, 2015"]),
        ("discharged 3 march 2016 to home", ["3 march 2016"]),
        ("on sept. 2nd 2019 and dec 31 1999", ["sept. 2nd 2019", "dec 31 1999"]),
        ("we may 16 units give; march 2016 budget; 16 may", []),
    ],
)
def test_lower_case_full_dates(text: str, dates: list[str]) -> None:
    assert [text[f.start : f.end] for f in find_lower_dates(text)] == dates
