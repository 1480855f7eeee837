"""A phone number is never split into a partly readable number and an ACCOUNT token. Texts
written for these tests."""

from __future__ import annotations

import re

import pytest

from models.finding import Finding
from redaction.detector import Detector
from redaction.leakcheck import redact_to_fixpoint
from redaction.numberspans import whole_numbers
from redaction.operators import TOKEN


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
