"""The root of the one error tree and its cross-cutting members: configuration and
object storage (S3 calls of the queues, the vault's S3 store and the S3 inbox).

Messages carry ids (document, batch, object refs) and never document text:
``<code> <reason> [<ref>]``. ``retryable`` says whether the same call may succeed later
without anyone changing anything; the flows retry exactly those. Import the tree from
``models.errors``, which re-exports every family.
"""

from __future__ import annotations


class SealroomError(Exception):
    """Base of every Sealroom error. ``code`` is stable; ``ref`` is an opaque id."""

    code = "SR-000"
    summary = "sealroom error"
    retryable = False

    def __init__(self, ref: str = "", reason: str = "") -> None:
        self.ref = ref
        self.reason = reason or self.summary
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f" [{self.ref}]" if self.ref else ""
        return f"{self.code} {self.reason}{where}"


class ConfigError(SealroomError):
    code = "SR-CFG-001"
    summary = "invalid configuration"


class StorageError(SealroomError):
    code = "SR-STO-001"
    summary = "object storage call failed"
    retryable = True
