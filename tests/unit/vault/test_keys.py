"""LocalKeyring: key files, modes, versions, refusal of loose permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.errors import KeyFilePermissionError, UnknownKeyError, VaultError
from models.vault_ref import Purpose, VaultRef
from vault.keys import FIRST_KEY_ID, KEY_BYTES, LocalKeyring
from vault.local_keys import LocalKeyProvider
from vault.sealer import Sealer

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.ORIGINAL)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_use_creates_private_key_file(tmp_path: Path) -> None:
    key_dir = tmp_path / "keys"
    assert LocalKeyring(key_dir).current_key_id() == FIRST_KEY_ID
    key_file = key_dir / f"{FIRST_KEY_ID}.key"
    assert _mode(key_file) == 0o600
    assert _mode(key_dir) == 0o700
    assert len(key_file.read_bytes()) == KEY_BYTES
    assert (key_dir / "CURRENT").read_text().strip() == FIRST_KEY_ID


def test_first_seal_creates_per_matter_key_and_leaves_no_temp_files(tmp_path: Path) -> None:
    Sealer(LocalKeyProvider(tmp_path)).seal(b"x", REF)
    matter_dir = tmp_path / "tenant-a" / "matter-1"
    assert sorted(os.listdir(matter_dir)) == ["CURRENT", f"{FIRST_KEY_ID}.key"]
    for directory in (tmp_path, tmp_path / "tenant-a", matter_dir):
        assert _mode(directory) == 0o700, directory
    assert _mode(matter_dir / f"{FIRST_KEY_ID}.key") == 0o600


def test_existing_key_is_reused_not_overwritten(tmp_path: Path) -> None:
    first = LocalKeyring(tmp_path)
    first.current_key_id()
    before = first.key_bytes(FIRST_KEY_ID)
    second = LocalKeyring(tmp_path)
    assert second.current_key_id() == FIRST_KEY_ID
    assert second.key_bytes(FIRST_KEY_ID) == before


def test_key_file_without_current_is_adopted(tmp_path: Path) -> None:
    """A crash between creating local-v1 and writing CURRENT loses nothing."""
    ring = LocalKeyring(tmp_path)
    ring.current_key_id()
    key = ring.key_bytes(FIRST_KEY_ID)
    (tmp_path / "CURRENT").unlink()
    assert ring.current_key_id() == FIRST_KEY_ID
    assert ring.key_bytes(FIRST_KEY_ID) == key


def test_missing_current_next_to_other_versions_is_refused(tmp_path: Path) -> None:
    """Never silently re-create local-v1 after it was shredded."""
    ring = LocalKeyring(tmp_path)
    ring.current_key_id()
    ring.rotate()
    (tmp_path / f"{FIRST_KEY_ID}.key").unlink()
    (tmp_path / "CURRENT").unlink()
    with pytest.raises(VaultError):
        ring.current_key_id()
    assert not (tmp_path / f"{FIRST_KEY_ID}.key").exists()


def test_rotate_adds_a_version_and_makes_it_current(tmp_path: Path) -> None:
    ring = LocalKeyring(tmp_path)
    ring.current_key_id()
    assert ring.rotate() == "local-v2"
    assert ring.current_key_id() == "local-v2"
    assert ring.key_ids() == ["local-v1", "local-v2"]
    assert ring.key_bytes("local-v1") != ring.key_bytes("local-v2")
    assert _mode(tmp_path / "local-v2.key") == 0o600


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660, 0o606, 0o620, 0o602])
def test_loose_key_file_is_refused(tmp_path: Path, mode: int) -> None:
    ring = LocalKeyring(tmp_path)
    ring.current_key_id()
    os.chmod(tmp_path / f"{FIRST_KEY_ID}.key", mode)
    with pytest.raises(KeyFilePermissionError) as info:
        ring.key_bytes(FIRST_KEY_ID)
    assert info.value.ref == FIRST_KEY_ID


@pytest.mark.parametrize("mode", [0o600, 0o400])
def test_owner_only_key_file_is_accepted(tmp_path: Path, mode: int) -> None:
    ring = LocalKeyring(tmp_path)
    ring.current_key_id()
    os.chmod(tmp_path / f"{FIRST_KEY_ID}.key", mode)
    assert len(ring.key_bytes(FIRST_KEY_ID)) == KEY_BYTES


def test_loose_key_file_refused_on_seal_and_open(tmp_path: Path) -> None:
    sealer = Sealer(LocalKeyProvider(tmp_path))
    blob = sealer.seal(b"payload", REF)
    os.chmod(tmp_path / "tenant-a" / "matter-1" / f"{FIRST_KEY_ID}.key", 0o644)
    with pytest.raises(KeyFilePermissionError):
        sealer.seal(b"payload", REF)
    with pytest.raises(KeyFilePermissionError):
        sealer.open(blob, REF)


def test_missing_key_is_unknown(tmp_path: Path) -> None:
    with pytest.raises(UnknownKeyError) as info:
        LocalKeyring(tmp_path / "nowhere").key_bytes("local-v7")
    assert info.value.ref == "local-v7"


@pytest.mark.parametrize("key_id", ["", "local-v0", "../local-v1", "remote-v1", "local-v1/x"])
def test_malformed_key_id_is_refused(tmp_path: Path, key_id: str) -> None:
    with pytest.raises(VaultError) as info:
        LocalKeyring(tmp_path).key_bytes(key_id)
    assert key_id not in str(info.value) or not key_id


@pytest.mark.parametrize("size", [0, 16, 31, 33])
def test_wrong_length_key_file_is_refused(tmp_path: Path, size: int) -> None:
    path = tmp_path / "local-v1.key"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.write(fd, b"k" * size)
    os.close(fd)
    with pytest.raises(VaultError) as info:
        LocalKeyring(tmp_path).key_bytes("local-v1")
    assert "malformed" in str(info.value)


def test_symlinked_key_file_is_refused(tmp_path: Path) -> None:
    ring = LocalKeyring(tmp_path / "a")
    ring.current_key_id()
    other = tmp_path / "b"
    other.mkdir()
    (other / "local-v1.key").symlink_to(tmp_path / "a" / "local-v1.key")
    with pytest.raises(VaultError):
        LocalKeyring(other).key_bytes("local-v1")
