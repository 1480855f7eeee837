"""`sealroom audit ...`: the compliance officer's commands (no PII is ever shown).

Everything here reads the ledger (ids, hashes, counts, entity-type tallies) and the
signed checkpoints; nothing opens the vault. Every command is itself recorded on the
ledger (meta-audit) with the authenticated actor.
"""

from __future__ import annotations

from pathlib import Path

import typer

from cli import audit_read
from cli.audit_common import LEDGER_OPT, one_line_errors, record_read, settings_for
from models.audit import Action

app = typer.Typer(help="Verify and read the audit trail.", no_args_is_help=True)
app.command("query")(audit_read.query_cmd)
app.command("export")(audit_read.export_cmd)
app.command("report")(audit_read.report_cmd)

KEY_OPT = typer.Option(
    None, "--key", help="Pinned verifier key (text or file); default: the key provider's key."
)
UNANCHORED_OPT = typer.Option(
    False, "--allow-unanchored", help="Accept a ledger no signed checkpoint anchors yet."
)


FROM_SEED = typer.Option(
    None, "--from-seed", help="Move in a first-format seed ($HOME/keys/checkpoint-ed25519.seed)."
)


@app.command("verify")
def verify_cmd(
    ledger: str | None = LEDGER_OPT,
    key: str | None = KEY_OPT,
    allow_unanchored: bool = UNANCHORED_OPT,
) -> None:
    """Check the hash chain, the published key against the pinned one, every checkpoint's
    signature and the chain against every checkpoint. Exit 1 naming the first bad event or
    checkpoint, and when no signed checkpoint anchors the ledger (unless
    --allow-unanchored); exit 2 on a usage error."""
    from composition.audit_wiring import attest_ledger
    from composition.wiring import open_ledger

    settings = settings_for(ledger)
    with one_line_errors(), open_ledger(settings) as book:
        result = attest_ledger(settings, book, key=key, allow_unanchored=allow_unanchored)
        head = book.head()
        record_read(settings, book, Action.LEDGER_VERIFIED, result.ok,
                    events=result.chain.count, checkpoints=result.checkpoints,
                    problems=len(result.lines()))  # fmt: skip
    if result.ok:
        tip = head.hash[:16] if head else "-"
        typer.echo(
            f"ledger OK: {result.chain.count} events verified, head {tip}, "
            f"{result.checkpoints} signed checkpoint(s) matched, key {', '.join(result.key_ids)}"
        )
        for note in result.notes:
            typer.echo(f"  note: {note}")
        return
    typer.echo("ledger BROKEN:", err=True)
    for line in result.lines():
        typer.echo(f"  {line}", err=True)
    raise typer.Exit(1)


@app.command("init-key")
def init_key_cmd(
    ledger: str | None = LEDGER_OPT,
    from_seed: Path | None = FROM_SEED,
) -> None:
    """Create the checkpoint signing key (KMS in KMS mode, else the local key directory,
    which must lie outside SEALROOM_HOME) unless it exists, and publish its public key
    beside the ledger. The only command that creates a checkpoint key."""
    from composition.audit_wiring import init_key, signing_key
    from composition.wiring import open_ledger
    from vault.signing import LocalSigningKey, import_seed

    settings = settings_for(ledger)
    with one_line_errors():
        key = signing_key(settings)
        if from_seed and isinstance(key, LocalSigningKey) and not key.exists():
            import_seed(from_seed, key)
        public, created = init_key(settings)
        with open_ledger(settings) as book:
            record_read(settings, book, Action.AUDIT_KEY_INITIALISED, key_id=public.key_id,
                        created=created)  # fmt: skip
    typer.echo(f"{'created' if created else 'existing'} checkpoint key {public.key_id}")
    typer.echo(f"public key (pin it: SEALROOM_CHECKPOINT_PUBLIC_KEY or --key): {public.vkey}")


@app.command("public-key")
def public_key_cmd(ledger: str | None = LEDGER_OPT) -> None:
    """Print the pinned verifier key (for tools/verify_ledger.py and other verifiers)."""
    from composition.audit_wiring import pinned_keys

    with one_line_errors():
        keys = pinned_keys(settings_for(ledger))
    if not keys:
        typer.echo("error: no checkpoint key (sealroom audit init-key)", err=True)
        raise typer.Exit(2)
    for k in keys:
        typer.echo(k.vkey)


@app.command("checkpoint")
def checkpoint_cmd(ledger: str | None = LEDGER_OPT) -> None:
    """Sign and store a checkpoint of the current head now (locally and on S3 if set).
    Needs the key made by `sealroom audit init-key`; never creates one."""
    from composition.audit_wiring import checkpointer_for
    from composition.wiring import open_ledger

    settings = settings_for(ledger)
    with one_line_errors(), open_ledger(settings) as book:
        maker = checkpointer_for(settings, book, required=True)
        cp = maker.checkpoint() if maker else None
        if cp is not None:
            record_read(settings, book, Action.AUDIT_CHECKPOINTED, tree_size=cp.tree_size)
    if cp is None:
        typer.echo("ledger is empty: nothing to checkpoint")
        return
    typer.echo(f"checkpoint at tree size {cp.tree_size}, head {cp.head_hash[:16]}, {cp.key_id}")
