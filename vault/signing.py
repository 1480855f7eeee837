"""The ledger checkpoint signing key: Ed25519, kept beside the vault's local keys.

The private key is a 32-byte seed in ``checkpoint-ed25519.seed`` (mode 0600) in the
keyring's 0700 directory, created on first use and refused when readable by group or
others. ``key_id`` is derived from the public key, so a verifier can tell which key
signed a checkpoint. Errors carry the key id only, never key bytes.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from models.errors import KeyFilePermissionError, VaultError
from vault.files import publish_secret

SEED_FILE = "checkpoint-ed25519.seed"
SEED_BYTES = 32
_LOOSE_BITS = stat.S_IRWXG | stat.S_IRWXO


def public_key_id(public: bytes) -> str:
    """``ed25519:<first 16 hex of SHA-256(raw public key)>``."""
    return "ed25519:" + hashlib.sha256(public).hexdigest()[:16]


def verify_signature(public: bytes, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is ``public``'s Ed25519 signature of ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


class Ed25519Signer:
    """Signs checkpoints with a private key held in memory; ``generate()`` for tests."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_key = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = public_key_id(self.public_key)

    @classmethod
    def generate(cls) -> Ed25519Signer:
        return cls(Ed25519PrivateKey.generate())

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def verify(self, signature: bytes, message: bytes) -> bool:
        return verify_signature(self.public_key, signature, message)

    def __repr__(self) -> str:  # never show key material
        return f"Ed25519Signer({self.key_id})"


def local_signer(key_dir: Path) -> Ed25519Signer:
    """The checkpoint signer whose seed lives in ``key_dir`` (created on first use)."""
    path = Path(key_dir) / SEED_FILE
    if not path.exists():
        _create_seed(path)
    return Ed25519Signer(Ed25519PrivateKey.from_private_bytes(_read_seed(path)))


def existing_signer(key_dir: Path) -> Ed25519Signer | None:
    """The checkpoint signer if its key exists (verification never creates a key)."""
    path = Path(key_dir) / SEED_FILE
    if not path.exists():
        return None
    return Ed25519Signer(Ed25519PrivateKey.from_private_bytes(_read_seed(path)))


def _read_seed(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        raise VaultError("checkpoint-key", "checkpoint key unreadable") from exc
    try:
        if os.fstat(fd).st_mode & _LOOSE_BITS:
            raise KeyFilePermissionError("checkpoint-key")
        seed = os.read(fd, SEED_BYTES + 1)
    finally:
        os.close(fd)
    if len(seed) != SEED_BYTES:
        raise VaultError("checkpoint-key", "checkpoint key malformed")
    return seed


def _create_seed(path: Path) -> None:
    """Publish a new seed atomically (temp file + link); a concurrent creator's seed wins."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    publish_secret(path, SEED_BYTES)
