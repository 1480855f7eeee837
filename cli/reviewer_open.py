"""`sealroom reviewer open BATCH`: claim and pull if needed, then serve the workbench."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from review.pulled import MANIFEST

if TYPE_CHECKING:
    from review import ReviewerClient


def ensure_pulled(client: ReviewerClient, batch: str, folder: Path, lease_seconds: int) -> None:
    """Claim the batch unless this reviewer holds it, and pull it unless it is on disk."""
    claim = client.current_claim(batch)
    if claim is None or claim.reviewer != client.reviewer or claim.state != "held":
        claim = client.claim(batch, lease_seconds)
        typer.echo(f"claimed {batch} (epoch {claim.epoch}, lease {claim.lease_seconds}s)")
    if not (folder / MANIFEST).is_file():
        paths = client.pull(batch, folder)
        typer.echo(f"pulled {len(paths)} file(s) into {folder}")


def open_workbench(
    client: ReviewerClient, folder: Path, lease_seconds: int, port: int, browser: bool
) -> None:
    from workbench.security import new_token
    from workbench.server import bind, serve, url
    from workbench.session import Session

    session = Session(folder, client, lease_seconds, new_token())
    sock = bind(port)
    address = url(sock, session.token)
    typer.echo(f"workbench for {session.batch_id}: {address}")
    typer.echo("(only this URL opens it; press Ctrl+C to stop; the draft is kept on disk)")
    if browser:
        webbrowser.open(address)
    serve(session, sock)
