"""Shredding that shreds: the matter's plaintext deliverables in the outbox go too.

Crypto-shredding destroys the matter's keys, but reassembly also exported plaintext
deliverables to the matter's outbox (a directory ``<outbox>/<matter>/`` or an S3 prefix,
``vault.outbox``: ``<doc_id>.json``, ``<doc_id>.pdf`` and crash leftovers ``.part-*``).
A shred refuses while any are there, naming them by doc id, unless told to purge them; a
purge removes them first (after the legal-hold check, so a refused shred removes nothing)
and is its own ledger event with counts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit import EventLog
from models.audit import Action, Outcome
from models.errors import OutboxNotEmpty
from stages.vault_trail import record_vault_event, shred_matter
from vault import KeyScope, LegalHolds, ShredReport, Vault
from vault.outbox import Outbox, outbox_at

MAX_NAMED = 20


@dataclass(frozen=True)
class ShredOutcome:
    report: ShredReport
    outbox_removed: int


def deliverables(outbox: Path | Outbox, matter: str) -> list[str]:
    """Every object the pipeline exported for ``matter`` (deliverables and temp files)."""
    return outbox_at(outbox).names(matter)


def doc_ids(names: list[str]) -> list[str]:
    """The doc ids named by deliverable names (temp files named as such)."""
    ids = (n if n.startswith(".part-") else n.rsplit(".", 1)[0] for n in names)
    return sorted(dict.fromkeys(ids))


def shred(
    vault: Vault,
    ledger: EventLog,
    scope: KeyScope,
    actor: str,
    *,
    outbox: Path | Outbox,
    purge_outbox: bool = False,
    delete_objects: bool = False,
) -> ShredOutcome:
    """Crypto-shred the matter and deal with its outbox; ``OutboxNotEmpty`` names the
    documents still delivered in clear unless ``purge_outbox``."""
    files = deliverables(outbox, scope.matter)
    held = LegalHolds(vault.store).is_held(scope)
    if files and not purge_outbox and not held:
        named = doc_ids(files)
        record_vault_event(ledger, actor, Action.VAULT_SHREDDED, scope, Outcome.REJECTED,
                          reason="outbox holds deliverables", outbox_files=len(files))  # fmt: skip
        shown = ", ".join(named[:MAX_NAMED]) + (" ..." if len(named) > MAX_NAMED else "")
        raise OutboxNotEmpty(scope.matter, f"outbox still holds deliverables of {shown}")
    removed = 0
    if files and not held:
        for name in files:
            outbox_at(outbox).purge(scope.matter, name)
            removed += 1
        record_vault_event(ledger, actor, Action.VAULT_OUTBOX_PURGED, scope, Outcome.OK,
                          files_removed=removed, documents=len(doc_ids(files)))  # fmt: skip
    report = shred_matter(vault, ledger, scope, actor, delete_objects)  # refuses under hold
    return ShredOutcome(report, removed)
