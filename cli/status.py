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
    cols = ["document", "state", "code", "reason", "since", "retries", "inbox entry"]
    keys = ["doc_id", "state", "code", "reason", "since", "attempts", "entry"]
    rows = [[q[k] for k in keys] for q in view.get("quarantine", [])]
    console.print(_table("Quarantined documents", cols, rows))
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
    render_runs(console, view)
    if not view["claims_known"]:
        console.print(
            "[yellow]claims not read (--no-claims, or the queue bucket was unreachable)[/]"
        )


def render_runs(console: Console, view: dict[str, Any]) -> None:
    if "runs" not in view:
        return
    if not view["runs_known"]:
        console.print("[yellow]flow runs not read (the Prefect API was unreachable)[/]")
        return
    cols = ["flow", "deployment", "run", "state", "time", "codes"]
    rows = [[r[c] for c in cols[:-1]] + [" ".join(r["codes"])] for r in view["runs"]]
    console.print(_table("Latest flow runs", cols, rows))
    if view["last_run_failed"]:
        console.print(f"[red]last run failed: {', '.join(view['failed_flows'])}[/]")


def _view(settings: Settings, claims: bool) -> dict[str, Any]:
    """The status view over the whole ledger, with live claims when asked for."""
    from cli.status_view import queue_names, status_view
    from composition.wiring import open_ledger
    from stages.quarantine import quarantine_states

    with open_ledger(settings) as ledger:
        events = list(ledger.events())
    names = queue_names(events)
    known = (live_claims(settings, names) if names else {}) if claims else None
    view = status_view(events, settings.batch_due_hours, known, None)
    view["quarantine"] = quarantine_states(events)
    return view


def status(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    claims: Annotated[
        bool, typer.Option(help="Read live claims from the S3 queues (slow when unreachable).")
    ] = True,
    runs: Annotated[
        bool, typer.Option(help="Read the latest flow runs from the Prefect API.")
    ] = True,
) -> None:
    """Per queue backlog, claimed and overdue batches, quarantined documents (state, code,
    inbox entry id), throughput of the last 24 h, per-reviewer turnaround and QC
    agreement, and the latest flow runs per flow and deployment with their state and
    error codes (ids only). Exit 1 when the newest run of any flow failed or crashed
    (last_run_failed and failed_flows in --json), so an alert can key on it."""
    settings = get_settings()
    from cli.audit_common import one_line_errors

    with one_line_errors():  # e.g. a ledger event that does not fit its action (SR-AUD-022)
        view = _view(settings, claims)
    if runs:
        from cli.status_runs import run_section

        view.update(run_section(settings))
    if as_json:
        typer.echo(json.dumps(view, indent=2, default=str))
    else:
        render(Console(), view)
    if view.get("last_run_failed"):
        raise typer.Exit(1)
