"""Full verification: the hash chain, every checkpoint's signature, and the chain against
every trusted checkpoint (so a rewrite or truncation before a checkpoint is caught).

Checkpoints come from several stores (local and S3): a checkpoint missing from one but
present in another still anchors; two validly signed checkpoints that disagree about the
head at one tree size mean the ledger forked, and are reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from audit.checkpoint import Checkpoint, SignatureCheck, signature_problem
from audit.checkpoint_store import CheckpointStore
from audit.ledger import Ledger
from audit.verify import Anchor, VerifyResult
from models.errors import LedgerIntegrityError, StorageError


@dataclass(frozen=True)
class Attestation:
    chain: VerifyResult
    checkpoints: int  # trusted checkpoints used as anchors
    problems: list[str] = field(default_factory=list)  # checkpoint problems (ids only)

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


def collect(stores: Sequence[CheckpointStore]) -> tuple[list[tuple[str, Checkpoint]], list[str]]:
    """(store name, checkpoint) from every store, and the stores that could not be read."""
    found: list[tuple[str, Checkpoint]] = []
    problems: list[str] = []
    for store in stores:
        try:
            found += [(store.name, cp) for cp in store.all()]
        except LedgerIntegrityError as exc:
            problems.append(f"{store.name} checkpoint {exc.ref}: {exc.reason}")
        except StorageError:
            problems.append(f"{store.name} checkpoints unreadable")
    return found, problems


def trusted_anchors(
    found: Iterable[tuple[str, Checkpoint]], checks: Sequence[SignatureCheck]
) -> tuple[list[Anchor], list[str]]:
    """Anchors from validly signed checkpoints, and a line per bad or conflicting one."""
    by_key = {c.key_id: c for c in checks}
    heads: dict[int, str] = {}
    problems: list[str] = []
    for store, cp in found:
        problem = signature_problem(cp, by_key)
        if problem:
            problems.append(f"{store} checkpoint at tree size {cp.tree_size}: {problem}")
        elif heads.setdefault(cp.tree_size, cp.head_hash) != cp.head_hash:
            problems.append(f"{store} checkpoint at tree size {cp.tree_size}: conflicting head")
    return [Anchor(seq, digest) for seq, digest in sorted(heads.items())], problems


def attest(
    ledger: Ledger, stores: Sequence[CheckpointStore], checks: Sequence[SignatureCheck]
) -> Attestation:
    found, problems = collect(stores)
    anchors, bad = trusted_anchors(found, checks)
    return Attestation(ledger.verify(anchors), len(anchors), problems + bad)
