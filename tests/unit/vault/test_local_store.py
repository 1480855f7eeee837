"""LocalDirStore specifics: atomic, private, opaque temp names, no escapes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.errors import VaultError
from vault.local_store import LocalDirStore

KEY = "tenants/t1/matters/m1/docs/d1/original/v1.sealed"


def _all_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_put_writes_one_private_file(tmp_path: Path) -> None:
    store = LocalDirStore(tmp_path / "vault")
    store.put(KEY, b"sealed")
    assert _all_files(tmp_path / "vault") == [KEY]
    assert stat.S_IMODE((tmp_path / "vault" / KEY).stat().st_mode) == 0o600
    root = tmp_path / "vault"
    created = [root / d for d in Path(KEY).parents]  # root itself and every level in it
    assert len(created) == 8
    for directory in created:
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700, directory


def test_temp_file_is_opaque_and_replaced_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moves: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        moves.append((os.fspath(src), os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    LocalDirStore(tmp_path).put(KEY, b"Jane Doe")
    ((src, dst),) = moves
    assert Path(dst) == tmp_path / KEY
    assert Path(src).parent == Path(dst).parent
    assert "v1" not in Path(src).name and "Jane" not in Path(src).name


def test_failed_write_leaves_old_object_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalDirStore(tmp_path)
    store.put(KEY, b"old")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        store.put(KEY, b"new")
    monkeypatch.undo()
    assert store.get(KEY) == b"old"
    assert _all_files(tmp_path) == [KEY]


def test_list_skips_temp_and_stray_files(tmp_path: Path) -> None:
    store = LocalDirStore(tmp_path)
    store.put(KEY, b"x")
    (tmp_path / "tenants" / ".tmp-abc123").write_bytes(b"partial")
    (tmp_path / "tenants" / "bad name").write_bytes(b"stray")
    assert store.list("") == [KEY]


def test_list_on_missing_root_is_empty(tmp_path: Path) -> None:
    assert LocalDirStore(tmp_path / "absent").list("") == []


def test_symlink_out_of_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "vault"
    root.mkdir()
    (root / "tenants").symlink_to(outside, target_is_directory=True)
    store = LocalDirStore(root)
    with pytest.raises(VaultError):
        store.put(KEY, b"data")
    with pytest.raises(VaultError):
        store.get(KEY)
    assert list(outside.iterdir()) == []


def test_root_reached_through_a_symlink_works(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    store = LocalDirStore(tmp_path / "link")
    store.put(KEY, b"data")
    assert store.get(KEY) == b"data"
    assert (real / KEY).is_file()
