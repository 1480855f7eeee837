"""Shared fixtures: the bundled samples and their known PII values."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def pii_values() -> list[str]:
    path = REPO / "tests" / "fixtures" / "sample_pii.json"
    return [v for v in json.loads(path.read_text(encoding="utf-8")) if len(v) >= 3]


def pii_pattern(values: Iterable[str]) -> re.Pattern[str]:
    """Whole-word, case- and whitespace-insensitive match of any value."""
    parts = [
        r"\s+".join(map(re.escape, v.split())) for v in sorted(set(values), key=len, reverse=True)
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def find_pii(text: str, pattern: re.Pattern[str]) -> list[str]:
    return sorted({m.group(0) for m in pattern.finditer(text)})


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_pii() -> re.Pattern[str]:
    return pii_pattern(pii_values())


@pytest.fixture(scope="session")
def scan_pii(sample_pii: re.Pattern[str]) -> Callable[[str], list[str]]:
    """Return the fixture PII values found in a text (empty when it is clean)."""
    return lambda text: find_pii(text, sample_pii)
