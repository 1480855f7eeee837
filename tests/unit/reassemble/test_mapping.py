"""Property: for any document and any valid annotation set, mapping an annotation to the
original and back is exact (an edge inside a token covers the whole token)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.finding import Finding, RedactionResult
from redaction.operators import map_to_original, redact_text, to_rendition

ALPHABET = st.sampled_from(list("ab cd\n\u00e9\U0001f600"))


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, RedactionResult]:
    text = draw(st.text(ALPHABET, min_size=1, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=10, unique=True)))
    pairs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]
    label = draw(st.sampled_from(["PERSON", "DATE", "ID"]))
    findings = [Finding(a, b, label, 1.0, "test") for a, b in pairs]
    return text, redact_text(text, findings)


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, RedactionResult, list[tuple[int, int]]]:
    text, result = draw(documents())
    size = len(result.redacted_text)
    spans = draw(st.lists(st.tuples(st.integers(0, size), st.integers(0, size)), max_size=8))
    return text, result, [(min(a, b), max(a, b)) for a, b in spans]


def inside_token(result: RedactionResult, pos: int) -> bool:
    return any(r.red_start < pos < r.red_end for r in result.replacements)


def snap(result: RedactionResult, start: int, end: int) -> tuple[int, int]:
    """The annotation grown to whole tokens (what a reviewer touching a token means)."""
    for r in result.replacements:
        if r.red_start < start < r.red_end:
            start = r.red_start
        if r.red_start < end < r.red_end:
            end = r.red_end
    return start, end


@given(annotated())
def test_to_original_and_back_is_exact(case: tuple[str, RedactionResult, list]) -> None:
    text, result, spans = case
    for start, end in spans:
        orig = map_to_original(result, start, end)
        assert 0 <= orig[0] <= orig[1] <= len(text)
        back = to_rendition(result, *orig)
        assert back == snap(result, start, end)
        if not inside_token(result, start) and not inside_token(result, end):
            assert back == (start, end)
        assert map_to_original(result, *back) == orig


@given(annotated())
def test_original_quote_redacts_to_the_rendition_span(case) -> None:
    """The original text under the mapped span, redacted, is the rendition text under the
    (snapped) annotation: nothing shifts, nothing is lost."""
    text, result, spans = case
    for start, end in spans:
        o_start, o_end = map_to_original(result, start, end)
        a, b = snap(result, start, end)
        pieces, cursor = [], o_start
        for r in result.replacements:
            if o_start <= r.orig_start and r.orig_end <= o_end and r.orig_end > r.orig_start:
                pieces += [text[cursor : r.orig_start], r.token]
                cursor = r.orig_end
        pieces.append(text[cursor:o_end])
        assert "".join(pieces) == result.redacted_text[a:b]


@given(documents(), st.data())
def test_any_original_span_maps_to_a_rendition_span_covering_it(case, data) -> None:
    text, result = case
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    r_start, r_end = to_rendition(result, start, end)
    o_start, o_end = map_to_original(result, r_start, r_end)
    assert o_start <= start <= end <= o_end
