"""A matter's sealed configuration (for now: the passwords of its encrypted PDFs).

Stored in the vault like any other secret of the matter (``Purpose.MATTER_CONFIG`` under
the reserved document id ``matter``), never in settings files, the ledger or logs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from models.errors import ConfigError, VaultObjectMissing
from models.vault_ref import Purpose
from stages.services import Services

MATTER_DOC = "matter"


@dataclass(frozen=True)
class MatterConfig:
    pdf_passwords: tuple[str, ...] = field(default=(), repr=False)

    def __repr__(self) -> str:  # never print secrets
        return f"MatterConfig(pdf_passwords={len(self.pdf_passwords)})"

    def to_bytes(self) -> bytes:
        return json.dumps({"pdf_passwords": list(self.pdf_passwords)}).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> MatterConfig:
        try:
            raw = json.loads(data.decode("utf-8"))
            passwords = raw.get("pdf_passwords", [])
        except (UnicodeDecodeError, ValueError, AttributeError) as exc:
            raise ConfigError(MATTER_DOC, "matter config is not valid") from exc
        if not isinstance(passwords, list) or not all(isinstance(p, str) for p in passwords):
            raise ConfigError(MATTER_DOC, "matter config is not valid")
        return cls(tuple(passwords))


def load_matter_config(svc: Services) -> MatterConfig:
    """The matter's sealed config; an empty one when none was stored."""
    try:
        return MatterConfig.from_bytes(svc.vault.get(svc.ref(MATTER_DOC, Purpose.MATTER_CONFIG)))
    except VaultObjectMissing:
        return MatterConfig()


def add_pdf_password(svc: Services, password: str) -> int:
    """Seal one more PDF password into the matter's config; returns how many are stored."""
    current = load_matter_config(svc)
    if password in current.pdf_passwords:
        return len(current.pdf_passwords)
    updated = MatterConfig((*current.pdf_passwords, password))
    svc.vault.put(svc.ref(MATTER_DOC, Purpose.MATTER_CONFIG), updated.to_bytes())
    return len(updated.pdf_passwords)
