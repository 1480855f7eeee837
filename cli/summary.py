"""The end-of-run summary: per-document state, ledger verification, where outputs are."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from audit import Ledger, document_states, quarantine_reasons
from composition.wiring import attest_ledger, open_ledger
from config import get_settings
from models.document import MediaType
from models.events import DocIngested, DocRedacted, payloads

SHORT = {media.value: media.suffix.lstrip(".") for media in MediaType} | {"text/plain": "text"}


def documents_table(ledger: Ledger, matter: str) -> Table:
    events = list(ledger.events(matter=matter))
    states = document_states(events)
    reasons = quarantine_reasons(events)
    facts = {e.object_id: ingested for e, ingested in payloads(events, DocIngested)}
    found = {e.object_id: redacted.entities for e, redacted in payloads(events, DocRedacted)}
    table = Table(title=f"Documents of matter {matter}")
    table.add_column("document", no_wrap=True)
    for column in ("kind", "type", "state", "PII redacted", "note"):
        table.add_column(column)
    for doc_id, state in sorted(states.items()):
        info = facts.get(doc_id)
        entities = found.get(doc_id, {})
        table.add_row(
            doc_id,
            info.kind if info else "",
            SHORT.get(info.media_type if info else "", "?"),
            state.value,
            str(sum(entities.values())) if entities else "",
            reasons.get(doc_id, ""),
        )
    return table


def print_summary(console: Console, home: Path, endpoint: str, seconds: float) -> bool:
    settings = get_settings()
    with open_ledger(settings) as ledger:
        console.print(documents_table(ledger, settings.matter))
        result = attest_ledger(settings, ledger)
    verdict = "[green]OK[/]" if result.ok else "[red]BROKEN: " + "; ".join(result.lines()) + "[/]"
    console.print(
        f"Audit trail: {result.chain.count} events, {result.checkpoints} signed checkpoint(s), "
        f"verification {verdict}"
    )
    where = settings.outbox_url or settings.outbox_path
    console.print(f"Deliverables (client outbox): {where}/{settings.matter}")
    console.print(f"Sealed vault: {settings.vault_path}   keys: {settings.key_path}")
    console.print(f"Ledger: {settings.ledger}")
    console.print(  # one unwrapped line, so it can be copied and run as printed
        f"  verify: SEALROOM_HOME={home} "
        f"SEALROOM_CHECKPOINT_KEY_DIR={settings.checkpoint_key_path} sealroom audit verify",
        soft_wrap=True,
    )
    console.print(
        f"Reviewer downloads: {home / 'reviewer'}   queue bucket: s3://{settings.s3_bucket} "
        f"at {endpoint} (stopped with the demo)"
    )
    console.print(f"Finished in {seconds:.1f}s")
    return result.ok
