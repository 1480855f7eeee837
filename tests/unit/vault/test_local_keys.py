"""LocalKeyProvider: one private keyring per matter; nothing created until a key is;
versions rotate; a shredded matter's keys are gone and stay gone."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from models.errors import KeyShredded, SealroomError
from vault.key_provider import KeyScope
from vault.local_keys import LocalKeyProvider

A, B = KeyScope("t1", "m1"), KeyScope("t1", "m2")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_reading_creates_nothing(tmp_path: Path) -> None:
    keys = LocalKeyProvider(tmp_path / "keys")
    assert keys.key_ids(A) == []
    assert not (tmp_path / "keys").exists()


def test_the_first_key_is_v1_in_private_directories(tmp_path: Path) -> None:
    keys = LocalKeyProvider(tmp_path / "keys")
    assert keys.current_key_id(A) == "local-v1"
    assert mode(tmp_path / "keys") == 0o700 and mode(tmp_path / "keys" / "t1") == 0o700
    key_files = list((tmp_path / "keys" / "t1" / "m1").glob("*.key"))
    assert key_files and all(mode(p) == 0o600 for p in key_files)


def test_matters_have_their_own_versions(tmp_path: Path) -> None:
    keys = LocalKeyProvider(tmp_path / "keys")
    assert keys.rotate(A) == "local-v2"  # a matter without a key gets v1 first
    assert keys.key_ids(A) == ["local-v1", "local-v2"] and keys.current_key_id(A) == "local-v2"
    assert keys.current_key_id(B) == "local-v1"


def test_a_shredded_matter_has_no_keys_and_gets_none(tmp_path: Path) -> None:
    keys = LocalKeyProvider(tmp_path / "keys")
    keys.rotate(A)
    assert keys.shred(A) == 2
    with pytest.raises(KeyShredded):
        keys.current_key_id(A)
    assert keys.current_key_id(B) == "local-v1"  # other matters untouched


def test_retiring_the_current_key_is_refused(tmp_path: Path) -> None:
    keys = LocalKeyProvider(tmp_path / "keys")
    keys.rotate(A)
    with pytest.raises(SealroomError):
        keys.retire(A, "local-v2")
    keys.retire(A, "local-v1")
    assert keys.key_ids(A) == ["local-v2"]
