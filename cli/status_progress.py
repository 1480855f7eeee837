"""Rich progress bars for ``sealroom run``: one bar per stage, redaction per document.

Redaction progress is read from the ledger (new ``document.redacted``/``quarantined``
events), so it counts work done on the process pool too. Labels are stage names only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from models.audit import Action

DONE = {Action.DOC_REDACTED.value, Action.DOC_QUARANTINED.value}


def _poll(
    ledger: Any, after: int, matter: str, stop: threading.Event, tick: Callable[[int], None]
) -> None:
    while not stop.wait(0.5):
        tick(sum(1 for e in ledger.events(after_seq=after, matter=matter) if e.action in DONE))


def _redact_with_bar(progress: Progress, matter: str | None) -> Any:
    from composition.wiring import services
    from flows.pipeline_flow import redact
    from flows.redact_pool import pending_documents

    svc = services(matter)
    bar = progress.add_task("redact", total=len(pending_documents(matter)))
    head = svc.ledger.head()
    stop = threading.Event()
    tick: Callable[[int], None] = lambda n: progress.update(bar, completed=n)  # noqa: E731
    args = (svc.ledger, head.seq if head else 0, svc.matter, stop, tick)
    poller = threading.Thread(target=_poll, args=args, daemon=True)
    poller.start()
    try:
        state = redact(matter, return_state=True)
    finally:
        stop.set()
        poller.join()
    progress.update(bar, completed=progress.tasks[bar].total or 0)
    return state


def _step(progress: Progress, name: str, work: Callable[[], Any]) -> Any:
    bar = progress.add_task(name, total=1)
    state = work()
    progress.update(bar, completed=1)
    return state


def run_with_progress(matter: str | None) -> tuple[dict[str, Any], list[str]]:
    """Run every stage's flow with a bar on stderr; (summary, failure lines)."""
    from flows.pipeline_flow import collect, dispatch, ingest, reassemble
    from flows.reporting import settle

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    summary: dict[str, Any] = {}
    failures: list[str] = []

    def done(name: str, state: Any) -> None:
        value, failed = settle(state, name, {})
        summary.update(value)
        failures.extend(f.line() for f in failed)

    with Progress(*columns, console=Console(stderr=True)) as progress:
        done("ingest", _step(progress, "ingest", lambda: ingest(matter, return_state=True)))
        done("redact", _redact_with_bar(progress, matter))
        done("dispatch", _step(progress, "dispatch", lambda: dispatch(matter, return_state=True)))
        done("collect", _step(progress, "collect", lambda: collect(matter, return_state=True)))
        work = lambda: reassemble(matter, return_state=True)  # noqa: E731
        done("reassemble", _step(progress, "reassemble", work))
    return summary, failures
