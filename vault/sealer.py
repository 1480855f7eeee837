"""Seal and open bytes with the AWS Encryption SDK, bound to a ``VaultRef``.

Envelope encryption with a key-committing suite; the ref's encryption context is
bound into every message and checked on open (the SDK does not check it for
us). Library errors are translated here; messages carry the object key only.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Mapping
from typing import NoReturn

import aws_encryption_sdk
from aws_encryption_sdk.exceptions import AWSEncryptionSDKClientError
from aws_encryption_sdk.identifiers import Algorithm, CommitmentPolicy
from cryptography.exceptions import InvalidTag

from models.errors import (
    KeyFilePermissionError,
    UnknownKeyError,
    VaultContextMismatch,
    VaultError,
    VaultIntegrityError,
)
from models.vault_ref import VaultRef
from vault.keys import KeyProvider

SUITE = Algorithm.AES_256_GCM_HKDF_SHA512_COMMIT_KEY
FRAME_LENGTH = 64 * 1024
MAX_ENCRYPTED_DATA_KEYS = 4
_RESERVED_PREFIX = "aws-crypto-"
# What a damaged or forged message can make the SDK raise while parsing/decrypting.
_DAMAGE = (AWSEncryptionSDKClientError, InvalidTag, struct.error, ValueError, KeyError)


def _client() -> aws_encryption_sdk.EncryptionSDKClient:
    return aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT,
        max_encrypted_data_keys=MAX_ENCRYPTED_DATA_KEYS,
    )


def user_context(context: Mapping[str, str]) -> dict[str, str]:
    """The encryption context without SDK-reserved ``aws-crypto-*`` entries."""
    return {k: v for k, v in context.items() if not k.startswith(_RESERVED_PREFIX)}


def _rebind(exc: VaultError, ref: VaultRef) -> VaultError | None:
    """The key-layer error restated against the object key (key ids stay in the
    cause), or None when it already names what is wrong (a loose key file)."""
    if isinstance(exc, KeyFilePermissionError):
        return None
    if isinstance(exc, UnknownKeyError):
        return UnknownKeyError(ref.key)
    if isinstance(exc, VaultIntegrityError):
        return VaultIntegrityError(ref.key)
    return VaultError(ref.key, reason=exc.reason)


def _reraise(exc: VaultError, ref: VaultRef) -> NoReturn:
    rebound = _rebind(exc, ref)
    if rebound is None:
        raise exc
    raise rebound from exc


class Sealer:
    """``seal``/``open`` bytes for one ``VaultRef`` using keys from a ``KeyProvider``."""

    def __init__(self, keys: KeyProvider, frame_length: int = FRAME_LENGTH) -> None:
        self._keys = keys
        self._frame_length = frame_length
        self._sdk = _client()

    def seal(self, data: bytes, ref: VaultRef) -> bytes:
        try:
            ciphertext, _header = self._sdk.encrypt(
                source=bytes(data),
                key_provider=self._keys.encryption_provider(),
                encryption_context=ref.context(),
                algorithm=SUITE,
                frame_length=self._frame_length,
            )
        except VaultError as exc:
            _reraise(exc, ref)
        except AWSEncryptionSDKClientError as exc:
            raise VaultError(ref.key, reason="seal failed") from exc
        return bytes(ciphertext)

    def open(self, blob: bytes, ref: VaultRef) -> bytes:
        try:
            plaintext, context = self._decrypt(bytes(blob))
        except VaultError as exc:
            _reraise(exc, ref)
        except _DAMAGE as exc:
            raise VaultIntegrityError(ref.key) from exc
        if user_context(context) != ref.context():
            raise VaultContextMismatch(ref.key)
        return plaintext

    def _decrypt(self, blob: bytes) -> tuple[bytes, Mapping[str, str]]:
        """Decrypt exactly one whole message; trailing bytes are damage too.

        The stream is closed only on success: closing a half-read stream makes
        the SDK log a traceback, and there is nothing to release for BytesIO.
        """
        source = io.BytesIO(blob)
        decryptor = self._sdk.stream(
            mode="d", source=source, key_provider=self._keys.decryption_provider()
        )
        plaintext = decryptor.read()
        decryptor.close()
        if source.tell() != len(blob):
            raise VaultIntegrityError(reason="trailing data after message")
        return bytes(plaintext), decryptor.header.encryption_context
