"""Tokens, consistency, offset mapping back to the original, token restoration."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.finding import Finding, RedactionResult
from redaction.operators import map_to_original, redact_text, restore_tokens

TEXT = "Ann Lee met ANN  LEE on 03/04/2021; Bo Chan called 415-555-0142 about Ann Lee."


def _find(value: str, label: str, start: int = 0) -> Finding:
    a = TEXT.index(value, start)
    return Finding(a, a + len(value), label)


FINDINGS = [
    _find("Ann Lee", "PERSON"),
    _find("ANN  LEE", "PERSON"),
    _find("03/04/2021", "DATE"),
    _find("Bo Chan", "PERSON"),
    _find("415-555-0142", "PHONE"),
    _find("Ann Lee", "PERSON", 40),
]


def test_typed_tokens_same_value_same_token() -> None:
    result = redact_text(TEXT, FINDINGS)
    assert result.redacted_text == (
        "[PERSON_1] met [PERSON_1] on [DATE_1]; [PERSON_2] called [PHONE_1] about [PERSON_1]."
    )
    assert result.entity_counts() == {"DATE": 1, "PERSON": 4, "PHONE": 1}


def test_replacements_record_both_offsets() -> None:
    result = redact_text(TEXT, FINDINGS)
    for rep in result.replacements:
        assert TEXT[rep.orig_start : rep.orig_end] == rep.original
        assert result.redacted_text[rep.red_start : rep.red_end] == rep.token


def test_custom_namer_plugs_in() -> None:
    class Upper:
        def name(self, label: str, value: str) -> str:
            return f"<{label}:{len(value)}>"

    result = redact_text(TEXT, FINDINGS[:1], Upper())
    assert result.redacted_text.startswith("<PERSON:7> met")


def test_map_to_original_snaps_to_whole_entity() -> None:
    result = redact_text(TEXT, FINDINGS)
    red = result.redacted_text
    inside = red.index("[DATE_1]") + 3
    assert map_to_original(result, inside, inside + 2) == (TEXT.index("03/"), TEXT.index(";"))
    start = red.index("called")
    assert TEXT[slice(*map_to_original(result, start, start + 6))] == "called"


def test_restore_tokens_in_comment() -> None:
    result = redact_text(TEXT, FINDINGS)
    assert (
        restore_tokens(result, "Ask [PERSON_2] about [DATE_1].") == "Ask Bo Chan about 03/04/2021."
    )
    assert restore_tokens(result, "[PERSON_9] unknown") == "[PERSON_9] unknown"


@st.composite
def _redaction(draw: st.DrawFn) -> tuple[str, RedactionResult]:
    text = draw(st.text(alphabet="abc XY.", min_size=1, max_size=80))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    findings = [
        Finding(a, b, draw(st.sampled_from(["PERSON", "DATE"])))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
        if a < b
    ]
    return text, redact_text(text, findings)


def _restore_span(result: RedactionResult, start: int, end: int) -> tuple[int, int, str]:
    """Widen [start, end) to whole tokens and restore their originals positionally."""
    for rep in result.replacements:
        if (rep.red_start < end and start < rep.red_end) or rep.red_start < start < rep.red_end:
            start, end = min(start, rep.red_start), max(end, rep.red_end)
    out, pos = [], start
    for rep in result.replacements:
        if start <= rep.red_start and rep.red_end <= end:
            out += [result.redacted_text[pos : rep.red_start], rep.original]
            pos = rep.red_end
    out.append(result.redacted_text[pos:end])
    return start, end, "".join(out)


@given(_redaction(), st.data())
def test_map_to_original_covers_same_text(
    case: tuple[str, RedactionResult], data: st.DataObject
) -> None:
    text, result = case
    n = len(result.redacted_text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    o_start, o_end = map_to_original(result, start, end)
    if start == end:
        assert o_start <= o_end
        return
    _, _, restored = _restore_span(result, start, end)
    assert text[o_start:o_end] == restored


def test_hmac_tokens_are_keyed_consistent_and_distinct() -> None:
    from redaction.operators import HmacNamer

    key = b"k" * 32
    first, second = HmacNamer(key), HmacNamer(key)
    token = first.name("PERSON", "jane roe")
    assert token == second.name("PERSON", "jane roe")  # same matter key: same token
    assert re.fullmatch(r"\[PERSON_\d{8}\]", token)
    assert first.name("PERSON", "john roe") != token
    assert HmacNamer(b"x" * 32).name("PERSON", "jane roe") != token  # keyed, not a bare hash


def test_hmac_collisions_within_a_namer_get_a_suffix() -> None:
    from redaction.operators import HmacNamer

    namer = HmacNamer(b"k" * 32)
    namer.DIGITS = 1  # force collisions
    tokens = {namer.name("DATE", str(i)) for i in range(30)}
    assert len(tokens) == 30


def test_hmac_key_must_be_long_enough() -> None:
    from redaction.operators import HmacNamer

    with pytest.raises(ValueError):
        HmacNamer(b"short")
