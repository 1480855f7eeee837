"""Exports for SIEMs and spreadsheets: JSON Lines shaped like OCSF API Activity events
(class 6003) with Sealroom's own fields under ``unmapped``, and flat CSV.

Both carry exactly what the ledger holds: ids, hashes, counts and entity-type tallies.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from audit.chain import flat_row
from audit.ocsf_map import ACTIVITY_NAMES, activity_id, actor_user
from audit.query import parse_time
from models.audit import AuditEvent, Outcome

OCSF_VERSION = "1.1.0"
CSV_FIELDS = [
    "seq",
    "time",
    "actor",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "matter",
    "key",
    "details",
    "prev_hash",
    "hash",
]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def ocsf(event: AuditEvent) -> dict[str, Any]:
    """One event as an OCSF 1.1.0 API Activity record (validated against the schema in
    the tests): activity Create/Read/Update/Delete by action (``audit/ocsf_map.py``)."""
    return {
        **_api_activity(activity_id(event.action)),
        "severity_id": 1,
        "severity": "Informational",
        "time": int(parse_time(event.time).timestamp() * 1000),
        "time_dt": event.time,
        **_status(event.outcome),
        "actor": {"user": actor_user(event.actor)},
        "api": {"operation": event.action, "service": {"name": "sealroom"}},
        "src_endpoint": {"svc_name": "sealroom"},
        "resources": [{"uid": event.object_id, "type": event.object_type}],
        "metadata": _metadata(event),
        "unmapped": {
            "matter": event.matter,
            "details": event.details,
            "prev_hash": event.prev_hash,
            "hash": event.hash,
        },
    }


def _api_activity(activity: int) -> dict[str, Any]:
    """The OCSF category, class, activity and type of an API Activity record."""
    return {
        "category_uid": 6,
        "category_name": "Application Activity",
        "class_uid": 6003,
        "class_name": "API Activity",
        "activity_id": activity,
        "activity_name": ACTIVITY_NAMES[activity],
        "type_uid": 600300 + activity,
        "type_name": f"API Activity: {ACTIVITY_NAMES[activity]}",
    }


def _status(outcome: Outcome) -> dict[str, Any]:
    ok = outcome == Outcome.OK
    return {
        "status_id": 1 if ok else 2,
        "status": "Success" if ok else "Failure",
        "status_detail": str(outcome),
    }


def _metadata(event: AuditEvent) -> dict[str, Any]:
    return {
        "product": {"name": "Sealroom", "vendor_name": "Sealroom", "version": "0.1.0"},
        "version": OCSF_VERSION,
        "uid": event.hash,
        "sequence": event.seq,
        "correlation_uid": event.key,
    }


def jsonl_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    for event in events:
        yield json.dumps(ocsf(event), sort_keys=True, ensure_ascii=True) + "\n"


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def csv_row(event: AuditEvent) -> list[str]:
    values = flat_row(event)
    return [_cell(values[name]) for name in CSV_FIELDS]


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    """Header then one row per event (formula-looking cells are neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for event in [None, *events]:
        if event is not None:
            writer.writerow(csv_row(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
