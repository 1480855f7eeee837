"""Sealer: round trips, tamper detection, context binding, unknown keys."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path

import aws_encryption_sdk
import pytest
from aws_encryption_sdk.identifiers import Algorithm, CommitmentPolicy
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import (
    KeyFilePermissionError,
    UnknownKeyError,
    VaultContextMismatch,
    VaultError,
    VaultIntegrityError,
)
from models.vault_ref import Purpose, VaultRef
from vault.key_provider import KeyScope
from vault.keys import FIRST_KEY_ID
from vault.local_keys import LocalKeyProvider
from vault.sealer import SUITE, Sealer, user_context

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.TEXT)
SECRET = b"Patient: Jane Q. Doe, SSN 078-05-1120, DOB 1961-03-04"
MIB = 1 << 20
SCOPE = KeyScope.of(REF)
MATTER_DIR = "tenant-a/matter-1"


@pytest.fixture(scope="module")
def keyring(tmp_path_factory: pytest.TempPathFactory) -> LocalKeyProvider:
    return LocalKeyProvider(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def sealer(keyring: LocalKeyProvider) -> Sealer:
    return Sealer(keyring)


@pytest.fixture(scope="module")
def blob(sealer: Sealer) -> bytes:
    return sealer.seal(SECRET, REF)


def _payloads() -> st.SearchStrategy[bytes]:
    small = st.binary(max_size=300)
    large = st.tuples(st.integers(0, MIB), st.integers(0, 2**32)).map(
        lambda size_seed: random.Random(size_seed[1]).randbytes(size_seed[0])
    )
    return st.one_of(small, large)


@settings(max_examples=30, deadline=None)
@given(data=_payloads())
def test_round_trip(sealer: Sealer, data: bytes) -> None:
    blob = sealer.seal(data, REF)
    # plaintext never appears in the ciphertext; short or low-entropy inputs (eight zero
    # bytes) can match the message header's own length fields by chance, so they are exempt
    assert data not in blob or len(data) < 16 or len(set(data)) < 4
    assert sealer.open(blob, REF) == data


@pytest.mark.parametrize("size", [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, MIB])
def test_round_trip_at_frame_edges(sealer: Sealer, size: int) -> None:
    data = random.Random(size).randbytes(size)
    assert sealer.open(sealer.seal(data, REF), REF) == data


def test_empty_payload(sealer: Sealer) -> None:
    blob = sealer.seal(b"", REF)
    assert len(blob) > 0
    assert sealer.open(blob, REF) == b""


def test_sealing_twice_gives_different_ciphertexts(sealer: Sealer) -> None:
    assert sealer.seal(SECRET, REF) != sealer.seal(SECRET, REF)


def test_uses_key_committing_suite_and_context(keyring: LocalKeyProvider, blob: bytes) -> None:
    client = aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    )
    plaintext, header = client.decrypt(source=blob, key_provider=keyring.decryption_provider(SCOPE))
    assert plaintext == SECRET
    assert header.algorithm == SUITE == Algorithm.AES_256_GCM_HKDF_SHA512_COMMIT_KEY
    assert header.encryption_context == REF.context()
    assert header.encrypted_data_keys.pop().key_provider.provider_id == "sealroom-local"


def _landmarks(blob: bytes, plain_len: int) -> dict[str, int]:
    """Byte offsets inside the message (format v2, one final frame)."""
    final_frame = 4 + 4 + 12 + 4 + plain_len + 16
    header_end = len(blob) - final_frame
    return {
        "version": 0,
        "algorithm-id": 1,
        "message-id": 10,
        "context-key": blob.index(b"sealroom:tenant"),
        "context-value": blob.index(b"matter-1") + 3,
        "provider-id": blob.index(b"sealroom-local"),
        "wrap-iv": blob.index(FIRST_KEY_ID.encode()) + len(FIRST_KEY_ID) + 8 + 3,
        "wrapped-data-key": blob.index(FIRST_KEY_ID.encode()) + len(FIRST_KEY_ID) + 20 + 7,
        "commitment-key": header_end - 16 - 5,
        "header-auth-tag": header_end - 1,
        "frame-iv": header_end + 8 + 4,
        "frame-content": len(blob) - 16 - plain_len // 2,
        "frame-tag": len(blob) - 1,
    }


@pytest.mark.parametrize("bit", [0, 3, 7])
@pytest.mark.parametrize(
    "where",
    [
        "version", "algorithm-id", "message-id", "context-key", "context-value",
        "provider-id", "wrap-iv", "wrapped-data-key", "commitment-key",
        "header-auth-tag", "frame-iv", "frame-content", "frame-tag",
    ],
)  # fmt: skip
def test_bit_flip_is_integrity_error(sealer: Sealer, blob: bytes, where: str, bit: int) -> None:
    pos = _landmarks(blob, len(SECRET))[where]
    damaged = bytearray(blob)
    damaged[pos] ^= 1 << bit
    with pytest.raises(VaultIntegrityError) as info:
        sealer.open(bytes(damaged), REF)
    assert info.value.ref == REF.key


def test_every_single_bit_flip_is_refused(sealer: Sealer) -> None:
    """Exhaustive: no flip is accepted. A flip inside the key id may turn it into
    another well-formed id (local-v1 -> local-v3): that reads as an unknown key."""
    blob = sealer.seal(b"short secret", REF)
    key_id_at = blob.index(FIRST_KEY_ID.encode())
    for pos in range(len(blob)):
        for bit in range(8):
            damaged = bytearray(blob)
            damaged[pos] ^= 1 << bit
            with pytest.raises(VaultError) as info:
                sealer.open(bytes(damaged), REF)
            if not key_id_at <= pos < key_id_at + len(FIRST_KEY_ID):
                assert isinstance(info.value, VaultIntegrityError), (pos, bit)


def test_every_truncation_is_integrity_error(sealer: Sealer, blob: bytes) -> None:
    for length in range(len(blob)):
        with pytest.raises(VaultIntegrityError):
            sealer.open(blob[:length], REF)


@pytest.mark.parametrize("extra", [b"\x00", b"junk", b"x" * 1000])
def test_trailing_data_is_integrity_error(sealer: Sealer, blob: bytes, extra: bytes) -> None:
    with pytest.raises(VaultIntegrityError):
        sealer.open(blob + extra, REF)


def test_two_messages_concatenated_is_integrity_error(sealer: Sealer, blob: bytes) -> None:
    with pytest.raises(VaultIntegrityError):
        sealer.open(blob + blob, REF)


@pytest.mark.parametrize(
    "change", [{"document": "doc-2"}, {"purpose": Purpose.ORIGINAL}, {"version": 2}]
)
def test_ciphertext_under_another_ref_is_context_mismatch(
    sealer: Sealer, blob: bytes, change: dict[str, object]
) -> None:
    other = dataclasses.replace(REF, **change)  # type: ignore[arg-type]
    with pytest.raises(VaultContextMismatch) as info:
        sealer.open(blob, other)
    assert info.value.ref == other.key


@pytest.mark.parametrize("change", [{"tenant": "tenant-b"}, {"matter": "matter-2"}])
def test_ciphertext_moved_to_another_matter_finds_no_key(
    sealer: Sealer, blob: bytes, change: dict[str, str]
) -> None:
    """Keys are per matter: the other matter's keyring does not hold this key."""
    other = dataclasses.replace(REF, **change)  # type: ignore[arg-type]
    with pytest.raises(UnknownKeyError) as info:
        sealer.open(blob, other)
    assert info.value.ref == other.key


def test_ciphertext_moved_to_a_matter_with_its_own_keys_is_refused(
    sealer: Sealer, blob: bytes
) -> None:
    """The other matter's local-v1 has different bytes: the data key does not unwrap."""
    other = dataclasses.replace(REF, matter="matter-2")
    sealer.seal(b"x", other)  # matter-2 now has its own local-v1
    with pytest.raises(VaultIntegrityError):
        sealer.open(blob, other)


def _sdk_seal(keyring: LocalKeyProvider, context: dict[str, str], suite: Algorithm) -> bytes:
    client = aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    )
    blob, _ = client.encrypt(
        source=SECRET,
        key_provider=keyring.encryption_provider(SCOPE),
        encryption_context=context,
        algorithm=suite,
    )
    return bytes(blob)


@pytest.mark.parametrize(
    "context",
    [
        {**REF.context(), "extra": "x"},
        {k: v for k, v in REF.context().items() if k != "sealroom:version"},
        {},
    ],
    ids=["superset", "subset", "empty"],
)
def test_context_must_match_exactly(
    sealer: Sealer, keyring: LocalKeyProvider, context: dict[str, str]
) -> None:
    blob = _sdk_seal(keyring, context, SUITE)
    with pytest.raises(VaultContextMismatch):
        sealer.open(blob, REF)


def test_sdk_reserved_context_keys_are_ignored(sealer: Sealer, keyring: LocalKeyProvider) -> None:
    """A signed suite adds ``aws-crypto-public-key``; that is not a mismatch."""
    blob = _sdk_seal(
        keyring, REF.context(), Algorithm.AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384
    )
    assert sealer.open(blob, REF) == SECRET


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"a": "1"}, {"a": "1"}),
        ({"a": "1", "aws-crypto-public-key": "k"}, {"a": "1"}),
        ({"aws-crypto-x": "y"}, {}),
        ({"aws-cryptox": "y"}, {"aws-cryptox": "y"}),
    ],
)
def test_user_context(context: dict[str, str], expected: dict[str, str]) -> None:
    assert user_context(context) == expected


def test_deleted_key_is_unknown(tmp_path: Path) -> None:
    ring = LocalKeyProvider(tmp_path)
    blob = Sealer(ring).seal(SECRET, REF)
    (tmp_path / MATTER_DIR / f"{FIRST_KEY_ID}.key").unlink()
    with pytest.raises(UnknownKeyError) as info:
        Sealer(ring).open(blob, REF)
    assert info.value.ref == REF.key


def test_other_keyring_dir_is_unknown_and_creates_nothing(tmp_path: Path, blob: bytes) -> None:
    with pytest.raises(UnknownKeyError):
        Sealer(LocalKeyProvider(tmp_path / "fresh")).open(blob, REF)
    assert not (tmp_path / "fresh").exists()


def test_other_keyring_same_key_id_is_integrity_error(tmp_path: Path, blob: bytes) -> None:
    """Another keyring's local-v1 has different bytes: unwrap fails, nothing leaks."""
    other = LocalKeyProvider(tmp_path)
    other.current_key_id(SCOPE)
    with pytest.raises(VaultIntegrityError):
        Sealer(other).open(blob, REF)


def test_old_versions_open_after_rotation_until_shredded(tmp_path: Path) -> None:
    ring = LocalKeyProvider(tmp_path)
    sealer = Sealer(ring)
    old = sealer.seal(b"old", REF)
    ring.rotate(SCOPE)
    new = sealer.seal(b"new", REF)
    assert (sealer.open(old, REF), sealer.open(new, REF)) == (b"old", b"new")
    (tmp_path / MATTER_DIR / f"{FIRST_KEY_ID}.key").unlink()
    with pytest.raises(UnknownKeyError):
        sealer.open(old, REF)
    assert sealer.open(new, REF) == b"new"


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The cause/context chain; a cycle (an error caused by itself) fails the test."""
    visited: set[int] = set()
    current: BaseException | None = exc
    while current is not None:
        assert id(current) not in visited, "exception chain has a cycle"
        visited.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _forced_errors(tmp_path: Path) -> Iterator[VaultError]:
    ring = LocalKeyProvider(tmp_path / "keys")
    sealer = Sealer(ring)
    blob = sealer.seal(SECRET, REF)
    flipped = bytearray(blob)
    flipped[-20] ^= 1
    attempts = [
        lambda: sealer.open(bytes(flipped), REF),
        lambda: sealer.open(blob[:-5], REF),
        lambda: sealer.open(blob, dataclasses.replace(REF, document="doc-9")),
        lambda: Sealer(LocalKeyProvider(tmp_path / "empty")).open(blob, REF),
    ]
    for attempt in attempts:
        with pytest.raises(VaultError) as info:
            attempt()
        yield info.value
    (tmp_path / "keys" / MATTER_DIR / f"{FIRST_KEY_ID}.key").chmod(0o644)
    with pytest.raises(KeyFilePermissionError) as perm:
        sealer.open(blob, REF)
    yield perm.value


def test_errors_carry_no_plaintext_or_key_material(tmp_path: Path) -> None:
    errors = list(_forced_errors(tmp_path))
    key = (tmp_path / "keys" / MATTER_DIR / f"{FIRST_KEY_ID}.key").read_bytes()
    assert len(errors) == 5
    for error in errors:
        for exc in _chain(error):
            text = f"{exc!s} {exc!r}"
            assert SECRET.decode() not in text
            assert "Jane" not in text and "078-05-1120" not in text
            assert key.hex() not in text and repr(key)[2:-1] not in text
