"""The checkpoint key: Ed25519, created once (0600), never shown."""

from __future__ import annotations

import stat
from pathlib import Path

from vault.signing import (
    SEED_FILE,
    Ed25519Signer,
    existing_signer,
    local_signer,
    public_key_id,
    verify_signature,
)


def test_sign_and_verify() -> None:
    signer = Ed25519Signer.generate()
    signature = signer.sign(b"head")
    assert signer.verify(signature, b"head") and not signer.verify(signature, b"other")
    assert repr(signer) == f"Ed25519Signer({signer.key_id})"


def test_the_local_key_is_created_once_and_private(tmp_path: Path) -> None:
    assert existing_signer(tmp_path) is None
    first = local_signer(tmp_path)
    again = local_signer(tmp_path)
    existing = existing_signer(tmp_path)
    assert existing is not None and first.key_id == again.key_id == existing.key_id
    assert stat.S_IMODE((tmp_path / SEED_FILE).stat().st_mode) == 0o600


def test_verify_signature_by_public_key(tmp_path: Path) -> None:
    signer = local_signer(tmp_path)
    public = signer.public_key
    assert public_key_id(public) == signer.key_id
    assert verify_signature(public, signer.sign(b"m"), b"m")
    assert not verify_signature(public, b"\x00" * 64, b"m")
