"""Streaming seal/open: same format as whole-object, bounded chunks, damage detected."""

from __future__ import annotations

import dataclasses
import io
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.errors import (
    UnknownKeyError,
    VaultContextMismatch,
    VaultIntegrityError,
    VaultObjectMissing,
)
from models.vault_ref import Purpose, VaultRef
from vault import KeyScope, LocalDirStore, LocalKeyProvider, Sealer, Vault
from vault.sealer import CHUNK
from vault.streams import ChunkReader, reader

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.ORIGINAL)
MIB = 1 << 20


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Vault:
    root = tmp_path_factory.mktemp("streaming")
    return Vault(LocalDirStore(root / "vault"), Sealer(LocalKeyProvider(root / "keys")))


def _data(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


@settings(max_examples=12, deadline=None)
@given(size=st.one_of(st.integers(0, 300_000), st.integers(300_000, 4 * MIB)), seed=st.integers())
@example(size=0, seed=0)
@example(size=64 * MIB, seed=7)  # the large end, once
def test_streaming_round_trip(vault: Vault, size: int, seed: int) -> None:
    data = _data(size, seed)
    vault.put_stream(REF, io.BytesIO(data))
    chunks = list(vault.open_stream(REF))
    assert all(len(c) <= CHUNK for c in chunks)
    assert b"".join(chunks) == data
    assert vault.get(REF) == data  # one format: the whole-object path opens it too


def test_whole_object_seal_opens_as_stream(vault: Vault) -> None:
    data = _data(3 * MIB + 5, 1)
    vault.put(REF, data)
    assert b"".join(vault.open_stream(REF)) == data


def _stored(vault: Vault, size: int) -> bytes:
    vault.put(REF, _data(size, size))
    return vault.store.get(REF.key)


@pytest.mark.parametrize("where", [0.3, 0.6, 0.999])
def test_late_bit_flip_fails_during_iteration(vault: Vault, where: float) -> None:
    blob = _stored(vault, 2 * MIB)
    damaged = bytearray(blob)
    damaged[int(len(blob) * where)] ^= 0x10
    vault.store.put(REF.key, bytes(damaged))
    chunks = vault.open_stream(REF)  # header is intact: opening succeeds
    with pytest.raises(VaultIntegrityError) as info:
        for _ in chunks:
            pass
    assert info.value.ref == REF.key


@pytest.mark.parametrize("keep", [0.01, 0.5, 0.99])
def test_truncation_fails_by_the_end(vault: Vault, keep: float) -> None:
    blob = _stored(vault, 2 * MIB)
    vault.store.put(REF.key, blob[: int(len(blob) * keep)])
    with pytest.raises(VaultIntegrityError):
        b"".join(vault.open_stream(REF))


def test_trailing_bytes_fail_the_stream(vault: Vault) -> None:
    blob = _stored(vault, 1000)
    vault.store.put(REF.key, blob + b"x")
    with pytest.raises(VaultIntegrityError):
        b"".join(vault.open_stream(REF))


def test_missing_wrong_context_and_unknown_key_fail_before_any_plaintext(
    vault: Vault, tmp_path: Path
) -> None:
    other = dataclasses.replace(REF, document="doc-9")
    with pytest.raises(VaultObjectMissing):
        vault.open_stream(other)
    vault.put(REF, b"secret")
    vault.store.put(other.key, vault.store.get(REF.key))
    with pytest.raises(VaultContextMismatch) as info:
        vault.open_stream(other)
    assert info.value.ref == other.key
    stranger = Vault(vault.store, Sealer(LocalKeyProvider(tmp_path / "other-keys")))
    with pytest.raises(UnknownKeyError):
        stranger.open_stream(REF)


def test_key_ids_read_from_the_header(vault: Vault) -> None:
    vault.put(REF, b"x")
    assert vault.key_ids(REF) == {vault.keys.current_key_id(KeyScope.of(REF))} == {"local-v1"}


@pytest.mark.parametrize("sizes", [[], [0], [1, 0, 2], [5000, 3, 70000]])
@pytest.mark.parametrize("read_size", [1, 7, 4096, -1])
def test_chunk_reader(sizes: list[int], read_size: int) -> None:
    chunks = [_data(n, n) for n in sizes]
    stream = reader(iter(chunks))
    out = b""
    while piece := stream.read(read_size):
        out += piece
        if read_size < 0:
            break
    assert out == b"".join(chunks)
    assert ChunkReader([]).read() == b""
