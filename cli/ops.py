"""Operations commands: demo, run, serve, status."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from cli.prefect_env import startup_failure
from cli.status import status

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

    with _prefect_startup_reported():
        code = run_demo(home.resolve(), (samples or DEFAULT_SAMPLES).resolve())
    raise typer.Exit(code)


def run(
    inbox: Annotated[
        str | None,
        typer.Argument(
            help="Inbox directory or s3://bucket/prefix (legal/ and medical/ subfolders "
            "set the kind); default from settings."
        ),
    ] = None,
    matter: Annotated[str | None, typer.Option(help="Matter id (default from settings).")] = None,
) -> None:
    """Run one pass of the pipeline (ingest, redact, dispatch, collect, reassemble).

    Progress goes to stderr, the summary (JSON) to stdout; exit 1 when any step failed,
    each failure named on stderr by step, id, error code and cause.
    """
    from cli.status_progress import run_with_progress

    where = inbox if inbox is None or inbox.startswith("s3://") else str(Path(inbox).resolve())
    with _prefect_startup_reported():
        summary, failures = run_with_progress(where, matter)
    typer.echo(json.dumps({**summary, "failures": failures}))
    for line in failures:
        typer.echo(f"failed: {line}", err=True)
    if failures:
        raise typer.Exit(1)


@contextmanager
def _prefect_startup_reported() -> Iterator[None]:
    """Turn Prefect's start-up time-out into one clear line and exit status 1."""
    try:
        yield
    except RuntimeError as exc:
        message = startup_failure(exc)
        if message is None:
            raise
        typer.echo(message, err=True)
        raise typer.Exit(1) from None


def serve(
    matter: Annotated[str | None, typer.Option(help="Matter id (default from settings).")] = None,
) -> None:
    """Serve the scheduled deployments (intake, collect, reassemble, pipeline) on the
    embedded Prefect server until interrupted."""
    from flows.deploy import serve_all

    serve_all(matter)


__all__ = ["demo", "run", "serve", "status"]
