"""Vault operations on the audit trail: counts and ids only, one event each, typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit import Ledger
from models.audit import Outcome
from models.errors import LegalHoldActive
from models.events import read_payload
from stages import vault_ops
from vault import KeyScope, open_local_vault

SCOPE = KeyScope("t1", "m1")


def test_holds_and_a_refused_shred_are_recorded(tmp_path: Path) -> None:
    vault, ledger = open_local_vault(tmp_path / "v", tmp_path / "k"), Ledger("sqlite://")
    assert vault_ops.place_hold(vault, ledger, SCOPE, "counsel") is True
    with pytest.raises(LegalHoldActive):
        vault_ops.shred(vault, ledger, SCOPE, "counsel")
    assert vault_ops.release_hold(vault, ledger, SCOPE, "counsel") is True
    events = list(ledger.events())
    assert [e.action for e in events] == [
        "vault.hold_placed",
        "vault.shredded",
        "vault.hold_released",
    ]
    assert events[1].outcome == Outcome.REJECTED
    assert [e.details for e in events] == [
        {"tenant": "t1", "new": True},
        {"tenant": "t1", "reason": "legal hold"},
        {"tenant": "t1", "was_held": True},
    ]
    assert all(read_payload(e).details() == e.details for e in events)
