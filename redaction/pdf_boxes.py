"""A page's glyph boxes packed into one array of floats: what a long document keeps.

A box as a Python tuple of four floats costs about 200 bytes (measured with memray: 28 MiB
for the boxes of a 60-page scan, 30 lines a page); packed, a char costs 32 bytes. The
sequence reads like the tuple it replaces: ``boxes[i]`` is a ``Box`` or None (a char that
is not drawn), slices give tuples, and it compares equal to the same boxes as a tuple.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from redaction.pdf_chars import Box

_NONE = (math.nan, math.nan, math.nan, math.nan)  # a char without a box


class PackedBoxes(Sequence[Box | None]):
    """An immutable sequence of ``Box | None``, four doubles a char."""

    __slots__ = ("_floats",)

    def __init__(self, boxes: Iterable[Box | None] = ()) -> None:
        floats = array("d")
        for box in boxes:
            floats.extend(_NONE if box is None else box)
        self._floats = floats

    def __len__(self) -> int:
        return len(self._floats) // 4

    @overload
    def __getitem__(self, index: int) -> Box | None: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Box | None, ...]: ...

    def __getitem__(self, index: int | slice) -> Box | tuple[Box | None, ...] | None:
        if isinstance(index, slice):
            return tuple(self._box(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("box index out of range")
        return self._box(index)

    def __iter__(self) -> Iterator[Box | None]:
        return (self._box(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:  # as the tuple it equals
        return hash(tuple(self))

    def __repr__(self) -> str:  # boxes are positions, not text; still kept short
        return f"PackedBoxes({len(self)} chars)"

    def _box(self, i: int) -> Box | None:
        x0, y0, x1, y1 = self._floats[4 * i : 4 * i + 4]
        return None if math.isnan(x0) else (x0, y0, x1, y1)


def pack(boxes: Sequence[Box | None]) -> PackedBoxes:
    """``boxes`` packed (already packed boxes are returned as they are)."""
    return boxes if isinstance(boxes, PackedBoxes) else PackedBoxes(boxes)
