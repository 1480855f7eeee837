"""Routing rules: which reviewer queue a document goes to, with the batch budget and SLA.

The rules live in a TOML file (``config/routing.toml``, format ``sealroom.routing/1``);
without one, every document goes to a single queue. Routing sees only facts without
PII: document id, kind, language code, specialty/priority tags, page count, family id.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from config import defaults
from models.errors import ConfigError
from review import layout

ROUTING_FORMAT = "sealroom.routing/1"
PRIORITY_ORDER = ("urgent", "high", "normal", "low")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Budget(_Strict):
    max_docs: int = Field(defaults.BATCH_MAX_DOCS, ge=1)
    max_pages: int = Field(400, ge=1)
    due_hours: int = Field(defaults.BATCH_DUE_HOURS, ge=1)
    qc_rate: float = Field(0.0, ge=0.0, le=1.0)


class Rule(_Strict):
    name: str
    queue: str
    kind: str | None = None
    language: str | None = None
    specialty: str | None = None
    priority: str | None = None
    max_docs: int | None = Field(None, ge=1)
    max_pages: int | None = Field(None, ge=1)
    due_hours: int | None = Field(None, ge=1)
    qc_rate: float | None = Field(None, ge=0.0, le=1.0)
    qc_queue: str | None = None
    adjudication_queue: str | None = None


class Tags(_Strict):
    specialties: tuple[str, ...] = ()
    priorities: tuple[str, ...] = PRIORITY_ORDER


class QcThresholds(_Strict):
    min_span_f1: float = Field(0.8, ge=0.0, le=1.0)
    min_kappa: float = Field(0.6, ge=-1.0, le=1.0)


@dataclass(frozen=True)
class DocRoute:
    """What routing knows about a document (ids, codes and counts only)."""

    doc_id: str
    kind: str
    language: str = "und"
    specialty: str | None = None
    priority: str = "normal"
    pages: int = 1
    family: str | None = None


@dataclass(frozen=True)
class Route:
    """A matched rule with its budget resolved."""

    rule: str
    queue: str
    budget: Budget
    qc_queue: str
    adjudication_queue: str


class RoutingTable(_Strict):
    format: str = ROUTING_FORMAT
    default_queue: str = "general"
    defaults: Budget = Budget()
    tags: Tags = Tags()
    qc: QcThresholds = QcThresholds()
    rule: tuple[Rule, ...] = ()

    def route(self, doc: DocRoute) -> Route:
        """The first rule whose conditions all hold; else the default queue."""
        for rule in self.rule:
            if _matches(rule, doc):
                return self._resolve(rule)
        return self._resolve(Rule(name="default", queue=self.default_queue))

    def _resolve(self, rule: Rule) -> Route:
        given = rule.model_dump(include=set(Budget.model_fields), exclude_none=True)
        budget = self.defaults.model_copy(update=given)
        return Route(
            rule=rule.name,
            queue=rule.queue,
            budget=budget,
            qc_queue=rule.qc_queue or f"{rule.queue}-qc",
            adjudication_queue=rule.adjudication_queue or f"{rule.queue}-adjudication",
        )

    def queues(self) -> list[str]:
        """Every queue the table can send to (primary, QC and adjudication)."""
        routes = [self._resolve(r) for r in self.rule] + [self.route(DocRoute("x", ""))]
        names = {q for r in routes for q in (r.queue, r.qc_queue, r.adjudication_queue)}
        return sorted(names)

    def tag(self, folder: str) -> tuple[str, str] | None:
        """``("specialty"|"priority", name)`` if an inbox folder name is a known tag."""
        name = folder.lower()
        if name in self.tags.specialties:
            return ("specialty", name)
        if name in self.tags.priorities:
            return ("priority", name)
        return None


def _matches(rule: Rule, doc: DocRoute) -> bool:
    wanted = {
        "kind": rule.kind,
        "language": rule.language,
        "specialty": rule.specialty,
        "priority": rule.priority,
    }
    return all(value is None or getattr(doc, field) == value for field, value in wanted.items())


def single_queue(
    queue: str,
    max_docs: int = defaults.BATCH_MAX_DOCS,
    due_hours: int = defaults.BATCH_DUE_HOURS,
) -> RoutingTable:
    """The table used without a routing file: everything to ``queue``, no QC."""
    return RoutingTable(
        default_queue=queue,
        defaults=Budget(max_docs=max_docs, max_pages=10**6, due_hours=due_hours),
    )


def load_routing(path: Path) -> RoutingTable:
    """Read and check a routing file; ``ConfigError`` names the file, never its content."""
    try:
        table = RoutingTable.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ConfigError(path.name, "routing file unreadable or invalid") from exc
    if table.format != ROUTING_FORMAT:
        raise ConfigError(path.name, f"routing file is not {ROUTING_FORMAT}")
    if not all(layout.is_id(name) for name in table.queues()):
        raise ConfigError(path.name, "routing file names an invalid queue")
    return table


def sampled_for_qc(batch_id: str, rate: float) -> bool:
    """Deterministic sample: the same batch is always in (or out of) the QC sample."""
    if rate <= 0.0:
        return False
    digest = hashlib.sha256(f"qc|{batch_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < rate
