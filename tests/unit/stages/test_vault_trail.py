"""The vault drivers' trail: one matter event per call, details checked against the
action's payload model, and the recorded crypto-shred."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from audit import Ledger
from models.audit import Action, Outcome
from models.vault_ref import Purpose, VaultRef
from stages.vault_trail import MATTER, record_vault_event, shred_matter
from vault import KeyScope, open_local_vault

SCOPE = KeyScope("t1", "m1")


def test_an_event_names_the_matter_and_carries_the_tenant() -> None:
    ledger = Ledger("sqlite://")
    record_vault_event(ledger, "op", Action.VAULT_HOLD_PLACED, SCOPE, Outcome.OK, new=True)
    (event,) = ledger.events()
    assert (event.actor, event.action, event.object_type, event.object_id, event.matter) == (
        "op",
        "vault.hold_placed",
        MATTER,
        "m1",
        "m1",
    )
    assert event.details == {"tenant": "t1", "new": True}


def test_every_call_is_its_own_event() -> None:
    ledger = Ledger("sqlite://")
    for _ in range(2):
        record_vault_event(ledger, "op", Action.VAULT_HOLD_RELEASED, SCOPE, Outcome.OK,
                           was_held=False)  # fmt: skip
    assert len({e.key for e in ledger.events()}) == 2


def test_details_outside_the_payload_model_are_refused_before_writing() -> None:
    ledger = Ledger("sqlite://")
    with pytest.raises(ValidationError):
        record_vault_event(ledger, "op", Action.VAULT_HOLD_PLACED, SCOPE, Outcome.OK,
                           new=True, file_name="x.pdf")  # fmt: skip
    with pytest.raises(ValidationError):
        record_vault_event(ledger, "op", Action.VAULT_OUTBOX_PURGED, SCOPE, Outcome.OK)
    assert list(ledger.events()) == []


def test_a_shred_destroys_the_keys_and_records_the_counts(tmp_path: Path) -> None:
    vault, ledger = open_local_vault(tmp_path / "v", tmp_path / "k"), Ledger("sqlite://")
    vault.put(VaultRef("t1", "m1", "doc-1", Purpose.ORIGINAL), b"sealed")
    report = shred_matter(vault, ledger, SCOPE, "op")
    assert report.keys_destroyed == 1
    (event,) = ledger.events()
    assert (event.action, event.outcome) == ("vault.shredded", Outcome.OK)
    assert event.details["keys_destroyed"] == 1 and "reason" not in event.details
