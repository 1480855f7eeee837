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
    """The reviewer client (S3 only: never imports the pipeline, its NLP or PDF stacks)."""
    from composition.queues import reviewer_client

    return reviewer_client(get_settings(), queue, reviewer)


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
    """Your queues and their free batches (documents, pages, due time, priority).

    The queue, its -qc and -adjudication siblings; the most urgent batches first."""
    from cli.reviewer_list import queue_listing, queue_rows

    name = queue or get_settings().queue
    if as_json:
        typer.echo(json.dumps(_run(lambda: queue_rows(name, lambda q: _client(q, reviewer)))))
        return
    for line in _run(lambda: queue_listing(name, lambda q: _client(q, reviewer))):
        typer.echo(line)
    for problem in _run(_client(name, reviewer).claim_problems):
        typer.echo(f"warning: {problem}", err=True)


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
    """Download a batch's manifest and redacted renditions (hashes checked).

    Works once the operator has granted you, the claim holder, your copies (collect does it).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("pulling {task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(batch, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        paths = _run(lambda: _client(queue, reviewer).pull(batch, dest / batch, advance))
    typer.echo(f"pulled {len(paths)} file(s) into {dest / batch}")


WorkArg = Annotated[
    Path,
    typer.Argument(
        help='JSON: {"annotations": [{"doc_id", "start", "end", "label", "quote", "comment"}], '
        '"verdicts": [{"doc_id", "verdict", "comment"}]}; start/end are character offsets '
        "into the document's .txt and quote is the text between them."
    ),
]
DestOpt = Annotated[Path, typer.Option("--dest", help="Where the batch was pulled.")]


@app.command("submit")
def submit_cmd(
    batch: BatchArg,
    work: WorkArg,
    source: Annotated[
        str,
        typer.Option(
            "--from",
            help="sealroom (a work file) or label-studio (a Label Studio JSON export of the "
            "tasks written by `reviewer export`; needs the pulled batch in --dest).",
        ),
    ] = "sealroom",
    dest: DestOpt = Path("."),
    queue: QueueOpt = "",
    reviewer: ReviewerOpt = "reviewer",
) -> None:
    """Submit annotations and verdicts for a batch you hold (checked as collect will)."""
    body = _run(lambda: _load(source, work, dest / batch))
    client = _client(queue, reviewer)
    _run(lambda: client.submit(batch, body["annotations"], body["verdicts"]))
    typer.echo(f"submitted {batch} ({len(body['annotations'])} annotation(s))")


def _load(source: str, work: Path, folder: Path) -> dict[str, list[Any]]:
    from cli.reviewer_work import WorkFileError, load_work

    if source == "label-studio":
        from cli.reviewer_ls import work_from_export

        return work_from_export(folder, work)
    if source != "sealroom":
        raise WorkFileError(source, "--from must be sealroom or label-studio")
    return load_work(work)


@app.command("export")
def export_cmd(
    batch: BatchArg,
    fmt: Annotated[str, typer.Option("--format", help="label-studio")] = "label-studio",
    dest: DestOpt = Path("."),
    out: Annotated[
        Path | None, typer.Option("--out", help="Default: DEST/BATCH-label-studio")
    ] = None,
    image_prefix: Annotated[
        str, typer.Option("--image-prefix", help="URL prefix of page images in the tasks.")
    ] = "pages/",
) -> None:
    """Write a pulled batch as Label Studio tasks (text; page images for PDFs) + config.xml."""
    from cli.reviewer_ls import export

    if fmt != "label-studio":
        typer.echo(f"--format {fmt!r}: the only export format is label-studio", err=True)
        raise typer.Exit(1)
    target = out or dest / f"{batch}-label-studio"
    count = _run(lambda: export(dest / batch, target, image_prefix))
    typer.echo(f"wrote {count} task(s), config.xml and page images into {target}")


@app.command("validate")
def validate_cmd(
    batch: BatchArg, work: WorkArg, dest: DestOpt = Path("."), reviewer: ReviewerOpt = "reviewer"
) -> None:
    """Dry run: check a work file against the pulled batch with collect's own validation."""
    from cli.reviewer_work import load_work
    from review.pulled import check_work

    problems = _run(lambda: check_work(dest / batch, load_work(work), reviewer))
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{batch}: valid ({work})")


@app.command("open")
def open_cmd(
    batch: BatchArg,
    dest: DestOpt = Path("."),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0: any free).")] = 0,
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Open a browser.")] = True,
    queue: QueueOpt = "",
    reviewer: ReviewerOpt = "reviewer",
) -> None:
    """Annotate a batch in your browser (claims and pulls it if needed).

    Serves it on 127.0.0.1 and prints its URL (with a session token); drafts stay on disk."""
    from cli.reviewer_open import ensure_pulled, open_workbench

    client = _client(queue, reviewer)
    lease = get_settings().lease_seconds
    _run(lambda: ensure_pulled(client, batch, dest / batch, lease))
    _run(lambda: open_workbench(client, dest / batch, lease, port, browser))


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
    """Print the IAM policy that grants a reviewer exactly its queue.

    Pass --reviewer '${aws:username}' for one policy that binds each IAM user to its own name.
    """
    from review.policy import iam_policy

    settings = get_settings()
    typer.echo(
        json.dumps(iam_policy(settings.s3_bucket, queue or settings.queue, reviewer), indent=2)
    )
