"""Input guards: the ledger stores ids, hashes and counts only, never document text."""

from __future__ import annotations

import json
from typing import Any

from audit.chain import canonical_json
from models.audit import EventDraft, Outcome
from models.errors import LedgerError

MAX_TEXT = 200  # longest string allowed anywhere in a draft (ids, keys, detail values)
MAX_DETAILS_CHARS = 16_384  # JSON size limit for ``details``
MAX_DEPTH = 16  # nesting limit for ``details``


def check_draft(draft: EventDraft) -> dict[str, Any]:
    """Validate a draft; return its details normalised to plain JSON types.

    Raises ``LedgerError`` (ref = the draft key when it is safe to show) naming the
    problem, never the offending value.
    """
    ref = draft.key if isinstance(draft.key, str) and len(draft.key) <= MAX_TEXT else ""
    _check_fields(draft, ref)
    return clean_details(draft.details, ref)


def _check_fields(draft: EventDraft, ref: str) -> None:
    fields = (draft.key, draft.actor, draft.action, draft.object_type, draft.object_id)
    if not all(isinstance(v, str) and v for v in fields):
        raise LedgerError(ref, "key, actor, action, object_type, object_id must be non-empty")
    if not isinstance(draft.matter, str):
        raise LedgerError(ref, "matter must be a string")
    if any(len(v) > MAX_TEXT for v in (*fields, draft.matter)):
        raise LedgerError(ref, f"event field longer than {MAX_TEXT} chars")
    try:
        Outcome(draft.outcome)
    except ValueError as exc:
        raise LedgerError(ref, "unknown outcome") from exc


def clean_details(details: Any, ref: str = "") -> dict[str, Any]:
    """Reject non-JSON, oversized or text-bearing details; return them as plain JSON types."""
    if not isinstance(details, dict):
        raise LedgerError(ref, "details must be a JSON object")
    try:
        size = len(json.dumps(details, allow_nan=False))  # rejects cycles, NaN, non-JSON types
    except (TypeError, ValueError, RecursionError) as exc:
        raise LedgerError(ref, "details not JSON-serialisable") from exc
    if size > MAX_DETAILS_CHARS:
        raise LedgerError(ref, f"details larger than {MAX_DETAILS_CHARS} chars")
    problem = _shape_problem(details, 1)
    if problem:
        raise LedgerError(ref, problem)
    normal: dict[str, Any] = json.loads(canonical_json(details))
    return normal


def _shape_problem(value: Any, depth: int) -> str:
    """Why ``value`` is not ids-and-counts shaped; "" when it is."""
    if depth > MAX_DEPTH:
        return f"details nested deeper than {MAX_DEPTH}"
    if isinstance(value, str):
        return (
            f"details string longer than {MAX_TEXT} chars (ids only)"
            if len(value) > MAX_TEXT
            else ""
        )
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            return "details keys must be strings"
        children = [*value.keys(), *value.values()]
    elif isinstance(value, list | tuple):
        children = list(value)
    else:
        return ""
    return next((p for p in (_shape_problem(c, depth + 1) for c in children) if p), "")
