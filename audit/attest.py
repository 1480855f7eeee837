"""Full verification, failing closed: the hash chain, every checkpoint's signature, the
chain against every trusted checkpoint (so a rewrite or truncation before a checkpoint
is caught), the published key against the pinned one, and at least one anchor.

Checkpoints come from several stores (local and S3): a checkpoint missing from one but
present in another still anchors; two validly signed checkpoints that disagree about the
head at one tree size mean the ledger forked, and are reported. Trust comes only from
the pinned keys (``checks``); a key published beside the ledger that is not pinned, a
checkpoint signed by any other key, and a ledger no checkpoint anchors are failures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from audit.checkpoint import Checkpoint, SignatureCheck, signature_problem
from audit.checkpoint_store import CheckpointStore
from audit.checkpointer import HeadSource, ledger_id
from audit.verify import Anchor, VerifyResult
from models.errors import LedgerIntegrityError, StorageError

NO_KEY = "no pinned checkpoint key (sealroom audit init-key, or --key)"
UNANCHORED = "no signed checkpoint anchors this ledger"


class PinnedKey(SignatureCheck, Protocol):
    @property
    def vkey(self) -> str: ...


class VerifiableLedger(HeadSource, Protocol):
    def verify(self, anchor: Sequence[Anchor] | None = None) -> VerifyResult: ...


@dataclass(frozen=True)
class Attestation:
    chain: VerifyResult
    checkpoints: int  # trusted checkpoints used as anchors
    problems: list[str] = field(default_factory=list)  # ids, sizes and reasons only
    notes: list[str] = field(default_factory=list)  # not failures: e.g. an unanchored tail
    anchored: int = 0  # highest anchored tree size
    key_ids: tuple[str, ...] = ()  # the pinned keys

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.problems

    def lines(self) -> list[str]:
        """Human-readable findings: ids, seqs and reasons only."""
        out = list(self.problems)
        if not self.chain.ok:
            out.insert(
                0,
                f"first bad event seq {self.chain.first_bad_seq}: {self.chain.reason} "
                f"({self.chain.count} events verified before it)",
            )
        return out


def collect(
    stores: Sequence[CheckpointStore], ledger: str
) -> tuple[list[tuple[str, Checkpoint]], list[str]]:
    """(store name, checkpoint) from every store, and the stores that could not be read."""
    found: list[tuple[str, Checkpoint]] = []
    problems: list[str] = []
    for store in stores:
        try:
            found += [(store.name, cp) for cp in store.all(ledger)]
        except LedgerIntegrityError as exc:
            problems.append(f"{store.name} checkpoint {exc.ref}: {exc.reason}")
        except StorageError:
            problems.append(f"{store.name} checkpoints unreadable")
    return found, problems


def trusted_anchors(
    found: Iterable[tuple[str, Checkpoint]], checks: Sequence[SignatureCheck], ledger: str = ""
) -> tuple[list[Anchor], list[str]]:
    """Anchors from validly signed checkpoints, and a line per bad or conflicting one."""
    by_key: dict[str, SignatureCheck] = {c.key_id: c for c in checks}
    heads: dict[int, str] = {}
    problems: list[str] = []
    for store, cp in found:
        other = ledger and cp.origin and cp.ledger_id != ledger
        problem = "checkpoint of another ledger" if other else signature_problem(cp, by_key)
        if problem:
            problems.append(f"{store} checkpoint at tree size {cp.tree_size}: {problem}")
        elif heads.setdefault(cp.tree_size, cp.head_hash) != cp.head_hash:
            problems.append(f"{store} checkpoint at tree size {cp.tree_size}: conflicting head")
    return [Anchor(seq, digest) for seq, digest in sorted(heads.items())], problems


def key_problems(checks: Sequence[PinnedKey], published: Sequence[str] | None) -> list[str]:
    """The pinned keys must exist, and every key published beside the ledger be pinned."""
    if not checks:
        return [NO_KEY]
    if published is None:
        return []
    if not published:
        return ["no checkpoint key is published beside the ledger (sealroom audit init-key)"]
    pinned = {c.vkey for c in checks}
    names = ", ".join(c.key_id for c in checks)
    return [
        f"the key published beside the ledger ({_key_id(v)}) is not the pinned key ({names})"
        for v in published
        if v.strip() not in pinned
    ]


def _key_id(vkey: str) -> str:
    return "+".join(vkey.strip().split("+")[:2])


def attest(
    ledger: VerifiableLedger,
    stores: Sequence[CheckpointStore],
    checks: Sequence[PinnedKey],
    *,
    published: Sequence[str] | None = None,
    allow_unanchored: bool = False,
) -> Attestation:
    lid = ledger_id(ledger)
    found, problems = collect(stores, lid)
    anchors, bad = trusted_anchors(found, checks, lid)
    chain = ledger.verify(anchors)
    problems = key_problems(checks, published) + problems + bad
    notes = _anchor_notes(chain, anchors)
    if not anchors and not allow_unanchored:
        problems.append(UNANCHORED)
    elif not anchors:
        notes.insert(0, UNANCHORED + " (allowed by --allow-unanchored)")
    top = anchors[-1].seq if anchors else 0
    return Attestation(chain, len(anchors), problems, notes, top, tuple(c.key_id for c in checks))


def _anchor_notes(chain: VerifyResult, anchors: Sequence[Anchor]) -> list[str]:
    top = anchors[-1].seq if anchors else 0
    tail = chain.count - top
    if not chain.ok or tail <= 0 or not anchors:
        return []
    return [f"{tail} event(s) after the last checkpoint (tree size {top}) not anchored yet"]
