"""Typed settings: environment (SEALROOM_*), then ``sealroom.toml``, then defaults. Read once."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from config.groups import (
    AuditSettings,
    CoreSettings,
    Group,
    OperationsSettings,
    PdfSettings,
    QueueSettings,
    RedactionSettings,
    VaultSettings,
)

G = TypeVar("G", bound=Group)


def _toml_path() -> Path:
    return Path(os.environ.get("SEALROOM_CONFIG", "sealroom.toml"))


class Settings(
    BaseSettings,
    CoreSettings,
    RedactionSettings,
    PdfSettings,
    VaultSettings,
    AuditSettings,
    QueueSettings,
    OperationsSettings,
):
    """Every setting, flat (``SEALROOM_<NAME>``, ``sealroom.toml`` key ``<name>``,
    ``settings.<name>``); each is defined once, in its concern's model (``config.groups``),
    and ``settings.core``, ``.redaction``, ``.pdf``, ``.vault``, ``.audit``, ``.queues``,
    ``.operations`` return that concern's values as its typed model."""

    model_config = SettingsConfigDict(env_prefix="SEALROOM_", extra="forbid", frozen=True)

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

    def group(self, model: type[G]) -> G:
        """This concern's values as its typed model (a read-only view: both are frozen)."""
        return model.model_validate({name: getattr(self, name) for name in model.model_fields})

    @property
    def core(self) -> CoreSettings:
        return self.group(CoreSettings)

    @property
    def redaction(self) -> RedactionSettings:
        return self.group(RedactionSettings)

    @property
    def pdf(self) -> PdfSettings:
        return self.group(PdfSettings)

    @property
    def vault(self) -> VaultSettings:
        return self.group(VaultSettings)

    @property
    def audit(self) -> AuditSettings:
        return self.group(AuditSettings)

    @property
    def queues(self) -> QueueSettings:
        return self.group(QueueSettings)

    @property
    def operations(self) -> OperationsSettings:
        return self.group(OperationsSettings)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
