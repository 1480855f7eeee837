"""The verifier's export: a header, the published keys, every event with every hashed
field and its hash, then each distinct checkpoint once (as a C2SP note)."""

from __future__ import annotations

import json

from audit.chain import hash_payload
from audit.checkpoint import make_checkpoint
from audit.ledger_export import FORMAT, checkpoint_record, event_record, export_lines
from models.audit import AuditEvent, Outcome
from vault.signing import Ed25519Signer

EVENTS = [
    AuditEvent(
        seq,
        f"2026-01-05T10:00:0{seq}+00:00",
        f"k{seq}",
        "op",
        "document.ingested",
        "document",
        f"doc-{seq}",
        Outcome.OK,
        "m1",
        {"size": seq},
        str(seq - 1) * 64,
        str(seq) * 64,
    )
    for seq in (1, 2)
]


def test_an_event_record_is_its_hash_payload_and_hash() -> None:
    record = event_record(EVENTS[0])
    assert record == {"type": "event", **hash_payload(EVENTS[0]), "hash": "1" * 64}
    assert record["outcome"] == "ok" and record["details"] == {"size": 1}


def test_lines_in_order_with_each_checkpoint_once() -> None:
    signer = Ed25519Signer.generate()
    cp = make_checkpoint(EVENTS[1], "ledger-1", signer)
    lines = [json.loads(x) for x in export_lines(EVENTS, [("s3", cp), ("local", cp)], ["vk"])]
    assert [r["type"] for r in lines] == ["header", "key", "event", "event", "checkpoint"]
    assert lines[0] == {"type": "header", "format": FORMAT}
    assert lines[1] == {"type": "key", "vkey": "vk"}
    assert [r["seq"] for r in lines[2:4]] == [1, 2]
    assert lines[4] == checkpoint_record("s3", cp)
    assert lines[4]["note"] == cp.serialize().decode("utf-8")


def test_lines_are_ascii_json_with_sorted_keys() -> None:
    line = next(iter(export_lines(EVENTS[:1], [], [])))
    assert line.endswith("\n") and line.isascii()
    assert list(json.loads(line)) == sorted(json.loads(line))
