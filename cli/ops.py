"""Operations commands: demo, run, serve, status."""

from __future__ import annotations

import json
import os
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
    each failure named on stderr by step, id, error code and cause. INBOX becomes this
    run's SEALROOM_INBOX setting, never a Prefect flow parameter (a folder name can be PII;
    flow parameters are stored in Prefect's database).
    """
    from cli.status_progress import run_with_progress

    if inbox is not None:
        use_inbox(inbox)
    with _prefect_startup_reported():
        summary, failures = run_with_progress(matter)
    typer.echo(json.dumps({**summary, "failures": failures}))
    for line in failures:
        typer.echo(f"failed: {line}", err=True)
    if failures:
        raise typer.Exit(1)


def use_inbox(inbox: str) -> None:
    """Make ``inbox`` (a directory or ``s3://`` URL) this process's configured inbox."""
    from config.settings import get_settings

    where = inbox if inbox.startswith("s3://") else str(Path(inbox).resolve())
    os.environ["SEALROOM_INBOX"] = where
    get_settings.cache_clear()


@contextmanager
def _prefect_startup_reported() -> Iterator[None]:
    """Turn Prefect's start-up time-out into one clear line and exit status 1; a killed
    command never leaves Prefect's temporary server behind (``cli.server_guard``)."""
    from cli.server_guard import guard_prefect_server

    guard_prefect_server()
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
    from cli.server_guard import guard_prefect_server
    from flows.deploy import serve_all

    guard_prefect_server()
    serve_all(matter)


__all__ = ["demo", "run", "serve", "status"]
