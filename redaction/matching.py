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


def _broken(value: str) -> str:
    """``value`` as a pattern that also matches it hyphenated at a line end (Ells-\nworth)."""
    words = [w for w in _SPACE.split(value.strip()) if w]
    body = r"\s+".join(r"(?:-\s*)?".join(re.escape(c) for c in word) for word in words)
    head = r"(?<!\w)" if value.strip()[:1].isalnum() else ""
    tail = r"(?!\w)" if value.strip()[-1:].isalnum() else ""
    return f"{head}{body}{tail}"


def broken_value_pattern(values: Iterable[str]) -> re.Pattern[str] | None:
    """Like :func:`value_pattern`, also matching values broken by a line-end hyphen."""
    unique = sorted({v.strip() for v in values if v.strip()}, key=lambda v: (-len(v), v))
    if not unique:
        return None
    return re.compile("|".join(_broken(v) for v in unique), re.IGNORECASE)
