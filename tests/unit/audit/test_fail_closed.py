"""Verification fails closed: no anchor, no pinned key, a published key that is not the
pinned one, a checkpoint by an unknown key; anchors hidden behind S3 delete markers are
still found; checkpoints of two ledgers sharing a bucket do not collide; the KMS key."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from audit import Ledger
from audit.attest import NO_KEY, UNANCHORED, attest
from audit.checkpoint import Checkpoint, Signer, make_checkpoint
from audit.checkpoint_store import LocalCheckpoints, MemoryCheckpoints
from audit.checkpointer import Checkpointer, ledger_id
from audit.s3_checkpoints import S3Checkpoints, create_locked_bucket
from models.audit import AuditEvent
from tests.unit.audit.forge import rewrite_from
from vault.kms_signing import KmsSigningKey
from vault.signing import Ed25519Signer, parse_vkey

N = 12

# golang.org/x/mod/sumdb/note's documented example key and signature (a known answer)
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    b"If you think cryptography is the answer to your problem,\n"
    b"then you don't know what your problem is.\n"
)
GO_SIG = (
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
)


def test_note_key_id_and_signature_match_the_go_reference() -> None:
    key = parse_vkey(GO_VKEY)
    blob = base64.b64decode(GO_SIG)
    assert key.key_id == "PeterNeumann+c74f20a3" and blob[:4] == key.key_hash
    assert key.verify(blob[4:], GO_TEXT) and not key.verify(blob[4:], GO_TEXT + b"x")
    assert key.vkey == GO_VKEY


def _fill(ledger: Ledger, make_draft: Callable, n: int, cps: Checkpointer | None = None) -> None:
    for _ in range(n):
        event = ledger.append(make_draft(ledger.count() + 1))
        if cps is not None:
            cps.maybe(event.seq)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def signer() -> Ed25519Signer:
    return Ed25519Signer.generate()


def _checkpointed(
    db: Path, make_draft: Callable, n: int, signer: Signer, stores: list, every: int
) -> tuple[str, AuditEvent | None]:
    """Append ``n`` drafts with a checkpoint every ``every`` events into ``stores``; the
    ledger's id and head."""
    with Ledger(f"sqlite:///{db}") as ledger:
        cps = Checkpointer(ledger, signer, stores, anchor_first=False, every_events=every)
        _fill(ledger, make_draft, n, cps)
        return ledger_id(ledger), ledger.head()


def _attest(db: Path, stores: list, keys: list, **kw: object):  # type: ignore[no-untyped-def]
    with Ledger(f"sqlite:///{db}") as ledger:
        return attest(ledger, stores, keys, **kw)  # type: ignore[arg-type]


def test_zero_anchors_fail_unless_allowed(db: Path, signer, make_draft) -> None:
    with Ledger(f"sqlite:///{db}") as ledger:
        _fill(ledger, make_draft, 3)
    result = _attest(db, [MemoryCheckpoints()], [signer])
    assert not result.ok and result.chain.ok and result.problems == [UNANCHORED]
    allowed = _attest(db, [MemoryCheckpoints()], [signer], allow_unanchored=True)
    assert allowed.ok and allowed.notes[0].startswith(UNANCHORED)


def test_no_pinned_key_fails(db: Path, signer, make_draft) -> None:
    store = MemoryCheckpoints()
    _checkpointed(db, make_draft, 4, signer, [store], every=2)
    result = _attest(db, [store], [])
    assert NO_KEY in result.problems and UNANCHORED in result.problems
    assert "signed by an unknown key" in result.problems[1]


def test_published_key_must_be_the_pinned_one(db: Path, signer, make_draft) -> None:
    store = MemoryCheckpoints()
    _checkpointed(db, make_draft, 4, signer, [store], every=2)
    assert _attest(db, [store], [signer], published=[signer.vkey]).ok
    other = Ed25519Signer.generate()
    swapped = _attest(db, [store], [signer], published=[other.vkey])
    assert swapped.problems == [
        f"the key published beside the ledger ({other.key_id}) is not the pinned key "
        f"({signer.key_id})"
    ]
    missing = _attest(db, [store], [signer], published=[])
    assert "no checkpoint key is published" in missing.problems[0]
    # pinning the attacker's key does not help: every checkpoint is by an unknown key
    wrong_pin = _attest(db, [store], [other], published=[other.vkey])
    assert UNANCHORED in wrong_pin.problems and "unknown key" in wrong_pin.problems[0]


def test_unanchored_tail_is_noted_not_failed(db: Path, signer, make_draft) -> None:
    store = MemoryCheckpoints()
    _checkpointed(db, make_draft, 5, signer, [store], every=4)
    result = _attest(db, [store], [signer])
    assert result.ok and result.notes == [
        "1 event(s) after the last checkpoint (tree size 4) not anchored yet"
    ]


@mock_aws
def test_delete_markers_and_lost_local_copies_do_not_hide_anchors(
    tmp_path: Path, db: Path, signer, make_draft
) -> None:
    """Issue 18 point 4: delete every S3 checkpoint (plain DeleteObject: delete markers)
    and every local one, forge a re-hashed chain: verification still fails."""
    client = boto3.client("s3", region_name="us-east-1")
    create_locked_bucket(client, "cps")
    s3, local = S3Checkpoints(client, "cps"), LocalCheckpoints(tmp_path / "cps")
    lid, _ = _checkpointed(db, make_draft, N, signer, [local, s3], every=4)
    listed = client.list_objects_v2(Bucket="cps")["Contents"]
    for obj in listed:
        client.delete_object(Bucket="cps", Key=obj["Key"])  # adds a delete marker
    assert client.list_objects_v2(Bucket="cps").get("KeyCount") == 0  # hidden from a listing
    for path in (tmp_path / "cps" / lid).iterdir():
        path.unlink()
    rewrite_from(db, 2)  # keeps event 1 (the ledger id), re-hashes everything after it
    with Ledger(f"sqlite:///{db}") as ledger:
        assert ledger.verify().ok  # the chain alone is fooled
    result = _attest(db, [local, s3], [signer])
    assert result.checkpoints == 3 and not result.ok
    assert (result.chain.first_bad_seq, result.chain.reason) == (4, "differs from the anchor")
    rewrite_from(db, 1)  # a new first event: a new ledger id, so no anchor at all
    assert _attest(db, [local, s3], [signer]).problems == [UNANCHORED]


@mock_aws
def test_a_later_forged_version_does_not_replace_a_locked_checkpoint(
    db: Path, signer, make_draft
) -> None:
    client = boto3.client("s3", region_name="us-east-1")
    create_locked_bucket(client, "cps")
    s3 = S3Checkpoints(client, "cps")
    lid, head = _checkpointed(db, make_draft, 4, signer, [s3], every=4)
    forged = make_checkpoint(replace(head, hash="f" * 64), lid, Ed25519Signer.generate())
    key = f"ledger-checkpoints/{lid}/checkpoint-000000000004.note"
    client.put_object(Bucket="cps", Key=key, Body=forged.serialize())  # a new version on top
    result = _attest(db, [s3], [signer])
    assert result.checkpoints == 1  # the locked original still anchors
    assert any("unknown key" in p for p in result.problems)


def test_two_ledgers_share_a_store(tmp_path: Path, signer, make_draft) -> None:
    store = MemoryCheckpoints()
    dbs = [tmp_path / "a.db", tmp_path / "b.db"]
    for i, path in enumerate(dbs):
        with Ledger(f"sqlite:///{path}") as ledger:
            ledger.append(make_draft(100 + i))  # different first events
            _fill(
                ledger,
                make_draft,
                3 + i,
                Checkpointer(ledger, signer, [store], anchor_first=False, every_events=2),
            )
    assert len(store.objects) == 2 + 2  # sizes 2, 4 of a; 2, 4 of b: no collision
    for path in dbs:
        assert _attest(path, [store], [signer]).ok


@mock_aws
def test_kms_signing_key(db: Path, make_draft) -> None:
    kms = boto3.client("kms", region_name="us-east-1")
    key = KmsSigningKey(kms, "alias/sealroom")
    assert not key.exists() and key.verifier() is None
    signer = key.create()
    assert key.exists() and key.create().key_id == signer.key_id  # no second key
    assert len(kms.list_keys()["Keys"]) == 1
    public = parse_vkey(signer.public().vkey)
    assert base64.b64decode(public.vkey.split("+", 2)[2])[0] == 0x02  # C2SP ECDSA
    store = MemoryCheckpoints()
    lid, _ = _checkpointed(db, make_draft, 4, signer, [store], every=2)
    (cp,) = [c for c in store.all(lid) if c.tree_size == 4]
    assert isinstance(cp, Checkpoint) and public.verify(cp.signatures[0].signature, cp.message())
    assert _attest(db, [store], [public], published=[public.vkey]).ok
