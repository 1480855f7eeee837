"""The audit ledger: append-only hash-chained events, verification, state projections."""

from audit.chain import GENESIS_HASH, canonical_json, event_hash, seal
from audit.guard import MAX_TEXT, clean_details
from audit.ledger import Clock, Ledger, format_time, utc_now
from audit.ports import EventLog
from audit.projection import (
    BatchState,
    batch_states,
    document_states,
    quarantine_reasons,
    summary,
)
from audit.verify import Anchor, VerifyResult, verify

__all__ = [
    "GENESIS_HASH",
    "MAX_TEXT",
    "Anchor",
    "BatchState",
    "Clock",
    "EventLog",
    "Ledger",
    "VerifyResult",
    "batch_states",
    "canonical_json",
    "clean_details",
    "document_states",
    "event_hash",
    "format_time",
    "quarantine_reasons",
    "seal",
    "summary",
    "utc_now",
    "verify",
]
