from __future__ import annotations

import pytest

from redaction.validators import date_ok, dea_ok, iban_ok, ipv4_ok, luhn_ok, npi_ok, ssn_ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("4111 1111 1111 1111", True),
        ("4111-1111-1111-1112", False),
        ("5500005555555559", True),
        ("378282246310005", True),
        ("1234567890123", False),
        ("4111", False),
    ],
)
def test_luhn(value: str, ok: bool) -> None:
    assert luhn_ok(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("123-45-6789", True),
        ("000-12-3456", False),
        ("666-12-3456", False),
        ("900-12-3456", False),
        ("123-00-4567", False),
        ("123-45-0000", False),
        ("123456789", True),
        ("12345678", False),
    ],
)
def test_ssn_area_group_serial_rules(value: str, ok: bool) -> None:
    assert ssn_ok(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("GB82WEST12345698765432", True),
        ("GB82 WEST 1234 5698 7654 32", True),
        ("GB83WEST12345698765432", False),
        ("DE89370400440532013000", True),
        ("XX00", False),
    ],
)
def test_iban_mod97(value: str, ok: bool) -> None:
    assert iban_ok(value) is ok


def test_npi_and_dea_check_digits() -> None:
    assert npi_ok("1234567893") and not npi_ok("1234567890")
    assert dea_ok("AB1234563") and not dea_ok("AB1234564")


@pytest.mark.parametrize(
    ("year", "month", "day", "ok"),
    [
        (2024, 2, 29, True),
        (2024, 2, 30, False),
        (2024, 4, 31, False),
        (2024, 13, 1, False),
        (2024, 0, 1, False),
        (1700, 1, 1, False),
        (None, 12, 31, True),
        (2020, 6, None, True),
    ],
)
def test_date_sanity(year: int | None, month: int, day: int | None, ok: bool) -> None:
    assert date_ok(year, month, day) is ok


@pytest.mark.parametrize(
    ("value", "ok"), [("10.0.0.1", True), ("256.1.1.1", False), ("1.2.3", False)]
)
def test_ipv4(value: str, ok: bool) -> None:
    assert ipv4_ok(value) is ok
