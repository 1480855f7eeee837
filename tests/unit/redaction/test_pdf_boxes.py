"""Packed glyph boxes read back exactly as the tuples they replace."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redaction.pdf_boxes import PackedBoxes, pack
from redaction.pdf_chars import Box

_COORD = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
_BOX = st.tuples(_COORD, _COORD, _COORD, _COORD)
_BOXES = st.lists(st.one_of(st.none(), _BOX), max_size=40)


@given(_BOXES)
def test_boxes_round_trip_item_by_item_and_as_a_whole(boxes: list[Box | None]) -> None:
    packed = PackedBoxes(boxes)
    assert len(packed) == len(boxes)
    assert list(packed) == boxes
    assert [packed[i] for i in range(len(boxes))] == boxes
    assert packed == tuple(boxes) and hash(packed) == hash(tuple(boxes))


@given(_BOXES, st.integers(-45, 45), st.integers(-45, 45), st.sampled_from([1, 2, -1]))
def test_slices_are_the_tuples_slices(boxes: list[Box | None], lo: int, hi: int, step: int) -> None:
    assert PackedBoxes(boxes)[lo:hi:step] == tuple(boxes)[lo:hi:step]


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, (1.0, 2.0, 3.0, 4.0)), (1, None), (-1, (5.5, 6.5, 7.5, 8.5)), (-2, None)],
)
def test_indexing_known_answers(index: int, expected: Box | None) -> None:
    packed = PackedBoxes([(1, 2, 3, 4), None, (5.5, 6.5, 7.5, 8.5)])
    assert packed[index] == expected


@pytest.mark.parametrize("index", [3, -4, 100])
def test_an_index_past_either_end_raises(index: int) -> None:
    with pytest.raises(IndexError):
        PackedBoxes([(1, 2, 3, 4), None, (5, 6, 7, 8)])[index]


def test_packing_is_idempotent_and_unequal_lengths_differ() -> None:
    packed = pack([(1.0, 2.0, 3.0, 4.0)])
    assert pack(packed) is packed
    assert packed != ((1.0, 2.0, 3.0, 4.0), None)
    assert packed != "not boxes"
    assert repr(packed) == "PackedBoxes(1 chars)"


def test_a_packed_char_costs_four_doubles() -> None:
    packed = PackedBoxes([(1.0, 2.0, 3.0, 4.0)] * 1000)
    assert packed._floats.itemsize * len(packed._floats) == 32 * 1000
