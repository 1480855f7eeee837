"""The chain-of-custody report for one matter: a self-contained HTML page (no scripts, no
external resources) rendered with Jinja2 templates (``audit/templates``) from ledger
events only, so it holds ids, times, hashes, counts and entity-type tallies, never
document text or PII. Print CSS repeats a header (matter, head hash, tree size, key id)
on every page, numbers the pages, and prints every timeline in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from audit.attest import Attestation
from audit.custody import BatchCustody, Custody, reviewer_or_actor
from audit.matter_status import MatterStatus
from models.audit import Action, AuditEvent
from models.event_refs import code_of, epoch_of
from models.events import read_payload

TEMPLATES = Path(__file__).resolve().parent / "templates"
_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


@dataclass(frozen=True)
class Verdict:
    """What the report says about verification and which ledger state it describes."""

    ok: bool
    lines: Sequence[str] = ()
    checkpoints: int = 0
    notes: Sequence[str] = ()
    key_ids: Sequence[str] = ()
    head_hash: str = "-"
    tree_size: int = 0
    anchored: int = 0

    @classmethod
    def of(cls, result: Attestation, head: AuditEvent | None) -> Verdict:
        tip, size = (head.hash, head.seq) if head else ("-", 0)
        return cls(result.ok, result.lines(), result.checkpoints, result.notes, result.key_ids,
                   tip, size, result.anchored)  # fmt: skip


def human_time(value: str) -> str:
    """``2024-05-01T10:00:00.123456Z`` -> ``2024-05-01 10:00:00 UTC`` (no microseconds)."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return moment.strftime("%Y-%m-%d %H:%M:%S") + " UTC"


def human_in(text: str) -> str:
    return _ISO.sub(lambda m: human_time(m.group(0)), text)


def css_string(text: str) -> Markup:
    """``text`` as a CSS string literal (ids only; quotes, backslashes, < and > escaped)."""
    escaped = "".join(c if c.isalnum() or c in " -_.:+/,()" else f"\\{ord(c):x} " for c in text)
    return Markup(f'"{escaped}"')


def _tally(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"


def _facts(event: AuditEvent) -> str:
    """The event's details as stored, keys an older version wrote included (a custody
    timeline shows the record itself, so this one reader lists the raw details rather
    than reading them through the model), without the document lists and tallies."""
    shown = {k: v for k, v in event.details.items() if k not in ("docs", "entities")}
    return ", ".join(f"{k}={v}" for k, v in sorted(shown.items()))


def _work(batch: BatchCustody, action: str) -> str:
    shown = []
    for e in batch.timeline:
        if e.action == action:
            payload = read_payload(e)
            epoch = epoch_of(payload)
            extra = code_of(payload) or f"epoch {'-' if epoch is None else epoch}"
            shown.append(f"{reviewer_or_actor(e)} at {human_time(e.time)} ({extra})")
    return "; ".join(shown) or "-"


def _claimed(batch: BatchCustody) -> str:
    names = batch.reviewers(Action.BATCH_CLAIMED) + batch.reviewers(Action.SUBMISSION_ACCEPTED)
    return ", ".join(dict.fromkeys(names)) or "-"


@cache
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True)
    env.filters.update(
        human=human_time, human_in=human_in, tally=_tally, facts=_facts, css_string=css_string
    )
    timeline = env.get_template("timeline.html.j2")
    env.globals.update(
        timeline=lambda events: Markup(timeline.render(events=events)),
        claimed=_claimed,
        work=_work,
    )
    return env


@dataclass(frozen=True)
class Page:
    generated: str
    window: str = "all events"
    status: MatterStatus = field(default_factory=lambda: MatterStatus("-", "-"))


def render(c: Custody, v: Verdict, page: Page) -> str:
    template = _env().get_template("report.html.j2")
    keys = ", ".join(v.key_ids) or "none"
    running = (
        f"Sealroom chain of custody - matter {c.matter} - head {v.head_hash} - "
        f"tree size {v.tree_size} - key {keys}"
    )
    return template.render(
        c=c, v=v, running=running, generated=page.generated, window=page.window, status=page.status,
        docs=[c.documents[k] for k in sorted(c.documents)],
        batches=[c.batches[k] for k in sorted(c.batches)],
        entities=sorted(c.entities.items()),
        css=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
    ) + "\n"  # fmt: skip
