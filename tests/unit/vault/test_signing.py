"""The checkpoint key: Ed25519, created only when asked (0600 in a 0700 folder), never
shown; verifier keys round-trip through their text form and are checked."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from models.errors import CheckpointKeyError
from vault.signing import SEED_FILE, Ed25519Signer, LocalSigningKey, parse_vkey


def test_sign_and_verify() -> None:
    signer = Ed25519Signer.generate()
    signature = signer.sign(b"head")
    assert signer.verify(signature, b"head") and not signer.verify(signature, b"other")
    assert repr(signer) == f"Ed25519Signer({signer.key_id})"


def test_the_local_key_is_created_once_and_private(tmp_path: Path) -> None:
    key = LocalSigningKey(tmp_path / "keys")
    assert not key.exists() and key.verifier() is None
    with pytest.raises(CheckpointKeyError):
        key.signer()  # never created implicitly
    first = key.create()
    again = key.create()
    assert first.key_id == again.key_id == key.signer().key_id
    assert stat.S_IMODE((tmp_path / "keys" / SEED_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700


def test_a_verifier_key_round_trips_and_is_checked() -> None:
    public = Ed25519Signer.generate().public()
    parsed = parse_vkey(public.vkey)
    assert (parsed.key_id, parsed.public_key) == (public.key_id, public.public_key)
    name, digest, blob = public.vkey.split("+", 2)
    with pytest.raises(CheckpointKeyError):
        parse_vkey(f"{name}+{'0' * len(digest)}+{blob}")
