"""The local, file-based keyring of one matter and its SDK master key provider.

A ``LocalKeyring`` is one 0700 directory: ``<key_id>.key`` files (32 random
bytes, mode 0600) and ``CURRENT`` naming the key id used for new seals. A
fresh SDK provider is built per call, so a deleted key file (retirement,
crypto-shredding) or a loosened file mode takes effect immediately. Shredding
leaves a ``SHREDDED`` tombstone so the matter never silently gets a new key.
Errors carry key ids only, never key bytes.
"""

from __future__ import annotations

import os
import re
import stat
import struct
from pathlib import Path
from typing import Any

from aws_encryption_sdk.identifiers import EncryptionKeyType, WrappingAlgorithm
from aws_encryption_sdk.internal.crypto.wrapping_keys import WrappingKey
from aws_encryption_sdk.key_providers.base import MasterKeyProvider
from aws_encryption_sdk.key_providers.raw import RawMasterKeyProvider

from models.errors import (
    KeyFilePermissionError,
    KeyInUse,
    KeyShredded,
    UnknownKeyError,
    VaultError,
    VaultIntegrityError,
)
from vault.files import fsync_dir, publish_secret, write_durably

PROVIDER_ID = "sealroom-local"
FIRST_KEY_ID = "local-v1"
KEY_BYTES = 32
_WRAPPING = WrappingAlgorithm.AES_256_GCM_IV12_TAG16_NO_PADDING
# Raw AES key_info = key_id || tag_len_bits (4 B) || iv_len (4 B) || iv (12 B).
_KEY_INFO_SUFFIX = 4 + 4 + _WRAPPING.algorithm.iv_len
_KEY_ID = re.compile(r"^local-v([1-9][0-9]{0,8})$")
_CURRENT = "CURRENT"
_TOMBSTONE = "SHREDDED"
_LOOSE_BITS = stat.S_IRWXG | stat.S_IRWXO


def check_key_id(key_id: str) -> str:
    """Key ids are ``local-v<n>``; anything else is refused without being echoed."""
    if not _KEY_ID.match(key_id):
        raise VaultError(reason="malformed key id")
    return key_id


def _key_version(key_id: str) -> int:
    return int(check_key_id(key_id).removeprefix("local-v"))


class LocalKeyring:
    """Versioned 256-bit keys in a private directory; ``CURRENT`` names the active one."""

    def __init__(self, key_dir: Path) -> None:
        self.key_dir = Path(key_dir)

    # --- SDK providers -----------------------------------------------------------
    def encryption_provider(self) -> MasterKeyProvider:
        provider = LocalMasterKeyProvider(keyring=self)
        provider.add_master_key(self.current_key_id())
        return provider

    def decryption_provider(self) -> MasterKeyProvider:
        return LocalMasterKeyProvider(keyring=self)

    # --- key management ----------------------------------------------------------
    def current_key_id(self) -> str:
        """The key id for new seals; creates ``local-v1`` on first use."""
        if self.shredded:
            raise KeyShredded(reason="matter keys were shredded")
        current = self.key_dir / _CURRENT
        if not current.exists():
            self._bootstrap()
        return check_key_id(current.read_text(encoding="ascii").strip())

    def key_ids(self) -> list[str]:
        """Every key version present, oldest first."""
        if not self.key_dir.is_dir():
            return []
        ids = [p.stem for p in self.key_dir.glob("*.key") if _KEY_ID.match(p.stem)]
        return sorted(ids, key=_key_version)

    def rotate(self) -> str:
        """Create the next key version and make it current; returns its id."""
        if self.shredded:
            raise KeyShredded(reason="matter keys were shredded")
        latest = max((_key_version(k) for k in self.key_ids()), default=0)
        key_id = f"local-v{latest + 1}"
        self._create_key(key_id)
        self._write_current(key_id)
        return key_id

    @property
    def shredded(self) -> bool:
        return (self.key_dir / _TOMBSTONE).exists()

    def retire(self, key_id: str) -> None:
        """Delete one key version; the current one is refused."""
        if key_id == self.current_key_id():
            raise KeyInUse(key_id)
        path = self._key_path(check_key_id(key_id))
        if not path.exists():
            raise UnknownKeyError(key_id)
        path.unlink()
        fsync_dir(self.key_dir)

    def shred(self) -> int:
        """Tombstone the ring, then delete every key file; returns how many were deleted."""
        if not self.key_dir.is_dir():
            self._ensure_dir()
        write_durably(self.key_dir, _TOMBSTONE, b"shredded\n")
        doomed = [self._key_path(k) for k in self.key_ids()]
        for path in doomed:
            path.unlink()
        (self.key_dir / _CURRENT).unlink(missing_ok=True)
        fsync_dir(self.key_dir)
        return len(doomed)

    def key_bytes(self, key_id: str) -> bytes:
        """The raw key; refuses files readable by group/others."""
        path = self._key_path(check_key_id(key_id))
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            raise UnknownKeyError(key_id) from None
        except OSError as exc:
            raise VaultError(key_id, reason="key file unreadable") from exc
        try:
            if os.fstat(fd).st_mode & _LOOSE_BITS:
                raise KeyFilePermissionError(key_id)
            material = os.read(fd, KEY_BYTES + 1)
        finally:
            os.close(fd)
        if len(material) != KEY_BYTES:
            raise VaultError(key_id, reason="key file malformed")
        return material

    # --- internals ---------------------------------------------------------------
    def _key_path(self, key_id: str) -> Path:
        return self.key_dir / f"{key_id}.key"

    def _ensure_dir(self) -> None:
        self.key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.key_dir, 0o700)

    def _bootstrap(self) -> None:
        """First use: create ``local-v1``. Never re-create it next to other versions
        (that would silently replace a shredded key)."""
        if set(self.key_ids()) - {FIRST_KEY_ID}:
            raise VaultError(reason="keyring has keys but no CURRENT")
        self._create_key(FIRST_KEY_ID)
        self._write_current(FIRST_KEY_ID)

    def _create_key(self, key_id: str) -> None:
        """Publish a new key file (0600) atomically; an existing one is kept as is.

        The bytes go to an exclusively created temp file first and are linked into
        place, so a concurrent reader never sees a half-written key.
        """
        self._ensure_dir()
        publish_secret(self._key_path(key_id), KEY_BYTES)

    def _write_current(self, key_id: str) -> None:
        write_durably(self.key_dir, _CURRENT, key_id.encode("ascii") + b"\n")


class LocalMasterKeyProvider(RawMasterKeyProvider):
    """AWS Encryption SDK raw AES-GCM provider backed by a ``LocalKeyring``.

    On decrypt it vends a master key for whichever key id the message names, so
    any key version still on disk can open old objects.
    """

    provider_id = PROVIDER_ID
    vend_masterkey_on_decrypt = True

    def __init__(self, keyring: LocalKeyring) -> None:
        self._keyring = keyring

    def __new__(cls, keyring: LocalKeyring) -> LocalMasterKeyProvider:
        instance: LocalMasterKeyProvider = super().__new__(cls)
        return instance

    def _get_raw_key(self, key_id: bytes | str) -> WrappingKey:
        name = _decode_key_id(key_id)
        return WrappingKey(
            wrapping_algorithm=_WRAPPING,
            wrapping_key=self._keyring.key_bytes(name),
            wrapping_key_type=EncryptionKeyType.SYMMETRIC,
        )

    def master_key_for_decrypt(self, key_info: bytes) -> Any:
        """Map an encrypted data key's key_info (key id + IV metadata) to its key id."""
        return super().master_key_for_decrypt(key_id_from_info(bytes(key_info)))


def _decode_key_id(key_id: bytes | str) -> str:
    """A key id read from a message header; one we could never have written is damage."""
    try:
        name = key_id if isinstance(key_id, str) else key_id.decode("ascii")
    except UnicodeDecodeError:
        raise VaultIntegrityError(reason="malformed key id") from None
    if not _KEY_ID.match(name):
        raise VaultIntegrityError(reason="malformed key id")
    return name


def key_id_from_info(key_info: bytes) -> bytes:
    """Strip the raw-AES suffix; a suffix that is not ours means a damaged header."""
    if len(key_info) <= _KEY_INFO_SUFFIX:
        raise VaultIntegrityError(reason="malformed key info")
    key_id, suffix = key_info[:-_KEY_INFO_SUFFIX], key_info[-_KEY_INFO_SUFFIX:]
    tag_bits, iv_len = struct.unpack(">II", suffix[:8])
    if (tag_bits, iv_len) != (_WRAPPING.algorithm.tag_len * 8, _WRAPPING.algorithm.iv_len):
        raise VaultIntegrityError(reason="malformed key info")
    return key_id
