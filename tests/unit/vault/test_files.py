"""Durable private files: atomic replace; a secret is created once, 0600, never replaced."""

from __future__ import annotations

import stat
from pathlib import Path

from vault.files import publish_secret, write_durably


def test_write_durably_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    write_durably(tmp_path, "a.bin", b"one")
    write_durably(tmp_path, "a.bin", b"two")
    assert (tmp_path / "a.bin").read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_a_secret_is_created_once_and_private(tmp_path: Path) -> None:
    path = tmp_path / "key"
    publish_secret(path, 32)
    first = path.read_bytes()
    publish_secret(path, 32)  # a racing creator loses and keeps the winner's bytes
    assert path.read_bytes() == first and len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["key"]
