"""Signed checkpoints: cadence, storage (local, S3 Object Lock), and verification that
catches bad signatures, heads that do not match, truncation and rewrites.

``attest`` here gets no published keys (``published=None``) and ``allow_unanchored`` where
a test is about something else; the fail-closed rules have their own tests
(``test_fail_closed.py``)."""

from __future__ import annotations

import base64
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
from audit.checkpoint import LEGACY_FORMAT, Checkpoint, make_checkpoint
from audit.checkpoint_store import LocalCheckpoints, MemoryCheckpoints
from audit.checkpointer import Checkpointer, ledger_id
from audit.s3_checkpoints import S3Checkpoints, create_locked_bucket
from models.errors import CheckpointKeyError, KeyFilePermissionError
from vault.signing import SEED_FILE, Ed25519Signer, LocalSigningKey, public_key_id

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
    cps = Checkpointer(
        ledger, signer, [store], anchor_first=False, every_events=5, every_seconds=1e9
    )
    fill(ledger, make_draft, N, cps)
    lid = ledger_id(ledger)
    assert [cp.tree_size for cp in store.all(lid)] == [5, 10]
    heads = {e.seq: e.hash for e in ledger.events()}
    assert all(cp.head_hash == heads[cp.tree_size] for cp in store.all(lid))
    assert sorted(store.objects) == [f"{lid}/checkpoint-{n:012d}.note" for n in (5, 10)]


def test_checkpoint_every_t_minutes(ledger: Ledger, signer: Ed25519Signer, make_draft) -> None:
    store, clock = MemoryCheckpoints(), ManualClock()
    cps = Checkpointer(
        ledger,
        signer,
        [store],
        anchor_first=False,
        every_events=1000,
        every_seconds=60,
        clock=clock,
    )
    fill(ledger, make_draft, 3, cps)
    assert store.all(ledger_id(ledger)) == []
    clock.now += timedelta(seconds=61)
    fill(ledger, make_draft, 1, cps)
    assert [cp.tree_size for cp in store.all(ledger_id(ledger))] == [4]
    clock.now += timedelta(seconds=120)
    assert cps.maybe(4) is None  # nothing new since the last checkpoint


def test_a_new_ledger_is_anchored_from_its_first_event(ledger, signer, make_draft) -> None:
    store = MemoryCheckpoints()
    cps = Checkpointer(ledger, signer, [store], every_events=5, every_seconds=1e9)
    fill(ledger, make_draft, 7, cps)
    assert [cp.tree_size for cp in store.all(ledger_id(ledger))] == [1, 6]
    assert attest(ledger, [store], [signer]).ok  # no unanchored first hour


def _signed_setup(ledger: Ledger, signer: Ed25519Signer, make_draft) -> MemoryCheckpoints:
    store = MemoryCheckpoints()
    fill(
        ledger,
        make_draft,
        N,
        Checkpointer(ledger, signer, [store], anchor_first=False, every_events=4),
    )
    assert [cp.tree_size for cp in store.all(ledger_id(ledger))] == [4, 8, 12]
    return store


def test_intact_ledger_and_checkpoints_verify(ledger: Ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    result = attest(ledger, [store], [signer])
    assert result.ok and result.checkpoints == 3 and result.chain.count == N
    assert result.anchored == 12 and result.notes == []


def _note_name(ledger: Ledger, size: int) -> str:
    return f"{ledger_id(ledger)}/checkpoint-{size:012d}.note"


def _swap_line(text: str, index: int, new: str) -> str:
    lines = text.split("\n")
    lines[index] = new
    return "\n".join(lines)


def _resign_blob(text: str, blob: bytes) -> str:
    name = text.split("\n")[4].split(" ")[1]
    return _swap_line(text, 4, f"\u2014 {name} " + base64.b64encode(blob).decode())


NOTE_EDITS = [  # (edit of the note text, reason)
    (lambda t: _swap_line(t, 2, base64.b64encode(b"a" * 32).decode()), "does not verify"),
    (lambda t: _swap_line(t, 1, "9"), "signature does not verify"),
    (lambda t: _swap_line(t, 0, "sealroom/ledger/ffffffffffffffff"), "of another ledger"),
    (lambda t: _resign_blob(t, base64.b64decode(t.split(" ")[-1])[:4] + bytes(64)), "verify"),
    (lambda t: _resign_blob(t, bytes(4) + bytes(64)), "signed by an unknown key"),
    (lambda t: t.replace("sealroom-checkpoint", "someone-else"), "signed by an unknown key"),
    (lambda t: t.replace("\u2014", "--"), "unreadable checkpoint signature"),
    (lambda t: _swap_line(t, 2, "not base64!"), "unreadable checkpoint"),
]


@pytest.mark.parametrize(("edit", "reason"), NOTE_EDITS)
def test_tampered_checkpoint_is_detected(ledger, signer, make_draft, edit, reason) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    name = _note_name(ledger, 8)
    store.objects[name] = edit(store.objects[name].decode()).encode()
    result = attest(ledger, [store], [signer])
    assert not result.ok and result.chain.ok  # the chain itself is fine
    assert any(reason in p and "memory checkpoint" in p for p in result.problems), result.problems


def test_first_format_checkpoints_still_verify(ledger, signer, make_draft) -> None:
    """A ``sealroom.checkpoint/1`` JSON checkpoint signed by the same key still anchors."""
    fill(ledger, make_draft, 4)
    head = ledger.head()
    assert head is not None
    unsigned = Checkpoint(4, head.hash, head.time, public_key_id(signer.public_key), "",
                          LEGACY_FORMAT)  # fmt: skip
    old = replace(unsigned, signature=signer.sign(unsigned.message()).hex())
    store = MemoryCheckpoints()
    store.objects[old.name] = old.serialize()
    assert json.loads(store.objects["checkpoint-000000000004.json"])["format"] == LEGACY_FORMAT
    assert attest(ledger, [store], [signer]).checkpoints == 1
    store.objects[old.name] = old.serialize().replace(b'"tree_size":4', b'"tree_size":3')
    assert "signature does not verify" in attest(ledger, [store], [signer]).problems[0]


def test_checkpoint_signed_by_another_key_is_not_trusted(ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    rogue = Ed25519Signer.generate()  # same name, another key
    forged = make_checkpoint(ledger.head(), ledger_id(ledger), rogue)  # type: ignore[arg-type]
    other = MemoryCheckpoints("other")
    other.put(forged)
    result = attest(ledger, [store, other], [signer])
    assert result.problems == ["other checkpoint at tree size 12: signed by an unknown key"]


def test_validly_signed_checkpoint_with_a_wrong_head_names_its_event(
    ledger, signer, make_draft
) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    head = ledger.head()
    assert head is not None
    wrong = MemoryCheckpoints("wrong")
    wrong.put(make_checkpoint(replace(head, seq=6, hash="b" * 64), ledger_id(ledger), signer))
    result = attest(ledger, [store, wrong], [signer])
    assert not result.ok
    assert (result.chain.first_bad_seq, result.chain.reason) == (6, "differs from the anchor")


def test_conflicting_checkpoints_mean_a_fork(ledger, signer, make_draft) -> None:
    store = _signed_setup(ledger, signer, make_draft)
    head = ledger.head()
    assert head is not None
    fork = MemoryCheckpoints("fork")
    fork.put(make_checkpoint(replace(head, seq=8, hash="c" * 64), ledger_id(ledger), signer))
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


def test_local_store_is_write_once(tmp_path: Path, ledger, signer, make_draft) -> None:
    fill(ledger, make_draft, 3)
    head, lid = ledger.head(), ledger_id(ledger)
    store = LocalCheckpoints(tmp_path / "cps")
    cp = make_checkpoint(head, lid, signer)  # type: ignore[arg-type]
    assert store.put(cp) and not store.put(
        make_checkpoint(replace(head, hash="e" * 64), lid, signer)
    )  # type: ignore[arg-type]
    assert store.all(lid) == [cp] and store.all("0" * 16) == []
    text = (tmp_path / "cps" / lid / "checkpoint-000000000003.note").read_text()
    assert (
        text.startswith(f"sealroom/ledger/{lid}\n3\n") and "\n\n\u2014 sealroom-checkpoint " in text
    )


def test_unreadable_checkpoint_is_reported(tmp_path: Path, ledger, signer, make_draft) -> None:
    store = LocalCheckpoints(tmp_path / "cps")
    fill(
        ledger,
        make_draft,
        3,
        Checkpointer(ledger, signer, [store], anchor_first=False, every_events=3),
    )
    (tmp_path / "cps" / ledger_id(ledger) / "checkpoint-000000000003.note").write_text("{x")
    result = attest(ledger, [store], [signer], allow_unanchored=True)
    assert result.problems == [
        "local checkpoint checkpoint-000000000003.note: unreadable checkpoint"
    ]


def test_signing_key_is_private_stable_and_never_implicit(tmp_path: Path) -> None:
    key = LocalSigningKey(tmp_path / "signing")
    assert not key.exists() and key.verifier() is None
    with pytest.raises(CheckpointKeyError):
        key.signer()  # no key is ever created by using it
    assert not (tmp_path / "signing").exists()
    first = key.create()
    assert stat.S_IMODE(os.stat(tmp_path / "signing" / SEED_FILE).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "signing").st_mode) == 0o700
    assert key.create().key_id == key.signer().key_id == first.key_id  # stable
    assert first.key_id.startswith("sealroom-checkpoint+")
    assert first.verify(first.sign(b"m"), b"m")
    os.chmod(tmp_path / "signing" / SEED_FILE, 0o644)
    with pytest.raises(KeyFilePermissionError):
        key.signer()


@mock_aws
def test_s3_checkpoints_are_locked_in_compliance_mode(ledger, signer, make_draft) -> None:
    client = boto3.client("s3", region_name="us-east-1")
    create_locked_bucket(client, "ledger-cps")
    create_locked_bucket(client, "ledger-cps")  # idempotent
    s3 = S3Checkpoints(client, "ledger-cps", retention_days=30)
    local = MemoryCheckpoints()
    fill(
        ledger,
        make_draft,
        8,
        Checkpointer(ledger, signer, [local, s3], anchor_first=False, every_events=4),
    )
    lid = ledger_id(ledger)
    assert [cp.tree_size for cp in s3.all(lid)] == [4, 8] and s3.all(lid) == local.all(lid)
    retention = s3.retention(s3.all(lid)[0])
    assert retention["Mode"] == "COMPLIANCE"
    assert retention["RetainUntilDate"] > datetime.now(UTC) + timedelta(days=29)
    assert not s3.put(s3.all(lid)[0])  # write-once
    key = f"ledger-checkpoints/{lid}/checkpoint-000000000004.note"
    version = client.head_object(Bucket="ledger-cps", Key=key)["VersionId"]
    with pytest.raises(client.exceptions.ClientError):
        client.delete_object(Bucket="ledger-cps", Key=key, VersionId=version)
    local.objects.clear()  # a lost local copy: S3 still anchors
    assert attest(ledger, [local, s3], [signer]).checkpoints == 2
