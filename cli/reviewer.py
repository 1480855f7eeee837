"""`sealroom reviewer ...`: the remote reviewer's side of a queue (needs only S3 access)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from config import get_settings
from models.errors import SealroomError

if TYPE_CHECKING:
    from review import ReviewerClient

T = TypeVar("T")
app = typer.Typer(help="Claim, pull, annotate and submit review batches.", no_args_is_help=True)

QueueOpt = Annotated[str, typer.Option("--queue", "-q", help="Queue name (default from settings).")]
ReviewerOpt = Annotated[
    str, typer.Option("--reviewer", "-r", envvar="SEALROOM_REVIEWER", help="Your reviewer id.")
]
BatchArg = Annotated[str, typer.Argument(help="Batch id.")]


def _client(queue: str, reviewer: str) -> ReviewerClient:
    from flows.wiring import s3_client
    from review import ReviewerClient, S3ObjectStore
    from review.layout import queue_prefix

    settings = get_settings()
    name = queue or settings.queue
    store = S3ObjectStore(s3_client(settings), settings.s3_bucket, clock_prefix=queue_prefix(name))
    return ReviewerClient(store, name, reviewer)


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except SealroomError as exc:
        typer.echo(exc.message, err=True)
        raise typer.Exit(1) from None


JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")]


@app.command("list")
def list_cmd(
    queue: QueueOpt = "", reviewer: ReviewerOpt = "reviewer", as_json: JsonOpt = False
) -> None:
    """List batches nobody holds a live claim on."""
    batches = _run(lambda: _client(queue, reviewer).available())
    if as_json:
        typer.echo(json.dumps(list(batches)))
        return
    for batch_id in batches:
        typer.echo(batch_id)


@app.command("claim")
def claim_cmd(batch: BatchArg, queue: QueueOpt = "", reviewer: ReviewerOpt = "reviewer") -> None:
    """Claim a batch (atomic: exactly one reviewer wins)."""
    claim = _run(lambda: _client(queue, reviewer).claim(batch, get_settings().lease_seconds))
    typer.echo(f"claimed {batch} (epoch {claim.epoch}, lease {claim.lease_seconds}s)")


@app.command("renew")
def renew_cmd(batch: BatchArg, queue: QueueOpt = "", reviewer: ReviewerOpt = "reviewer") -> None:
    """Extend the lease on a batch you hold."""
    claim = _run(lambda: _client(queue, reviewer).renew(batch, get_settings().lease_seconds))
    typer.echo(f"renewed {batch} (epoch {claim.epoch})")


@app.command("pull")
def pull_cmd(
    batch: BatchArg,
    dest: Annotated[Path, typer.Option("--dest", help="Download directory.")] = Path("."),
    queue: QueueOpt = "",
    reviewer: ReviewerOpt = "reviewer",
) -> None:
    """Download a batch's manifest and redacted renditions (hashes checked)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("pulling {task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(batch, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        paths = _run(lambda: _client(queue, reviewer).pull(batch, dest / batch, advance))
    typer.echo(f"pulled {len(paths)} file(s) into {dest / batch}")


@app.command("submit")
def submit_cmd(
    batch: BatchArg,
    work: Annotated[Path, typer.Argument(help='JSON: {"annotations": [...], "verdicts": [...]}')],
    queue: QueueOpt = "",
    reviewer: ReviewerOpt = "reviewer",
) -> None:
    """Submit annotations and verdicts for a batch you hold."""
    body = json.loads(work.read_text(encoding="utf-8"))
    client = _client(queue, reviewer)
    _run(lambda: client.submit(batch, body.get("annotations", []), body.get("verdicts", [])))
    typer.echo(f"submitted {batch}")


@app.command("status")
def status_cmd(
    batch: BatchArg,
    queue: QueueOpt = "",
    reviewer: ReviewerOpt = "reviewer",
    as_json: JsonOpt = False,
) -> None:
    """Show the claim on a batch and why your last submission was rejected, if it was."""
    client = _client(queue, reviewer)
    claim = _run(lambda: client.current_claim(batch))
    rejection = _run(lambda: client.rejection(batch))
    if as_json:
        typer.echo(json.dumps(_status_json(batch, claim, rejection)))
        return
    held = f"{claim.state} by {claim.reviewer} (epoch {claim.epoch})" if claim else "unclaimed"
    typer.echo(f"{batch}: {held}")
    if rejection is not None:
        typer.echo(f"rejected at {rejection.rejected_at.isoformat()}: {rejection.reason}")


def _status_json(batch: str, claim: Any, rejection: Any) -> dict[str, Any]:
    return {
        "batch_id": batch,
        "claim": None
        if claim is None
        else {"state": str(claim.state), "reviewer": claim.reviewer, "epoch": claim.epoch},
        "rejection": None
        if rejection is None
        else {"rejected_at": rejection.rejected_at.isoformat(), "reason": rejection.reason},
    }


@app.command("release")
def release_cmd(batch: BatchArg, queue: QueueOpt = "", reviewer: ReviewerOpt = "reviewer") -> None:
    """Give a batch back to the queue."""
    _run(lambda: _client(queue, reviewer).release(batch))
    typer.echo(f"released {batch}")


@app.command("policy")
def policy_cmd(queue: QueueOpt = "", reviewer: ReviewerOpt = "reviewer") -> None:
    """Print the IAM policy that grants a reviewer exactly its queue."""
    from review.policy import iam_policy

    settings = get_settings()
    typer.echo(
        json.dumps(iam_policy(settings.s3_bucket, queue or settings.queue, reviewer), indent=2)
    )
