"""Signed checkpoints: (tree size, head hash, time) signed with the vault's Ed25519 key.

A checkpoint pins the ledger's head at a moment; kept outside the ledger (locally and on
S3 under Object Lock) it turns a rewrite or truncation of the events before it into a
detectable break. Signing and checking go through the small ``Signer``/``SignatureCheck``
seams, so ``audit`` never touches key material or a crypto library itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from audit.chain import canonical_json
from audit.verify import Anchor
from models.audit import AuditEvent
from models.errors import LedgerIntegrityError

CHECKPOINT_FORMAT = "sealroom.checkpoint/1"


class SignatureCheck(Protocol):
    """Checks signatures made by one key (``key_id``)."""

    key_id: str

    def verify(self, signature: bytes, message: bytes) -> bool: ...


class Signer(SignatureCheck, Protocol):
    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True)
class Checkpoint:
    tree_size: int  # seq of the head event (events 1..tree_size are covered)
    head_hash: str
    time: str  # ISO-8601 UTC
    key_id: str
    signature: str = ""  # hex Ed25519 signature over ``message()``
    format: str = CHECKPOINT_FORMAT

    def message(self) -> bytes:
        """The signed bytes: canonical JSON of every field except the signature."""
        body = {k: v for k, v in asdict(self).items() if k != "signature"}
        return canonical_json(body).encode("ascii")

    @property
    def name(self) -> str:
        """Object name: sorts by tree size."""
        return f"checkpoint-{self.tree_size:012d}.json"

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.tree_size, self.head_hash)

    def to_json(self) -> bytes:
        return canonical_json(asdict(self)).encode("ascii")

    @classmethod
    def from_json(cls, data: bytes, ref: str = "") -> Checkpoint:
        """Parse a stored checkpoint; anything malformed raises ``LedgerIntegrityError``."""
        try:
            body: Any = json.loads(data)
            cp = cls(
                tree_size=int(body["tree_size"]),
                head_hash=str(body["head_hash"]),
                time=str(body["time"]),
                key_id=str(body["key_id"]),
                signature=str(body["signature"]),
                format=str(body["format"]),
            )
        except (ValueError, TypeError, KeyError) as exc:
            raise LedgerIntegrityError(ref, "unreadable checkpoint") from exc
        if cp.format != CHECKPOINT_FORMAT or cp.tree_size < 1:
            raise LedgerIntegrityError(ref, "unreadable checkpoint")
        return cp


def make_checkpoint(head: AuditEvent, time: str, signer: Signer) -> Checkpoint:
    unsigned = Checkpoint(head.seq, head.hash, time, signer.key_id)
    signature = signer.sign(unsigned.message()).hex()
    return Checkpoint(head.seq, head.hash, time, signer.key_id, signature)


def signature_problem(cp: Checkpoint, checks: dict[str, SignatureCheck]) -> str:
    """Why ``cp``'s signature cannot be trusted; "" when it verifies with a trusted key."""
    check = checks.get(cp.key_id)
    if check is None:
        return "signed by an unknown key"
    try:
        signature = bytes.fromhex(cp.signature)
    except ValueError:
        return "signature is not hex"
    if not check.verify(signature, cp.message()):
        return "signature does not verify"
    return ""
