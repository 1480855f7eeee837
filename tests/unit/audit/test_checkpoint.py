"""Signed checkpoints: cadence, storage (local, S3 Object Lock), and verification that
catches bad signatures, heads that do not match, truncation and rewrites."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from audit import Ledger
from audit.attest import attest
from audit.checkpoint import Checkpoint, make_checkpoint
from audit.checkpoint_store import LocalCheckpoints, MemoryCheckpoints
from audit.checkpointer import Checkpointer
from audit.s3_checkpoints import S3Checkpoints, create_locked_bucket
from models.errors import KeyFilePermissionError
from vault.signing import SEED_FILE, Ed25519Signer, existing_signer, local_signer

N = 12


class ManualClock:
    def __init__(self) -> None:
        self.now = datetime(2024, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def fill(
    ledger: Ledger, make_draft: Callable[..., object], n: int, after: Checkpointer | None = None
):
    for _ in range(n):
        event = ledger.append(make_draft(ledger.count() + 1))  # type: ignore[arg-type]
        if after is not None:
            after.maybe(event.seq)


@pytest.fixture
def signer() -> Ed25519Signer:
    return Ed25519Signer.generate()


@pytest.fixture
def ledger(tmp_path: Path, clock) -> Ledger:  # type: ignore[no-untyped-def]
    with Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", clock=clock) as book:
        yield book


def test_checkpoint_every_n_events(ledger: Ledger, signer: Ed25519Signer, make_draft) -> None:
    store = MemoryCheckpoints()
    cps = Checkpointer(ledger, signer, [store], every_events=5, every_seconds=1e9)
    fill(ledger, make_draft, N, cps)
    assert [cp.tree_size for cp in store.all()] == [5, 10]
    heads = {e.seq: e.hash for e in ledger.events()}
    assert all(cp.head_hash == heads[cp.tree_size] for cp in store.all())


def test_checkpoint_every_t_minutes(ledger: Ledger, signer: Ed25519Signer, make_draft) -> None:
    store, clock = MemoryCheckpoints(), ManualClock()
    cps = Checkpointer(ledger, signer, [store], every_events=1000, every_seconds=60, clock=clock)
    fill(ledger, make_draft, 3, cps)
    assert store.all() == []
    clock.now += timedelta(seconds=61)
    fill(ledger, make_draft, 1, cps)
    assert [cp.tree_size for cp in store.all()] == [4]
    clock.now += timedelta(seconds=120)
    assert cps.maybe(4) is None  # nothing new since the last checkpoint


def _signed_setup(ledger: Ledger, signer: Ed25519Signer, make_draft) -> MemoryCheckpoints:
    store = MemoryCheckpoints()
    fill(ledger, make_draft, N, Checkpointer(ledger, signer, [store], every_events=4))
    assert [cp.tree_size for cp in store.all()] == [4, 8, 12]
    return store


def test_intact_ledger_and_checkpoints_verify(ledger: Ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    result = attest(ledger, [store], [signer])
    assert result.ok and result.checkpoints == 3 and result.chain.count == N


def _edit(store: MemoryCheckpoints, size: int, **changes: object) -> None:
    name = f"checkpoint-{size:012d}.json"
    body = {**json.loads(store.objects[name]), **changes}
    store.objects[name] = json.dumps(body).encode()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"head_hash": "a" * 64}, "signature does not verify"),
        ({"tree_size": 9}, "signature does not verify"),
        ({"time": "2030-01-01T00:00:00.000000Z"}, "signature does not verify"),
        ({"signature": "00" * 64}, "signature does not verify"),
        ({"signature": "zz"}, "signature is not hex"),
        ({"key_id": "ed25519:0000000000000000"}, "signed by an unknown key"),
    ],
)
def test_tampered_checkpoint_is_detected(ledger, signer, make_draft, change, reason) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    _edit(store, 8, **change)
    result = attest(ledger, [store], [signer])
    assert not result.ok and result.chain.ok  # the chain itself is fine
    assert any(reason in p and "memory checkpoint" in p for p in result.problems)


def test_checkpoint_signed_by_another_key_is_not_trusted(ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    rogue = Ed25519Signer.generate()
    forged = make_checkpoint(ledger.head(), "2024-01-01T00:00:00.000000Z", rogue)  # type: ignore[arg-type]
    other = MemoryCheckpoints("other")
    other.put(replace(forged, tree_size=13))
    result = attest(ledger, [store, other], [signer])
    assert result.problems == ["other checkpoint at tree size 13: signed by an unknown key"]


def test_validly_signed_checkpoint_with_a_wrong_head_names_its_event(
    ledger, signer, make_draft
) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    head = ledger.head()
    assert head is not None
    wrong = MemoryCheckpoints("wrong")
    wrong.put(make_checkpoint(replace(head, seq=6, hash="b" * 64), head.time, signer))
    result = attest(ledger, [store, wrong], [signer])
    assert not result.ok
    assert (result.chain.first_bad_seq, result.chain.reason) == (6, "differs from the anchor")


def test_conflicting_checkpoints_mean_a_fork(ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    head = ledger.head()
    assert head is not None
    fork = MemoryCheckpoints("fork")
    fork.put(make_checkpoint(replace(head, seq=8, hash="c" * 64), head.time, signer))
    result = attest(ledger, [store, fork], [signer])
    assert "fork checkpoint at tree size 8: conflicting head" in result.problems


def _db(ledger_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(ledger_path)


def test_truncation_after_a_checkpoint_is_detected(tmp_path, ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    with _db(tmp_path / "ledger.db") as db:
        db.execute("DELETE FROM events WHERE seq > 9")
    assert ledger.verify().ok  # the chain alone cannot tell
    result = attest(ledger, [store], [signer])
    assert (result.ok, result.chain.first_bad_seq) == (False, 10)
    assert result.chain.reason == "anchored event is missing"


def test_rewrite_with_recomputed_hashes_is_caught_by_the_next_checkpoint(
    tmp_path, ledger, signer, make_draft
) -> None:
    from audit import event_hash

    store = _signed_setup(ledger, signer, make_draft)
    events = list(ledger.events())
    prev = events[4].hash  # rewrite seq 6 onwards, relinking every later event
    with _db(tmp_path / "ledger.db") as db:
        for event in events[5:]:
            details = {"n": -1} if event.seq == 6 else event.details
            changed = replace(event, details=details, prev_hash=prev, hash="")
            changed = replace(changed, hash=event_hash(changed))
            db.execute(
                "UPDATE events SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (json.dumps(details), changed.prev_hash, changed.hash, event.seq),
            )
            prev = changed.hash
    assert ledger.verify().ok
    result = attest(ledger, [store], [signer])
    assert (result.ok, result.chain.first_bad_seq) == (False, 8)  # first checkpoint after it


def test_local_store_is_write_once(tmp_path: Path, signer: Ed25519Signer) -> None:
    store = LocalCheckpoints(tmp_path / "cps")
    cp = Checkpoint(3, "d" * 64, "2024-01-01T00:00:00.000000Z", signer.key_id)
    assert store.put(cp) and not store.put(replace(cp, head_hash="e" * 64))
    assert store.all() == [cp]


def test_unreadable_checkpoint_is_reported(tmp_path: Path, ledger, signer, make_draft) -> None:
    store = LocalCheckpoints(tmp_path / "cps")
    fill(ledger, make_draft, 3, Checkpointer(ledger, signer, [store], every_events=3))
    (tmp_path / "cps" / "checkpoint-000000000003.json").write_text("{not json")
    result = attest(ledger, [store], [signer])
    assert result.problems == [
        "local checkpoint checkpoint-000000000003.json: unreadable checkpoint"
    ]


def test_signing_key_is_private_and_stable(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    assert existing_signer(keys) is None
    first = local_signer(keys)
    assert stat.S_IMODE(os.stat(keys / SEED_FILE).st_mode) == 0o600
    assert local_signer(keys).key_id == first.key_id == existing_signer(keys).key_id  # type: ignore[union-attr]
    assert "ed25519:" in repr(first) and first.verify(first.sign(b"m"), b"m")
    os.chmod(keys / SEED_FILE, 0o644)
    with pytest.raises(KeyFilePermissionError):
        local_signer(keys)


@mock_aws
def test_s3_checkpoints_are_locked_in_compliance_mode(ledger, signer, make_draft) -> None:
    client = boto3.client("s3", region_name="us-east-1")
    create_locked_bucket(client, "ledger-cps")
    create_locked_bucket(client, "ledger-cps")  # idempotent
    s3 = S3Checkpoints(client, "ledger-cps", retention_days=30)
    local = MemoryCheckpoints()
    fill(ledger, make_draft, 8, Checkpointer(ledger, signer, [local, s3], every_events=4))
    assert [cp.tree_size for cp in s3.all()] == [4, 8] and s3.all() == local.all()
    retention = s3.retention(s3.all()[0])
    assert retention["Mode"] == "COMPLIANCE"
    assert retention["RetainUntilDate"] > datetime.now(UTC) + timedelta(days=29)
    assert not s3.put(s3.all()[0])  # write-once
    key = "ledger-checkpoints/" + s3.all()[0].name
    version = client.head_object(Bucket="ledger-cps", Key=key)["VersionId"]
    with pytest.raises(client.exceptions.ClientError):
        client.delete_object(Bucket="ledger-cps", Key=key, VersionId=version)
    local.objects.clear()  # a lost local copy: S3 still anchors
    assert attest(ledger, [local, s3], [signer]).checkpoints == 2
