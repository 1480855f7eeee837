"""PDFium's characters normalised: line ends, surrogate pairs, covered chars, boxes."""

from __future__ import annotations

from redaction.pdf_chars import RawChar, normalise, union

B1, B2 = (0.0, 0.0, 5.0, 10.0), (5.0, 1.0, 9.0, 12.0)


def test_crlf_and_lone_cr_become_lf() -> None:
    raw = [RawChar("a", B1, False), RawChar("\r", None, False), RawChar("\n", None, False)]
    raw += [RawChar("b", B2, False), RawChar("\r", None, False), RawChar("c", B1, False)]
    assert normalise(raw).text == "a\nb\nc"


def test_a_surrogate_pair_is_one_char_over_both_boxes() -> None:
    page = normalise([RawChar("\ud83d", B1, False), RawChar("\ude00", B2, False)])
    assert page.text == "\U0001f600" and page.boxes == ((0.0, 0.0, 9.0, 12.0),)


def test_covered_and_unmapped_are_counted_by_index() -> None:
    raw = [RawChar("x", B1, False), RawChar("y", B1, True, covered=True)]
    page = normalise(raw)
    assert (page.covered, page.unmapped) == ((1,), 1)


def test_union() -> None:
    assert union([]) is None and union([B1, B2]) == (0.0, 0.0, 9.0, 12.0)
