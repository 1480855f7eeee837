"""Vault refs: opaque ids only, a key that round-trips, and the encryption context."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.vault_ref import Purpose, VaultRef, check_id, matter_prefix

IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True)


@given(IDS, IDS, IDS, st.sampled_from(list(Purpose)), st.integers(1, 10**6))
def test_the_object_key_round_trips(t: str, m: str, d: str, p: Purpose, v: int) -> None:
    ref = VaultRef(t, m, d, p, v)
    assert VaultRef.from_key(ref.key) == ref
    assert ref.key.startswith(matter_prefix(t, m))


@pytest.mark.parametrize("bad", ["", "../x", "a/b", "Jane Roe", "x" * 300])
def test_ids_that_could_escape_or_carry_text_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid"):
        check_id(bad, "document")


def test_the_context_binds_every_part() -> None:
    ref = VaultRef("t1", "m1", "doc-1", Purpose.ORIGINAL, 2)
    assert ref.context() == {
        "sealroom:tenant": "t1",
        "sealroom:matter": "m1",
        "sealroom:document": "doc-1",
        "sealroom:purpose": "original",
        "sealroom:version": "2",
    }
