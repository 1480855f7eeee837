"""Helpers for the redaction tests (the real ``detector`` fixture is in tests/conftest.py)."""

from __future__ import annotations


def spans(text: str, findings: list) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.label) for f in findings]
