"""Seal and open bytes with the AWS Encryption SDK, bound to a ``VaultRef``.

Envelope encryption with a key-committing suite; the ref's encryption context is
bound into every message and checked on open (the SDK does not check it for
us). Data keys come from the ref's matter (``KeyScope``). Streaming seals and
opens keep memory bounded by the frame size. Library errors are translated
here; messages carry the object key only.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO, NoReturn, cast

import aws_encryption_sdk
from aws_encryption_sdk.exceptions import AWSEncryptionSDKClientError
from aws_encryption_sdk.identifiers import Algorithm, CommitmentPolicy
from aws_encryption_sdk.internal.formatting.deserialize import deserialize_header
from botocore.exceptions import BotoCoreError, ClientError
from cryptography.exceptions import InvalidTag

from models.errors import (
    KeyFilePermissionError,
    KeyServiceError,
    VaultContextMismatch,
    VaultError,
    VaultIntegrityError,
)
from models.vault_ref import VaultRef
from vault.key_provider import KeyProvider, KeyScope
from vault.keys import PROVIDER_ID, key_id_from_info

SUITE = Algorithm.AES_256_GCM_HKDF_SHA512_COMMIT_KEY
FRAME_LENGTH = 256 * 1024  # bench/bench_vault.py: 256 KiB frames are within noise of 1 MiB
CHUNK = 1024 * 1024  # plaintext handed out per step when streaming
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
    if type(exc) is VaultError:
        return VaultError(ref.key, reason=exc.reason)
    return type(exc)(ref.key)  # the same error class, named by the object key


def _reraise(exc: VaultError, ref: VaultRef) -> NoReturn:
    rebound = _rebind(exc, ref)
    if rebound is None:
        raise exc
    raise rebound from exc


class Sealer:
    """Seal/open one ``VaultRef``'s bytes, whole or streamed, with its matter's keys."""

    def __init__(self, keys: KeyProvider, frame_length: int = FRAME_LENGTH) -> None:
        self.keys = keys
        self._frame_length = frame_length
        self._sdk = _client()

    def seal(self, data: bytes, ref: VaultRef) -> bytes:
        return self.seal_stream(io.BytesIO(bytes(data)), ref).read()

    def seal_stream(self, source: BinaryIO, ref: VaultRef) -> BinaryIO:
        """A readable stream of the sealed message; the data key is fetched now."""
        try:
            encryptor = self._sdk.stream(
                mode="e",
                source=source,
                key_provider=self.keys.encryption_provider(KeyScope.of(ref)),
                encryption_context=ref.context(),
                algorithm=SUITE,
                frame_length=self._frame_length,
            )
            _ = encryptor.header  # fetch materials eagerly: key errors surface here
        except VaultError as exc:
            _reraise(exc, ref)
        except (BotoCoreError, ClientError) as exc:
            raise KeyServiceError(ref.key, reason=_service_reason(exc)) from None
        except AWSEncryptionSDKClientError as exc:
            raise VaultError(ref.key, reason="seal failed") from exc
        return cast(BinaryIO, io.BufferedReader(_SealedReader(encryptor, ref), CHUNK))

    def open(self, blob: bytes, ref: VaultRef) -> bytes:
        return b"".join(self.open_stream(io.BytesIO(bytes(blob)), ref))

    def open_stream(self, source: BinaryIO, ref: VaultRef) -> Iterator[bytes]:
        """Plaintext chunks. Header, key and context are checked before this returns;
        frames are authenticated one by one, so a damaged or truncated object fails
        part-way: a caller must discard what it got when iteration raises."""
        try:
            decryptor = self._sdk.stream(
                mode="d",
                source=source,
                key_provider=self.keys.decryption_provider(KeyScope.of(ref)),
            )
            context = decryptor.header.encryption_context
        except VaultError as exc:
            _reraise(exc, ref)
        except (BotoCoreError, ClientError) as exc:
            raise KeyServiceError(ref.key, reason=_service_reason(exc)) from None
        except _DAMAGE as exc:
            raise VaultIntegrityError(ref.key) from exc
        if user_context(context) != ref.context():
            raise VaultContextMismatch(ref.key)
        return _plaintext_chunks(decryptor, source, ref)

    def key_ids(self, source: BinaryIO, ref: VaultRef) -> set[str]:
        """The key ids a sealed message's data key is wrapped under (header only)."""
        try:
            header, _raw = deserialize_header(source, MAX_ENCRYPTED_DATA_KEYS)
        except _DAMAGE as exc:
            raise VaultIntegrityError(ref.key) from exc
        return {_key_name(edk.key_provider, ref) for edk in header.encrypted_data_keys}


def _key_name(key_provider: Any, ref: VaultRef) -> str:
    info = bytes(key_provider.key_info)
    try:
        if key_provider.provider_id == PROVIDER_ID:
            info = key_id_from_info(info)
        return info.decode("ascii")
    except (VaultError, UnicodeDecodeError):
        raise VaultIntegrityError(ref.key) from None


def _plaintext_chunks(decryptor: Any, source: BinaryIO, ref: VaultRef) -> Iterator[bytes]:
    """Decrypt frame by frame; trailing bytes after the message are damage too.

    The stream is closed only on success: closing a half-read stream makes the
    SDK log a traceback, and there is nothing else to release.
    """
    try:
        while chunk := decryptor.read(CHUNK):
            yield bytes(chunk)
    except VaultError as exc:
        _reraise(exc, ref)
    except _DAMAGE as exc:
        raise VaultIntegrityError(ref.key) from exc
    if source.read(1):
        raise VaultIntegrityError(ref.key, reason="trailing data after message")
    decryptor.close()


class _SealedReader(io.RawIOBase):
    """The SDK encryptor as a plain readable stream with translated errors."""

    def __init__(self, encryptor: Any, ref: VaultRef) -> None:
        super().__init__()
        self._encryptor = encryptor
        self._ref = ref

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        try:
            return bytes(self._encryptor.read(-1 if size is None else size))
        except AWSEncryptionSDKClientError as exc:
            raise VaultError(self._ref.key, reason="seal failed") from exc

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _service_reason(exc: Exception) -> str:
    """One line naming the failure class (and AWS error code), never a request's details."""
    code = exc.response.get("Error", {}).get("Code", "") if isinstance(exc, ClientError) else ""
    return f"key service call failed ({type(exc).__name__}{': ' + code if code else ''})"
