"""The chain-of-custody report for one matter: a self-contained HTML page (no scripts, no
external resources) built only from ledger events, so it holds ids, times, hashes, counts
and entity-type tallies, never document text or PII.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from audit.custody import BatchCustody, Custody, DocCustody
from models.audit import Action, AuditEvent

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;font-size:.85rem}
td{vertical-align:top}
th{background:#f3f3f3}code{font-size:.8rem}
.ok{color:#176317;font-weight:bold}.bad{color:#a11;font-weight:bold}
details{margin:.4rem 0}summary{cursor:pointer}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def table(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _tally(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"


def verification(ok: bool, lines: Sequence[str], checkpoints: int) -> str:
    verdict = "VERIFIED" if ok else "BROKEN"
    css = "ok" if ok else "bad"
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return (
        f'<p>Ledger verification: <span class="{css}">{verdict}</span> '
        f"(hash chain, checkpoint signatures, {checkpoints} trusted checkpoint(s) as anchors)"
        f"</p>" + (f"<ul>{items}</ul>" if items else "")
    )


def _timeline(events: Sequence[AuditEvent]) -> str:
    rows = [(e.seq, e.time, e.action, e.actor, e.outcome, _facts(e)) for e in events]
    return table(["seq", "time (UTC)", "action", "actor", "outcome", "details"], rows)


def _facts(event: AuditEvent) -> str:
    shown = {k: v for k, v in event.details.items() if k not in ("docs", "entities")}
    return ", ".join(f"{k}={v}" for k, v in sorted(shown.items()))


def documents_section(docs: Sequence[DocCustody]) -> str:
    rows = [
        (d.doc_id, d.state, d.facts.get("kind", ""), d.facts.get("media_type", ""),
         d.facts.get("pages", ""), d.batch or "-", _tally(d.entities))
        for d in docs
    ]  # fmt: skip
    head = ["document", "state", "kind", "type", "pages", "batch", "entities redacted"]
    parts = [table(head, rows)]
    for d in docs:
        summary = f"<code>{_e(d.doc_id)}</code> - {_e(d.state)} ({len(d.timeline)} events)"
        parts.append(f"<details><summary>{summary}</summary>{_timeline(d.timeline)}</details>")
    return "<h2>Documents and their timelines</h2>" + "".join(parts)


def _work(batch: BatchCustody, action: Action) -> str:
    shown = []
    for e in batch.timeline:
        if e.action == action:
            who = e.details.get("reviewer", e.actor)
            extra = e.details.get("code", "") or f"epoch {e.details.get('epoch', '-')}"
            shown.append(f"{who} at {e.time} ({extra})")
    return "; ".join(shown) or "-"


def batches_section(batches: Sequence[BatchCustody]) -> str:
    rows = [
        (b.batch_id, b.queue, len(b.docs),
         ", ".join(dict.fromkeys(b.reviewers(Action.BATCH_CLAIMED)
                                 + b.reviewers(Action.SUBMISSION_ACCEPTED))) or "-",
         _work(b, Action.SUBMISSION_ACCEPTED), _work(b, Action.SUBMISSION_REJECTED))
        for b in batches
    ]  # fmt: skip
    head = ["batch", "queue", "documents", "claimed by", "accepted reviews", "rejected"]
    parts = [table(head, rows)]
    for b in batches:
        summary = f"<code>{_e(b.batch_id)}</code> ({len(b.timeline)} events)"
        parts.append(f"<details><summary>{summary}</summary>{_timeline(b.timeline)}</details>")
    return "<h2>Batches: who claimed and reviewed them</h2>" + "".join(parts)


def quarantine_section(docs: Sequence[DocCustody]) -> str:
    rows = [(d.doc_id, d.quarantine) for d in docs if d.quarantine]
    if not rows:
        return "<h2>Quarantine</h2><p>No document was quarantined.</p>"
    return "<h2>Quarantine</h2>" + table(["document", "code: reason"], rows)


def render(c: Custody, ok: bool, lines: Sequence[str], checkpoints: int, generated: str) -> str:
    docs = [c.documents[k] for k in sorted(c.documents)]
    batches = [c.batches[k] for k in sorted(c.batches)]
    tally = table(["entity type", "count"], sorted(c.entities.items()))
    header = (
        f"<h1>Chain of custody - matter <code>{_e(c.matter)}</code></h1>"
        f"<p>Generated {_e(generated)}. {c.events} ledger events from {_e(c.first or '-')} "
        f"to {_e(c.last or '-')}; {len(docs)} documents, {len(batches)} batches. "
        "Documents are named by opaque ids; this report holds no document text.</p>"
    )
    body = (
        header
        + verification(ok, lines, checkpoints)
        + documents_section(docs)
        + batches_section(batches)
        + quarantine_section(docs)
        + "<h2>Entity types redacted (all documents)</h2>"
        + tally
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Sealroom chain of custody - {_e(c.matter)}</title>"
        f"<style>{STYLE}</style></head><body>{body}</body></html>\n"
    )
