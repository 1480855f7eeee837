"""Self-evident identifiers: e-mail, phone/fax, SSN, cards, URLs, IPs, IBANs, VINs, ages over 89."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from models.finding import Finding
from redaction.validators import digits, iban_ok, ipv4_ok, luhn_ok, ssn_ok

_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?!\w)")
_URL = re.compile(
    r"(?<![\w@])(?:https?://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]"
    r"|(?<![\w@.])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|info|biz)/[^\s<>\"')\]]*\w",
    re.IGNORECASE,
)
_PHONE_US = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?(?![\w-])",
    re.IGNORECASE,
)
_PHONE_INTL = re.compile(
    r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{1,5}){1,4}(?![\w-])"
)
_PHONE_CONTEXT = re.compile(
    r"(?:\b(?:phone|tel|telephone|fax|cell|mobile|pager|direct|ph)\b\.?(?:\s*(?:no\.?|number|#))?"
    r"\s*[:#]?\s*)(?P<v>\+?\d[\d\s().-]{6,18}\d)",
    re.IGNORECASE,
)
_SSN = re.compile(r"(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])")
_SSN_CONTEXT = re.compile(
    r"\b(?:SSN|SS#|social\s+security(?:\s+(?:no\.?|number|#))?)\W{0,5}(?:is\s+)?"
    r"(?P<v>\d{3}[- ]?\d{2}[- ]?\d{4})(?!\d)",
    re.IGNORECASE,
)
_CARD = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}(?![\w:])")
_IBAN = re.compile(
    r"(?<!\w)[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)(?!\w)"
)
_VIN = re.compile(r"(?<!\w)(?=[A-Z0-9]*\d[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}(?!\w)")
# Federal docket numbers (1:24-cv-01187, 2:19-cr-00042-JAM): they lead straight to the parties.
_DOCKET = re.compile(
    r"(?<![\w-])\d{1,2}:\d{2}-(?:cv|cr|mc|mj|bk|ap|md|po|sw)-\d{3,6}(?:-[A-Z]{2,4})*(?![\w-])",
    re.IGNORECASE,
)
# Any court's case number announced as such: "Case No. 37-2024-00012345-CU-PO-CTL"
_CASE_NO = re.compile(
    r"\b(?i:case|docket|civil\s+action|index|cause)\s+(?i:no\.?|number|#)\s*:?\s*"
    r"(?P<v>(?=[A-Z0-9:./-]*\d)[A-Z0-9][A-Z0-9:./-]{3,}[A-Z0-9])(?![\w-])"
)
_AGE = re.compile(
    r"\b(?P<v>9\d|1[0-4]\d)(?:\s*|-)(?:years?|yrs?|y/?o)\b(?:[\s-]*old\b)?"
    r"|\b(?:age[ds]?|aged)\s*:?\s*(?P<w>9\d|1[0-4]\d)\b"
    r"|\b(?:nonagenarian|centenarian)\b",
    re.IGNORECASE,
)


_URL_HINT = re.compile(r"(?i:https?://|www\.|\.(?:com|org|net|edu|gov|io|co|info|biz)/)")


def _simple(
    rx: re.Pattern[str],
    label: str,
    ok: Callable[[str], bool] | None = None,
    hint: re.Pattern[str] | None = None,
) -> Callable[[str], Iterator[Finding]]:
    """Matches of ``rx`` (validated by ``ok``); skipped when a cheap ``hint`` is absent."""

    def find(text: str) -> Iterator[Finding]:
        if hint is not None and not hint.search(text):
            return
        for m in rx.finditer(text):
            if ok is None or ok(m.group()):
                yield Finding(m.start(), m.end(), label, 0.95, f"pattern:{label.lower()}")

    return find


def _group(
    rx: re.Pattern[str], label: str, names: tuple[str, ...] = ("v",)
) -> Callable[[str], Iterator[Finding]]:
    def find(text: str) -> Iterator[Finding]:
        for m in rx.finditer(text):
            name = next((n for n in names if m.group(n)), None)
            start, end = (m.start(name), m.end(name)) if name else (m.start(), m.end())
            yield Finding(start, end, label, 0.9, f"pattern:{label.lower()}")

    return find


def _phone_digits_ok(value: str) -> bool:
    return 7 <= len(digits(value)) <= 15


RECOGNIZERS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _simple(_EMAIL, "EMAIL"),
    _simple(_URL, "URL", hint=_URL_HINT),
    _simple(_PHONE_US, "PHONE"),
    _simple(_PHONE_INTL, "PHONE", lambda v: 8 <= len(digits(v)) <= 15),
    _group(_PHONE_CONTEXT, "PHONE"),
    _simple(_SSN, "SSN", ssn_ok),
    _group(_SSN_CONTEXT, "SSN"),
    _simple(_CARD, "CREDIT_CARD", luhn_ok),
    _simple(_IPV4, "IP_ADDRESS", ipv4_ok),
    _simple(_IPV6, "IP_ADDRESS"),
    _simple(_IBAN, "ACCOUNT", iban_ok),
    _simple(_VIN, "VEHICLE"),
    _simple(_DOCKET, "CASE_NUMBER"),
    _group(_CASE_NO, "CASE_NUMBER"),
    _group(_AGE, "AGE", ("v", "w")),
)


def find_identifiers(text: str) -> list[Finding]:
    """Every self-evident identifier in ``text`` (validated where a checksum exists)."""
    return [f for rec in RECOGNIZERS for f in rec(text)]
