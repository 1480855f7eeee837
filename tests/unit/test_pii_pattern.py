"""The leak scans' matcher (tests/conftest.py): the grouped pattern finds exactly what the
plain longest-first alternation finds, so making it fast made no scan assert less."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FOLDS_BEYOND_ASCII, find_pii, pii_pattern, plain_pii_pattern

# Letters with unusual case folding (long s, Kelvin sign, dotted/dotless i, sharp s), digits,
# decimal points, spaces, punctuation and a few letters: every branch of the pattern.
ALPHABET = "aAbBsS\u017fkK\u212aiI\u0130\u0131\u00df\u00e919. \t\n-'_"
VALUE = st.text(ALPHABET, min_size=1, max_size=6)
TEXT = st.text(ALPHABET, max_size=80)


def spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(VALUE, min_size=1, max_size=8), st.lists(TEXT, min_size=1, max_size=4))
def test_grouped_pattern_matches_exactly_what_the_plain_one_matches(
    values: list[str], texts: list[str]
) -> None:
    grouped, plain = pii_pattern(values), plain_pii_pattern(values)
    for text in [*texts, " ".join(values), "\n".join(v.upper() for v in values)]:
        assert spans(text, grouped) == spans(text, plain)
        assert find_pii(text, grouped) == find_pii(text, plain)


CASES = [  # (values, text, found)
    (["Jane Roe", "Roe"], "Dr. JANE\n roe saw Roe.", ["JANE\n roe", "Roe"]),
    (["02139"], "zip 02139, time 0.02139 s, 02139.5", ["02139"]),
    (["Kim", "kimball"], "Kimball and kim", ["Kimball", "kim"]),
    (["Ann"], "Annual Anne ann_x", []),
]


def test_known_answers() -> None:
    for values, text, found in CASES:
        assert find_pii(text, pii_pattern(values)) == sorted(found), (values, text)


def test_only_i_k_and_s_fold_beyond_ascii() -> None:
    """What the grouping rests on: ignoring case, no non-ASCII character matches an ASCII one
    but those of i, k and s (so the other ASCII groups cannot both match at one position)."""
    ascii_class = re.compile("[\\x00-\\x7f]", re.IGNORECASE)
    folding = [chr(i) for i in range(128, sys.maxunicode + 1) if ascii_class.fullmatch(chr(i))]
    partners = {a.lower() for c in folding for a in map(chr, range(128)) if matches(a, c)}
    assert partners == set(FOLDS_BEYOND_ASCII), folding


def matches(a: str, c: str) -> bool:
    """Either character, as a pattern ignoring case, matches the other."""
    fold = re.IGNORECASE
    return bool(re.fullmatch(re.escape(a), c, fold) or re.fullmatch(re.escape(c), a, fold))
