#!/usr/bin/env python3
"""Verify a Sealroom ledger export on its own: Python's standard library and
``cryptography`` only, no Sealroom code.

    sealroom audit export --format ledger --out ledger.jsonl
    sealroom audit public-key > ledger-key.pub     # or the key the operator gave you
    python tools/verify_ledger.py ledger.jsonl --key ledger-key.pub [--allow-unanchored]

Checks, failing closed like ``sealroom audit verify``: the published key is the pinned
one; every checkpoint (a C2SP signed note, https://c2sp.org/tlog-checkpoint, signed by
an Ed25519 (type 0x01) or ECDSA P-256 (type 0x02) key; or a first-format JSON checkpoint)
is signed by the pinned key; no two checkpoints disagree; the hash chain (SHA-256 over
canonical JSON of each event without its hash, linked by prev_hash) is intact and matches
every checkpoint; at least one checkpoint anchors it. Exit 0 when verified, 1 when not,
2 on unusable input.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_der_public_key

GENESIS = "0" * 64
ORIGIN = "sealroom/ledger/"
DASH = "\u2014 "
HASHED = ("seq", "time", "key", "actor", "action", "object_type", "object_id", "outcome",
          "matter", "details", "prev_hash")  # fmt: skip


class Key:
    """A pinned verifier key ``<name>+<hex key hash>+<base64(type || public key)>``."""

    def __init__(self, vkey: str) -> None:
        name, hexid, blob = vkey.strip().split("+", 2)
        raw = base64.b64decode(blob, validate=True)
        self.vkey, self.name, self.type, self.public = vkey.strip(), name, raw[0], raw[1:]
        if self.type == 1:
            digest = hashlib.sha256(name.encode() + b"\n" + raw[:1] + self.public).digest()
        elif self.type == 2:
            digest = hashlib.sha256(self.public).digest()
        else:
            raise ValueError("unsupported key type")
        self.hash = digest[:4]
        if self.hash.hex() != hexid.lower():
            raise ValueError("key hash does not match the key")
        self.key_id = f"{name}+{hexid.lower()}"
        self.legacy_id = "ed25519:" + hashlib.sha256(self.public).hexdigest()[:16]

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            if self.type == 1:
                Ed25519PublicKey.from_public_bytes(self.public).verify(signature, message)
            else:
                key = load_der_public_key(self.public)
                assert isinstance(key, ec.EllipticCurvePublicKey)
                key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        except (InvalidSignature, ValueError, AssertionError):
            return False
        return True


def canonical(value: Any) -> bytes:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)  # fmt: skip
    return text.encode("ascii")


def event_hash(event: dict[str, Any]) -> str:
    return hashlib.sha256(canonical({k: event[k] for k in HASHED})).hexdigest()


def parse_note(text: str) -> tuple[str, int, str, bytes, list[tuple[str, bytes, bytes]]]:
    """(origin, size, root hex, signed body, [(name, key hash, signature)]); raises."""
    cut = text.rfind("\n\n")
    body, lines = text[: cut + 1], text[cut + 2 :].splitlines()
    origin, size, root, *_ = body.split("\n")
    sigs = []
    for line in lines:
        if not line.startswith(DASH):
            raise ValueError("bad signature line")
        name, blob = line[len(DASH) :].split(" ")
        raw = base64.b64decode(blob, validate=True)
        sigs.append((name, raw[:4], raw[4:]))
    digest = base64.b64decode(root, validate=True)
    if cut < 0 or not sigs or len(digest) != 32 or int(size) < 1 or size != str(int(size)):
        raise ValueError("bad checkpoint")
    return origin, int(size), digest.hex(), body.encode("utf-8"), sigs


def note_problem(note: str, key: Key, ledger_id: str) -> tuple[str, int, str]:
    """(problem or "", tree size, head hash) of one checkpoint note."""
    try:
        origin, size, head, body, sigs = parse_note(note)
    except ValueError:
        return "unreadable checkpoint", 0, ""
    if origin != ORIGIN + ledger_id:
        return "checkpoint of another ledger", size, head
    for name, khash, sig in sigs:
        if (name, khash) == (key.name, key.hash):
            return ("" if key.verify(sig, body) else "signature does not verify"), size, head
    return "signed by an unknown key", size, head


def legacy_problem(cp: dict[str, Any], key: Key) -> tuple[str, int, str]:
    size, head = int(cp["tree_size"]), str(cp["head_hash"])
    if cp.get("key_id") != key.legacy_id:
        return "signed by an unknown key", size, head
    message = canonical({k: v for k, v in cp.items() if k != "signature"})
    try:
        ok = key.verify(bytes.fromhex(cp["signature"]), message)
    except ValueError:
        return "signature is not hex", size, head
    return ("" if ok else "signature does not verify"), size, head


def anchors_of(cps: list[dict[str, Any]], key: Key, lid: str) -> tuple[dict[int, str], list[str]]:
    heads: dict[int, str] = {}
    problems = []
    for cp in cps:
        if "note" in cp:
            problem, size, head = note_problem(cp["note"], key, lid)
        else:
            problem, size, head = legacy_problem(cp["legacy"], key)
        where = f"{cp.get('store', '?')} checkpoint at tree size {size}"
        if problem:
            problems.append(f"{where}: {problem}")
        elif heads.setdefault(size, head) != head:
            problems.append(f"{where}: conflicting head")
    return heads, problems


def event_problem(e: dict[str, Any], expected: int, prev: str) -> str:
    if e["seq"] != expected:
        return f"seq {e['seq']} where {expected} was expected"
    if e["prev_hash"] != prev:
        return "prev_hash does not link to the previous event"
    if e["hash"] != event_hash(e):
        return "hash does not match the event's contents"
    return ""


def _finding(seq: int, reason: str, verified: int) -> str:
    return f"first bad event seq {seq}: {reason} ({verified} events verified before it)"


def check_chain(events: list[dict[str, Any]], anchors: dict[int, str]) -> str:
    """ "" when the chain is intact and matches every anchor, else the finding."""
    expected, prev = 1, GENESIS
    for e in events:
        problem = event_problem(e, expected, prev)
        if not problem and anchors.get(expected, e["hash"]) != e["hash"]:
            problem = "differs from the anchor"
        if problem:
            return _finding(e["seq"], problem, expected - 1)
        expected, prev = expected + 1, e["hash"]
    if anchors and max(anchors) >= expected:
        return _finding(expected, "anchored event is missing", expected - 1)
    return ""


def key_problems(key: Key, published: list[str]) -> list[str]:
    if not published:
        return ["no checkpoint key is published beside the ledger"]
    return [
        f"the key published beside the ledger ({'+'.join(v.split('+')[:2])}) is not the "
        f"pinned key ({key.key_id})"
        for v in published
        if v.strip() != key.vkey
    ]


def verify(lines: list[dict[str, Any]], key: Key, allow_unanchored: bool) -> list[str]:
    events = [x for x in lines if x.get("type") == "event"]
    cps = [x for x in lines if x.get("type") == "checkpoint"]
    published = [x["vkey"] for x in lines if x.get("type") == "key"]
    lid = events[0]["hash"][:16] if events else ""
    anchors, problems = anchors_of(cps, key, lid)
    chain = check_chain(events, anchors)
    out = key_problems(key, published) + problems
    if chain:
        out.insert(0, chain)
    if not anchors and not allow_unanchored:
        out.append("no signed checkpoint anchors this ledger")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="sealroom audit export --format ledger")
    parser.add_argument("--key", required=True, help="verifier key, or a file holding it")
    parser.add_argument("--allow-unanchored", action="store_true")
    args = parser.parse_args(argv)
    try:
        text = Path(args.key).read_text() if Path(args.key).is_file() else args.key
        key = Key(text)
        lines = [json.loads(x) for x in args.export.read_text().splitlines() if x.strip()]
    except (OSError, ValueError) as exc:
        print(f"error: unusable input ({type(exc).__name__})", file=sys.stderr)
        return 2
    problems = verify(lines, key, args.allow_unanchored)
    if problems:
        print("ledger BROKEN:\n" + "\n".join(f"  {p}" for p in problems), file=sys.stderr)
        return 1
    print(f"ledger OK: {sum(x.get('type') == 'event' for x in lines)} events verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
