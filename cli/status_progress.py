"""Rich progress bars for ``sealroom run``: one bar per stage, redaction per document.

Redaction progress is read from the ledger (new ``document.redacted``/``quarantined``
events), so it counts work done on the process pool too. Labels are stage names only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

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


def _redact_with_bar(progress: Progress, matter: str | None) -> dict[str, int]:
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
        counts = redact(matter)
    finally:
        stop.set()
        poller.join()
    progress.update(bar, completed=progress.tasks[bar].total or 0)
    return counts


def _step(progress: Progress, name: str, work: Callable[[], Any]) -> Any:
    bar = progress.add_task(name, total=1)
    result = work()
    progress.update(bar, completed=1)
    return result


def run_with_progress(inbox: str | None, matter: str | None) -> dict[str, int]:
    from flows.pipeline_flow import collect, dispatch, ingest, reassemble

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns) as progress:
        summary = {"ingested": _step(progress, "ingest", lambda: ingest(inbox, matter))}
        redacted = _redact_with_bar(progress, matter)
        summary.update({f"redact_{k}": v for k, v in redacted.items()})
        summary["batches_dispatched"] = _step(progress, "dispatch", lambda: dispatch(matter))
        collected = _step(progress, "collect", lambda: collect(matter))
        summary.update({f"submissions_{k}": v for k, v in collected.items()})
        summary["delivered"] = _step(progress, "reassemble", lambda: reassemble(matter))
    return summary
