"""The ledger checkpoint signing key, as a C2SP signed-note key.

Ed25519 (signature type 0x01) for the local key: key hash = first 4 bytes of
SHA-256(name || 0x0A || 0x01 || public key). ECDSA P-256 with SHA-256 (type 0x02, as in
Sigstore's checkpoints) for the KMS key (``vault/kms_signing.py``): key hash = first 4
bytes of SHA-256(DER SubjectPublicKeyInfo), DER signatures. The public half is shared as
a verifier key ``<name>+<hex key hash>+<base64(type || public key)>``.

The local key is a 32-byte seed in ``checkpoint-ed25519.seed`` (0600) in its own 0700
directory; it is created only by an explicit ``create()`` and refused when readable by
group or others. Errors carry ids only, never key bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_der_public_key,
)

from models.errors import CheckpointKeyError, KeyFilePermissionError
from vault.files import publish_secret

SEED_FILE = "checkpoint-ed25519.seed"
SEED_BYTES = 32
ED25519, ECDSA = 0x01, 0x02
DEFAULT_NAME = "sealroom-checkpoint"
_LOOSE_BITS = stat.S_IRWXG | stat.S_IRWXO


def public_key_id(public: bytes) -> str:
    """The first checkpoint format's id: ``ed25519:<16 hex of SHA-256(public key)>``."""
    return "ed25519:" + hashlib.sha256(public).hexdigest()[:16]


def key_hash(name: str, sig_type: int, public: bytes) -> bytes:
    if sig_type == ECDSA:
        return hashlib.sha256(public).digest()[:4]
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([sig_type]) + public).digest()[:4]


class NoteVerifier:
    """A public checkpoint key (Ed25519 raw key or ECDSA P-256 DER SPKI)."""

    def __init__(self, name: str, sig_type: int, public: bytes) -> None:
        if sig_type not in (ED25519, ECDSA):
            raise CheckpointKeyError(name, "unsupported checkpoint key type")
        self.name: str = name
        self.sig_type: int = sig_type
        self.public_key: bytes = public
        self.key_hash: bytes = key_hash(name, sig_type, public)
        self.key_id: str = f"{name}+{self.key_hash.hex()}"
        self.legacy_ids: tuple[str, ...] = (public_key_id(public),) if sig_type == ED25519 else ()

    @property
    def vkey(self) -> str:
        blob = base64.b64encode(bytes([self.sig_type]) + self.public_key).decode("ascii")
        return f"{self.key_id}+{blob}"

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            if self.sig_type == ED25519:
                Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
            else:
                key = load_der_public_key(self.public_key)
                if not isinstance(key, ec.EllipticCurvePublicKey):
                    return False
                key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        except (InvalidSignature, ValueError):
            return False
        return True

    def __repr__(self) -> str:
        return f"NoteVerifier({self.key_id})"


def parse_vkey(text: str) -> NoteVerifier:
    """A verifier key ``<name>+<hex key hash>+<base64(type || key)>``, checked."""
    parts = text.strip().split("+", 2)
    if len(parts) != 3:
        raise CheckpointKeyError("", "malformed checkpoint public key")
    try:
        blob = base64.b64decode(parts[2], validate=True)
        verifier = NoteVerifier(parts[0], blob[0], blob[1:])
    except (binascii.Error, ValueError, IndexError) as exc:
        raise CheckpointKeyError("", "malformed checkpoint public key") from exc
    if verifier.key_hash.hex() != parts[1].lower():
        raise CheckpointKeyError(parts[0], "checkpoint public key does not match its hash")
    return verifier


class Ed25519Signer(NoteVerifier):
    """Signs checkpoints with a private key held in memory; ``generate()`` for tests."""

    def __init__(self, private: Ed25519PrivateKey, name: str = DEFAULT_NAME) -> None:
        self._private = private
        public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        super().__init__(name, ED25519, public)

    @classmethod
    def generate(cls, name: str = DEFAULT_NAME) -> Ed25519Signer:
        return cls(Ed25519PrivateKey.generate(), name)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def public(self) -> NoteVerifier:
        return NoteVerifier(self.name, ED25519, self.public_key)

    def __repr__(self) -> str:  # never show key material
        return f"Ed25519Signer({self.key_id})"


class LocalSigningKey:
    """The local checkpoint key: its own directory (0700), never created implicitly."""

    def __init__(self, folder: Path, name: str = DEFAULT_NAME) -> None:
        self.folder = Path(folder)
        self.name = name
        self.path = self.folder / SEED_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def create(self) -> Ed25519Signer:
        """Create the key unless it exists (a concurrent creator's key wins)."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        publish_secret(self.path, SEED_BYTES)
        return self.signer()

    def signer(self) -> Ed25519Signer:
        if not self.path.exists():
            raise CheckpointKeyError(
                "checkpoint-key", "no checkpoint key (sealroom audit init-key)"
            )
        seed = _read_seed(self.path)
        return Ed25519Signer(Ed25519PrivateKey.from_private_bytes(seed), self.name)

    def verifier(self) -> NoteVerifier | None:
        return self.signer().public() if self.exists() else None


def _read_seed(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        raise CheckpointKeyError("checkpoint-key", "checkpoint key unreadable") from exc
    try:
        if os.fstat(fd).st_mode & _LOOSE_BITS:
            raise KeyFilePermissionError("checkpoint-key")
        seed = os.read(fd, SEED_BYTES + 1)
    finally:
        os.close(fd)
    if len(seed) != SEED_BYTES:
        raise CheckpointKeyError("checkpoint-key", "checkpoint key malformed")
    return seed


def import_seed(source: Path, key: LocalSigningKey) -> Ed25519Signer:
    """Move a first-format seed (``$HOME/keys/checkpoint-ed25519.seed``) into ``key``'s
    directory, so checkpoints it signed keep verifying under the same public key."""
    seed = _read_seed(source)
    key.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(key.folder, 0o700)
    fd = os.open(key.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, seed)
        os.fsync(fd)
    finally:
        os.close(fd)
    return key.signer()
