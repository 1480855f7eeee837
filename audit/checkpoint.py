"""Signed checkpoints of the ledger head, as C2SP signed notes (tlog-checkpoint format).

A checkpoint pins the ledger's head: origin ``sealroom/ledger/<ledger id>``, tree size
(the head's seq), root hash (the head event's hash). Kept outside the ledger (locally
and on S3 under Object Lock) it turns a rewrite or truncation of the events before it
into a detectable break. Signing and checking go through the small ``Signer`` /
``SignatureCheck`` seams, so ``audit`` never touches key material or a crypto library.

Checkpoints of the first format (``sealroom.checkpoint/1``: canonical JSON signed with
Ed25519) are still read and checked; new ones are always notes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from audit.chain import canonical_json
from audit.note import NoteSignature, checkpoint_body, parse_body, parse_note, signed_note
from audit.verify import Anchor
from models.audit import AuditEvent
from models.errors import LedgerIntegrityError

LEGACY_FORMAT = "sealroom.checkpoint/1"
NOTE_FORMAT = "c2sp.org/tlog-checkpoint"
ORIGIN_PREFIX = "sealroom/ledger/"


class SignatureCheck(Protocol):
    """Checks signatures made by one key: ``key_id`` is ``<name>+<hex key hash>``;
    ``legacy_ids`` are the ids the same key had in the first checkpoint format."""

    key_id: str
    legacy_ids: tuple[str, ...]

    def verify(self, signature: bytes, message: bytes) -> bool: ...


class Signer(SignatureCheck, Protocol):
    name: str
    key_hash: bytes

    def sign(self, message: bytes) -> bytes: ...


def ledger_id_of(first_event_hash: str) -> str:
    """A ledger's id: the first 16 hex digits of its first event's hash."""
    return first_event_hash[:16]


def note_key_id(name: str, key_hash: bytes) -> str:
    return f"{name}+{key_hash.hex()}"


@dataclass(frozen=True)
class Checkpoint:
    tree_size: int  # seq of the head event (events 1..tree_size are covered)
    head_hash: str
    time: str  # ISO-8601 UTC (first format only; "" for notes)
    key_id: str  # the first signature's key
    signature: str = ""  # hex, the first signature
    format: str = NOTE_FORMAT
    origin: str = ""
    signatures: tuple[NoteSignature, ...] = field(default=(), compare=False)

    @property
    def ledger_id(self) -> str:
        return self.origin.removeprefix(ORIGIN_PREFIX) if self.origin else ""

    @property
    def name(self) -> str:
        """Object name, sorted by tree size; notes live under their ledger's id."""
        if self.format == LEGACY_FORMAT:
            return f"checkpoint-{self.tree_size:012d}.json"
        return f"{self.ledger_id}/checkpoint-{self.tree_size:012d}.note"

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.tree_size, self.head_hash)

    def message(self) -> bytes:
        """The signed bytes: the note body (or, first format, canonical JSON)."""
        if self.format == LEGACY_FORMAT:
            body = {k: v for k, v in asdict(self).items() if k in _LEGACY_FIELDS}
            body.pop("signature")
            return canonical_json(body).encode("ascii")
        return checkpoint_body(self.origin, self.tree_size, bytes.fromhex(self.head_hash)).encode()

    def serialize(self) -> bytes:
        if self.format == LEGACY_FORMAT:
            body = {k: v for k, v in asdict(self).items() if k in _LEGACY_FIELDS}
            return canonical_json(body).encode("ascii")
        return signed_note(self.message().decode(), list(self.signatures)).encode("utf-8")

    @classmethod
    def parse(cls, data: bytes, ref: str = "") -> Checkpoint:
        """A stored checkpoint (note or first format); malformed raises
        ``LedgerIntegrityError``."""
        if data[:1] == b"{":
            return _parse_legacy(data, ref)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LedgerIntegrityError(ref, "unreadable checkpoint") from exc
        body, sigs = parse_note(text, ref)
        origin, size, root = parse_body(body, ref)
        if size < 1 or not origin.startswith(ORIGIN_PREFIX):
            raise LedgerIntegrityError(ref, "unreadable checkpoint")
        first = sigs[0]
        return cls(
            size, root.hex(), "", note_key_id(first.name, first.key_hash),
            first.signature.hex(), NOTE_FORMAT, origin, tuple(sigs),
        )  # fmt: skip


_LEGACY_FIELDS = ("tree_size", "head_hash", "time", "key_id", "signature", "format")


def _parse_legacy(data: bytes, ref: str) -> Checkpoint:
    try:
        body: Any = json.loads(data)
        cp = Checkpoint(
            tree_size=int(body["tree_size"]),
            head_hash=str(body["head_hash"]),
            time=str(body["time"]),
            key_id=str(body["key_id"]),
            signature=str(body["signature"]),
            format=str(body["format"]),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise LedgerIntegrityError(ref, "unreadable checkpoint") from exc
    if cp.format != LEGACY_FORMAT or cp.tree_size < 1:
        raise LedgerIntegrityError(ref, "unreadable checkpoint")
    return cp


def make_checkpoint(head: AuditEvent, ledger_id: str, signer: Signer) -> Checkpoint:
    origin = ORIGIN_PREFIX + ledger_id
    body = checkpoint_body(origin, head.seq, bytes.fromhex(head.hash))
    sig = NoteSignature(signer.name, signer.key_hash, signer.sign(body.encode("utf-8")))
    return Checkpoint(
        head.seq, head.hash, "", signer.key_id, sig.signature.hex(), NOTE_FORMAT, origin, (sig,)
    )


def signature_problem(cp: Checkpoint, checks: dict[str, SignatureCheck]) -> str:
    """Why ``cp``'s signature cannot be trusted; "" when a trusted key's signature
    verifies. Signature lines of unknown keys are ignored (C2SP); none known: untrusted."""
    if cp.format == LEGACY_FORMAT:
        return _legacy_problem(cp, checks)
    for sig in cp.signatures:
        check = checks.get(note_key_id(sig.name, sig.key_hash))
        if check is not None:
            ok = check.verify(sig.signature, cp.message())
            return "" if ok else "signature does not verify"
    return "signed by an unknown key"


def _legacy_problem(cp: Checkpoint, checks: dict[str, SignatureCheck]) -> str:
    check = next((c for c in checks.values() if cp.key_id in c.legacy_ids), None)
    if check is None:
        return "signed by an unknown key"
    try:
        signature = bytes.fromhex(cp.signature)
    except ValueError:
        return "signature is not hex"
    return "" if check.verify(signature, cp.message()) else "signature does not verify"
