"""`sealroom audit ...`: the compliance officer's commands (no PII is ever shown)."""

from __future__ import annotations

import typer

from config import get_settings

app = typer.Typer(help="Verify and read the audit trail.", no_args_is_help=True)


@app.command("verify")
def verify_cmd(
    ledger: str = typer.Option(None, "--ledger", help="SQLAlchemy URL (default from settings)."),
) -> None:
    """Recompute the hash chain; exit 1 and name the first bad event if it is broken."""
    from audit import Ledger

    url = ledger or get_settings().ledger
    with Ledger(url) as book:
        result = book.verify()
        head = book.head()
    if result.ok:
        tip = head.hash[:16] if head else "-"
        typer.echo(f"ledger OK: {result.count} events verified, head {tip}")
        return
    typer.echo(
        f"ledger BROKEN: first bad event seq {result.first_bad_seq}: {result.reason} "
        f"({result.count} events verified before it)",
        err=True,
    )
    raise typer.Exit(1)
