"""Checksum and sanity validators used by the pattern recognizers (pure functions)."""

from __future__ import annotations

import re

_NON_DIGIT = re.compile(r"\D")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")


def digits(value: str) -> str:
    """Only the ASCII digits of ``value``."""
    return _NON_DIGIT.sub("", value)


def luhn_ok(value: str) -> bool:
    """Luhn (mod 10) check over the digits of ``value`` (separators ignored)."""
    nums = digits(value)
    return 12 <= len(nums) <= 19 and luhn_check_digits(nums)


def ssn_ok(value: str) -> bool:
    """US SSN area/group/serial rules: no 000/666/9xx area, no 00 group, no 0000 serial."""
    nums = digits(value)
    if len(nums) != 9:
        return False
    area, group, serial = nums[:3], nums[3:5], nums[5:]
    if area in ("000", "666") or area.startswith("9"):
        return False
    return group != "00" and serial != "0000"


def iban_ok(value: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN (spaces allowed)."""
    compact = _NON_ALNUM.sub("", value).upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    as_digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(as_digits) % 97 == 1


def npi_ok(value: str) -> bool:
    """US National Provider Identifier: 10 digits, Luhn over the '80840' prefix."""
    nums = digits(value)
    if len(nums) != 10:
        return False
    return luhn_check_digits("80840" + nums)


def luhn_check_digits(nums: str) -> bool:
    """Luhn over a string of digits."""
    total = 0
    for i, ch in enumerate(reversed(nums)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def dea_ok(value: str) -> bool:
    """DEA registration number: 2 letters + 7 digits with the DEA check digit."""
    compact = value.strip().upper()
    if len(compact) != 9 or not compact[:2].isalpha() or not compact[2:].isdigit():
        return False
    d = [int(c) for c in compact[2:]]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return check == d[6]


def date_ok(year: int | None, month: int, day: int | None) -> bool:
    """Month 1-12, day 1-31 (1-29 for February, 1-30 for 30-day months), plausible year."""
    if not 1 <= month <= 12:
        return False
    if year is not None and not 1800 <= year <= 2199:
        return False
    if day is None:
        return True
    limit = 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
    return 1 <= day <= limit


def expand_year(text: str) -> int:
    """Two-digit years map to 19xx/20xx; four-digit years are returned as is."""
    year = int(text)
    if len(text) == 2:
        return 2000 + year if year < 50 else 1900 + year
    return year


def ipv4_ok(value: str) -> bool:
    parts = value.split(".")
    return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 and len(p) <= 3 for p in parts)
