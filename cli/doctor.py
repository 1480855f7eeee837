"""`sealroom doctor`: is this machine ready to run the pipeline? What to do if not."""

from __future__ import annotations

import json
from typing import Annotated

import typer


def doctor(
    fix: Annotated[
        bool, typer.Option("--fix", help="Create missing buckets and the inbox directory.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
) -> None:
    """Check credentials, buckets, vault keys (KMS), the ledger, Prefect and the inbox;
    print what to do for each failure; exit 1 if any check fails."""
    from cli.doctor_checks import run_checks
    from composition.queues import s3_client
    from config import get_settings

    settings = get_settings()
    checks = run_checks(settings, fix, lambda: s3_client(settings))
    if as_json:
        typer.echo(json.dumps([c.as_json() for c in checks]))
    else:
        for check in checks:
            mark = "ok  " if check.ok else "FAIL"
            typer.echo(f"{mark}  {check.name}: {check.detail}")
            if not check.ok and check.fix:
                typer.echo(f"      what to do: {check.fix}")
    if not all(c.ok for c in checks):
        raise typer.Exit(1)
