from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redaction.dateshift import DateShiftNamer, parse_date, patient_of, shift_days
from redaction.operators import TOKEN, CounterNamer

KEY = bytes(range(32))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("03/14/2024", date(2024, 3, 14)),
        ("3-4-24", date(2024, 3, 4)),
        ("2024-03-14", date(2024, 3, 14)),
        ("March 14, 2024", date(2024, 3, 14)),
        ("mar. 14th, 2024", date(2024, 3, 14)),
        ("Tuesday, March 12, 2024", date(2024, 3, 12)),
        ("14 March 2024", date(2024, 3, 14)),
        ("the 3rd of June, 1987", date(1987, 6, 3)),
        ("12/31/99", date(1999, 12, 31)),
    ],
)
def test_parse_known_forms(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["13/45/2024", "March 2024", "2024", "Smarch 3, 2020", "3/4"])
def test_partial_or_impossible_dates_are_not_shifted(value: str) -> None:
    assert parse_date(value) is None


@given(st.text(min_size=1, max_size=40))
def test_shift_is_nonzero_bounded_and_stable(patient: str) -> None:
    days = shift_days(KEY, patient)
    assert 1 <= abs(days) <= 365
    assert shift_days(KEY, patient.upper()) == days  # case does not change whose dates
    assert shift_days(KEY, patient) == days


@pytest.mark.parametrize(
    ("written", "capitals"), [("I\u015f\u0131k Y\u0131lmaz", "I\u015eIK YILMAZ"), ("Groß", "GROSS")]
)
def test_a_name_in_capitals_is_the_same_patient(written: str, capitals: str) -> None:
    assert shift_days(KEY, written) == shift_days(KEY, capitals)


def test_shift_depends_on_the_key() -> None:
    other = bytes(reversed(range(32)))
    shifts = {shift_days(k, f"patient {i}") for k in (KEY, other) for i in range(20)}
    assert len(shifts) > 20


@given(st.dates(date(1900, 1, 1), date(2090, 1, 1)), st.dates(date(1900, 1, 1), date(2090, 1, 1)))
def test_intervals_are_kept(a: date, b: date) -> None:
    namer = DateShiftNamer(CounterNamer(), shift_days(KEY, "Ngozi Eze"))
    shifted = [date.fromisoformat(namer.name("DATE", d.strftime("%m/%d/%Y"))[6:-1]) for d in (a, b)]
    assert shifted[1] - shifted[0] == b - a
    assert shifted[0] != a


def test_tokens_and_fallbacks() -> None:
    namer = DateShiftNamer(CounterNamer(), 10)
    assert namer.name("DATE", "01/01/2020") == "[DATE_2020-01-11]"
    assert namer.name("DATE", "spring of last year") == "[DATE_1]"
    assert namer.name("PERSON", "ngozi eze") == "[PERSON_1]"
    assert all(TOKEN.fullmatch(t) for t in ("[DATE_2020-01-11]", "[PERSON_04172255_2]"))
    assert date(2020, 1, 1) + timedelta(days=10) == date(2020, 1, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient: Ngozi Eze\nDOB 1/2/1960", "Ngozi Eze"),
        ("PT: WONG, MEI", "WONG"),
        ("no one", "doc-1"),
    ],
)
def test_patient_of(text: str, expected: str) -> None:
    assert patient_of(text, "doc-1") == expected
