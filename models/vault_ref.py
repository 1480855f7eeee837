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
    DELIVERABLE_PDF = "deliverable-pdf"  # the original PDF with the reviewers' annotations
    MATTER_KEY = "matter-key"  # per-matter secrets (HMAC key, date shift)
    MATTER_CONFIG = "matter-config"  # per-matter sealed settings (e.g. PDF passwords)


def check_id(value: str, what: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"invalid {what} id")
    return value


_KEY = re.compile(
    r"^tenants/([^/]+)/matters/([^/]+)/docs/([^/]+)/([a-z-]+)/v([1-9][0-9]{0,8})\.sealed$"
)


def matter_prefix(tenant: str, matter: str) -> str:
    """The object-key prefix holding every sealed object of one matter."""
    return f"tenants/{check_id(tenant, 'tenant')}/matters/{check_id(matter, 'matter')}/"


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

    @classmethod
    def from_key(cls, key: str) -> VaultRef:
        """The ref an object key names; ``ValueError`` if it is not a vault object key."""
        match = _KEY.match(key)
        if not match:
            raise ValueError("not a vault object key")
        tenant, matter, document, purpose, version = match.groups()
        return cls(tenant, matter, document, Purpose(purpose), int(version))

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
