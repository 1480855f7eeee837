"""Finding every occurrence of known values, case- and whitespace-insensitively."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def normalise(value: str) -> str:
    """The comparison key of a value: case-folded, whitespace collapsed and trimmed."""
    return _SPACE.sub(" ", value).strip().casefold()


def _one(value: str) -> str:
    words = [re.escape(w) for w in _SPACE.split(value.strip()) if w]
    body = r"\s+".join(words)
    head = r"(?<!\w)" if value.strip()[:1].isalnum() else ""
    tail = r"(?!\w)" if value.strip()[-1:].isalnum() else ""
    return f"{head}{body}{tail}"


def value_pattern(values: Iterable[str], ignore_case: bool = True) -> re.Pattern[str] | None:
    """One regex matching any of ``values`` as whole words; longest values first."""
    unique = sorted({v.strip() for v in values if v.strip()}, key=lambda v: (-len(v), v))
    if not unique:
        return None
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile("|".join(_one(v) for v in unique), flags)
