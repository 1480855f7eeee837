"""The audit trail's composition: the checkpoint key is never inside the state directory,
never created implicitly, and its public half is published beside the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from composition import audit_wiring
from composition.wiring import open_ledger
from config.settings import Settings
from models.errors import CheckpointKeyError


def settings(tmp_path: Path, key_dir: Path) -> Settings:
    return Settings(home=tmp_path / "home", checkpoint_key_dir=key_dir)


def test_a_key_directory_inside_the_state_directory_is_refused(tmp_path: Path) -> None:
    inside = settings(tmp_path, tmp_path / "home" / "keys")
    with pytest.raises(CheckpointKeyError):
        audit_wiring.signing_key(inside)


def test_no_key_no_checkpointer_and_init_key_publishes_once(tmp_path: Path) -> None:
    chosen = settings(tmp_path, tmp_path / "signing")
    chosen.home.mkdir()
    with open_ledger(chosen) as book:
        assert audit_wiring.checkpointer_for(chosen, book) is None
        with pytest.raises(CheckpointKeyError):
            audit_wiring.checkpointer_for(chosen, book, required=True)
        public, created = audit_wiring.init_key(chosen)
        again, created_again = audit_wiring.init_key(chosen)
        assert (created, created_again, again.key_id) == (True, False, public.key_id)
        with audit_wiring.published_keys(chosen) as published:
            assert published.all() == [public.vkey]
        assert audit_wiring.checkpointer_for(chosen, book) is not None
        assert [k.key_id for k in audit_wiring.pinned_keys(chosen)] == [public.key_id]
