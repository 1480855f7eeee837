"""Operations commands: demo, run, status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from config import get_settings

DEMO_HOME = Path(".sealroom") / "demo"


def demo(
    home: Annotated[
        Path, typer.Option(help="State directory for the demo (wiped first).")
    ] = DEMO_HOME,
    samples: Annotated[Path | None, typer.Option(help="Inbox of sample documents.")] = None,
) -> None:
    """Run the whole pipeline on the bundled samples with embedded defaults.

    Starts a local S3 endpoint, ingests and seals the samples, redacts them, dispatches a
    batch, plays a reviewer, collects, reassembles, verifies the audit trail and prints
    where everything is.
    """
    from cli.demo import DEFAULT_SAMPLES, run_demo

    raise typer.Exit(run_demo(home.resolve(), (samples or DEFAULT_SAMPLES).resolve()))


def run(
    inbox: Annotated[
        Path, typer.Argument(help="Inbox directory (legal/ and medical/ subfolders set the kind).")
    ],
    matter: Annotated[str | None, typer.Option(help="Matter id (default from settings).")] = None,
) -> None:
    """Run one pass of the pipeline flow (ingest, redact, dispatch, collect, reassemble)."""
    from flows.pipeline_flow import pipeline

    typer.echo(json.dumps(pipeline(str(inbox.resolve()), matter)))


def status(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Show documents per state and quarantine reasons (ids only, never content)."""
    from rich.console import Console

    from audit import Ledger, quarantine_reasons, summary
    from cli.summary import documents_table

    settings = get_settings()
    with Ledger(settings.ledger) as ledger:
        events = list(ledger.events())
        if as_json:
            body = {"summary": summary(events), "quarantined": quarantine_reasons(events)}
            typer.echo(json.dumps(body, indent=2, default=str))
            return
        Console().print(documents_table(ledger, settings.matter))
