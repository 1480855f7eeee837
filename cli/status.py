"""``sealroom status``: the operations dashboard (rich tables, or ``--json`` for scripts)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from config import Settings, get_settings

if TYPE_CHECKING:  # the ledger stack loads only when the command runs (fast --help)
    from cli.status_view import Claims


def live_claims(settings: Settings, queues: list[str]) -> Claims | None:
    """Batches with a live claim per queue, read from S3; None when S3 is unreachable."""
    from composition.wiring import object_store
    from review import ReviewQueue

    try:
        store = object_store(settings)
        return {q: ReviewQueue(store, q).claimed_batches() for q in queues}
    except Exception:
        return None


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("-" if v is None else str(v) for v in row))
    return table


def qc_cells(qc: dict[str, Any] | None) -> list[Any]:
    if not qc:
        return [None] * 4
    return [qc["comparisons"], qc["agreement"], qc["span_f1"], qc["kappa"]]


def render(console: Console, view: dict[str, Any]) -> None:
    docs = ", ".join(f"{k} {v}" for k, v in sorted(view["documents"].items())) or "none"
    console.print(f"Documents: {docs}; awaiting dispatch: {view['awaiting_dispatch']}")
    cols = ["queue", "open batches", "open documents", "claimed", "overdue"]
    rows = [[q, *r.values()] for q, r in sorted(view["queues"].items())]
    console.print(_table("Reviewer queues (backlog)", cols, rows))
    rows = [[d, reason] for d, reason in view["quarantined"].items()]
    console.print(_table("Quarantined documents", ["document", "reason"], rows))
    if view.get("delivered_json_only"):
        rows = [[d, code] for d, code in view["delivered_json_only"].items()]
        title = "Delivered as JSON only (original not annotatable)"
        console.print(_table(title, ["document", "reason code"], rows))
    tp = view["throughput_24h"]
    console.print(_table("Last 24 h", list(tp), [list(tp.values())]))
    cols = ["reviewer", "batches", "median turnaround (h)", "QC compared", "QC agreement"]
    cols += ["span F1", "kappa"]
    rows = [
        [r, v["batches"], v["median_turnaround_h"], *qc_cells(v["qc"])]
        for r, v in view["reviewers"].items()
    ]
    console.print(_table("Reviewers", cols, rows))
    if not view["claims_known"]:
        console.print(
            "[yellow]claims not read (--no-claims, or the queue bucket was unreachable)[/]"
        )


def status(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    claims: Annotated[
        bool, typer.Option(help="Read live claims from the S3 queues (slow when unreachable).")
    ] = True,
) -> None:
    """Per queue backlog, claimed and overdue batches, quarantined documents with reasons,
    throughput of the last 24 h, per-reviewer turnaround and QC agreement (ids only)."""
    settings = get_settings()
    from cli.status_view import status_view
    from composition.wiring import open_ledger

    with open_ledger(settings) as ledger:
        events = list(ledger.events())
    queue_names = sorted({str(e.details["queue"]) for e in events if "queue" in e.details})
    known = (live_claims(settings, queue_names) if queue_names else {}) if claims else None
    view = status_view(events, settings.batch_due_hours, known, None)
    if as_json:
        typer.echo(json.dumps(view, indent=2, default=str))
    else:
        render(Console(), view)
