"""Legal holds: placed once, released once, and a held matter refuses shredding."""

from __future__ import annotations

import pytest

from models.errors import LegalHoldActive
from vault import KeyScope, LegalHolds, MemoryStore

SCOPE = KeyScope("t1", "m1")


def test_place_release_and_check() -> None:
    holds = LegalHolds(MemoryStore())
    holds.check_not_held(SCOPE)
    assert holds.place(SCOPE, "2025-03-01T00:00:00Z", "counsel") is True
    assert holds.place(SCOPE, "2025-03-02T00:00:00Z", "someone") is False  # first record stays
    assert holds.is_held(SCOPE) and not holds.is_held(KeyScope("t1", "m2"))
    with pytest.raises(LegalHoldActive):
        holds.check_not_held(SCOPE)
    assert holds.release(SCOPE) is True
    assert holds.release(SCOPE) is False
    holds.check_not_held(SCOPE)
