"""Per-matter redaction setup: the matter's HMAC key (sealed in the vault, generated on first
use) for consistent tokens, and the policy each document kind is redacted under."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from models.errors import VaultObjectMissing
from models.vault_ref import Purpose
from redaction.dateshift import DateShiftNamer, patient_of, shift_days
from redaction.operators import HmacNamer, TokenNamer
from redaction.policy import Policy, PolicyDetector, load_policy, with_matter_lists
from stages.services import Services

KEY_DOC = "matter"  # the reserved vault document id of matter-wide secrets
KEY_BYTES = 32


def matter_key(svc: Services) -> bytes:
    """The matter's token key; created and sealed on first use, then re-read (never logged)."""
    ref = svc.ref(KEY_DOC, Purpose.MATTER_KEY)
    try:
        return svc.vault.get(ref)
    except VaultObjectMissing:
        pass
    svc.vault.put_new(ref, secrets.token_bytes(KEY_BYTES))
    # put_new lets exactly one racing worker create the key; everyone reads the winner's
    return svc.vault.get(ref)


def matter_namer(svc: Services) -> HmacNamer:
    return HmacNamer(matter_key(svc))


def document_namer(
    svc: Services, policy: Policy, doc_id: str
) -> TokenNamer | Callable[[str], TokenNamer]:
    """The matter's HMAC tokens; with date shifting, a factory that shifts each document's
    dates by its patient's offset (the document itself when no patient is named)."""
    key = matter_key(svc)
    namer = HmacNamer(key)
    if not policy.date_shift:
        return namer
    return lambda text: DateShiftNamer(namer, shift_days(key, patient_of(text, doc_id)))


@lru_cache(maxsize=64)
def _policy(name: str, tenant: str, matter: str, directory: Path | None) -> Policy:
    if directory is None:  # the packaged config/policies
        return with_matter_lists(load_policy(name), tenant, matter)
    return with_matter_lists(load_policy(name, directory), tenant, matter, directory)


def document_policy(svc: Services, kind: str | None) -> Policy:
    """The policy for a document kind (``svc.policy_by_kind``; else ``svc.policy``), from
    ``svc.policy_dir`` (the packaged policies when None)."""
    name = svc.policy_by_kind.get(kind or "", svc.policy)
    return _policy(name, svc.tenant, svc.matter, svc.policy_dir)


def policed(svc: Services, policy: Policy) -> PolicyDetector:
    """The matter's detector restricted to ``policy``."""
    return PolicyDetector(svc.detector, policy)
