"""Work-pool commands for several machines: ``sealroom deploy`` and ``sealroom worker``."""

from __future__ import annotations

from typing import Annotated

import typer

POOL_HELP = "Prefect work pool (process type)."


def deploy(
    matter: Annotated[str | None, typer.Option(help="Matter id (default from settings).")] = None,
    pool: Annotated[str, typer.Option(help=POOL_HELP)] = "sealroom",
) -> None:
    """Create the work pool and register the deployments on the Prefect server at
    PREFECT_API_URL (intake, collect, reassemble on schedules, one run at a time each;
    pipeline on demand). Run once per release, from any machine."""
    from config import get_settings
    from flows.pool import deploy_to_pool

    ids = deploy_to_pool(get_settings(), matter, pool)
    typer.echo(f"{len(ids)} deployment(s) on work pool {pool!r}")


def worker(
    pool: Annotated[str, typer.Option(help=POOL_HELP)] = "sealroom",
    limit: Annotated[
        int | None, typer.Option(help="At most this many flow runs at once on this worker.")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Worker name shown in Prefect.")] = None,
) -> None:
    """Run a Prefect process worker on the work pool until interrupted; start one per
    machine (or several). Needs PREFECT_API_URL and the shared settings (Postgres ledger,
    S3 queues and vault). With SEALROOM_REDACT_SPREAD runs hand their redaction chunks to
    the pool and return without waiting, so --limit 1 is enough."""
    from flows.pool import run_worker

    run_worker(pool, limit, name)
