"""Where a sealed object lives and the encryption context it is bound to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


class Purpose(StrEnum):
    ORIGINAL = "original"  # the client's file as received
    SOURCE_NAME = "source-name"  # the original file name (PII)
    TEXT = "text"  # extracted text detection ran on
    PSEUDONYMS = "pseudonyms"  # the pseudonym map (replacements)
    RENDITION = "rendition"  # the redacted rendition (not PII, still sealed)
    ANNOTATIONS = "annotations"  # accepted reviewer annotations
    DELIVERABLE = "deliverable"  # the annotated result for the client
    MATTER_KEY = "matter-key"  # per-matter secrets (HMAC key, date shift)


def check_id(value: str, what: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"invalid {what} id")
    return value


@dataclass(frozen=True)
class VaultRef:
    tenant: str
    matter: str
    document: str
    purpose: Purpose
    version: int = 1

    def __post_init__(self) -> None:
        check_id(self.tenant, "tenant")
        check_id(self.matter, "matter")
        check_id(self.document, "document")
        if self.version < 1:
            raise ValueError("version must be >= 1")

    @property
    def key(self) -> str:
        """Object key in a blob store: opaque ids only."""
        return (
            f"tenants/{self.tenant}/matters/{self.matter}/docs/{self.document}/"
            f"{self.purpose.value}/v{self.version}.sealed"
        )

    def context(self) -> dict[str, str]:
        """Encryption context: bound into the ciphertext, checked on open."""
        return {
            "sealroom:tenant": self.tenant,
            "sealroom:matter": self.matter,
            "sealroom:document": self.document,
            "sealroom:purpose": self.purpose.value,
            "sealroom:version": str(self.version),
        }

    def __str__(self) -> str:
        return self.key
