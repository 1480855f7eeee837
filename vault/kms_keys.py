"""``KmsKeyProvider``: one AWS KMS key per matter key version.

Each matter's versions are KMS aliases ``<prefix>/<tenant>/<matter>/v<N>``
(ids encoded to the alias alphabet); the highest N is current. Data keys come
from ``GenerateDataKey``/``Decrypt`` through the SDK's
``StrictAwsKmsMasterKeyProvider``, limited to the matter's own key ARNs.
Retiring or shredding disables the keys, schedules their deletion and removes
their aliases; a ``shredded`` alias marks the matter so it never gets a new
key. botocore errors become ``KeyServiceError``; messages carry ids only.
"""

from __future__ import annotations

import re
from typing import Any

from aws_encryption_sdk import StrictAwsKmsMasterKeyProvider
from aws_encryption_sdk.exceptions import DecryptKeyError
from aws_encryption_sdk.key_providers.base import MasterKeyProvider
from botocore.exceptions import BotoCoreError, ClientError

from models.errors import KeyInUse, KeyServiceError, KeyShredded, UnknownKeyError
from vault.key_provider import KeyScope

KMS_PROVIDER_ID = "aws-kms"
_VERSION = re.compile(r"^v([1-9][0-9]{0,8})$")
_TOMBSTONE = "shredded"


def _encode(value: str) -> str:
    """Ids to the alias alphabet, injectively: ``_`` -> ``__``, ``.`` -> ``_d``."""
    return value.replace("_", "__").replace(".", "_d")


class _MatterKmsProvider(StrictAwsKmsMasterKeyProvider):
    """Strict KMS provider whose failures read as unknown keys, not damage.

    ``endpoint_url`` (set on a subclass, see ``_provider_class``) is where the SDK's own
    regional clients send ``GenerateDataKey``/``Decrypt``; the SDK has no such option.
    """

    endpoint_url: str | None = None

    def add_regional_client(self, region_name: str) -> None:
        if self.endpoint_url is None:
            super().add_regional_client(region_name)
            return
        if region_name not in self._regional_clients:
            client = self.config.botocore_session.create_client(
                "kms",
                region_name=region_name,
                endpoint_url=self.endpoint_url,
                config=self._user_agent_adding_config,
            )
            self._register_client(client, region_name)
            self._regional_clients[region_name] = client

    def decrypt_data_key_from_list(
        self, encrypted_data_keys: Any, algorithm: Any, encryption_context: Any
    ) -> Any:
        known = {str(k) for k in self.config.key_ids}
        ours = [e for e in encrypted_data_keys if e.key_provider.provider_id == KMS_PROVIDER_ID]
        if not any(
            bytes(e.key_provider.key_info).decode("ascii", "replace") in known for e in ours
        ):
            raise UnknownKeyError(reason="no live key for sealed object")
        try:
            return super().decrypt_data_key_from_list(
                encrypted_data_keys, algorithm, encryption_context
            )
        except DecryptKeyError as exc:
            raise UnknownKeyError(reason="key service refused the data key") from exc


class KmsKeyProvider:
    """A ``KeyProvider`` over AWS KMS (``client`` is a boto3 KMS client)."""

    def __init__(
        self,
        client: Any,
        botocore_session: Any = None,
        alias_prefix: str = "alias/sealroom",
        deletion_window_days: int = 7,
        endpoint_url: str | None = None,
    ) -> None:
        self._kms = client
        self._provider = _provider_class(endpoint_url)
        self._session = botocore_session
        self.alias_prefix = alias_prefix.rstrip("/")
        self.deletion_window_days = deletion_window_days

    # --- SDK providers ---------------------------------------------------------
    def encryption_provider(self, scope: KeyScope) -> MasterKeyProvider:
        return self._sdk_provider([self.current_key_id(scope)])

    def decryption_provider(self, scope: KeyScope) -> MasterKeyProvider:
        arns = self.key_ids(scope)
        if not arns:
            raise UnknownKeyError(str(scope), reason="no live key for matter")
        return self._sdk_provider(arns)

    def _sdk_provider(self, arns: list[str]) -> MasterKeyProvider:
        if self._session is None:
            return self._provider(key_ids=arns)
        return self._provider(key_ids=arns, botocore_session=self._session)

    # --- key lifecycle -----------------------------------------------------------
    def current_key_id(self, scope: KeyScope) -> str:
        versions = self._versions(scope)
        if versions:
            return versions[max(versions)]
        return self._create_version(scope, 1)

    def key_ids(self, scope: KeyScope) -> list[str]:
        versions = self._versions(scope)
        return [versions[n] for n in sorted(versions)]

    def rotate(self, scope: KeyScope) -> str:
        latest = max(self._versions(scope), default=0)
        return self._create_version(scope, latest + 1)

    def retire(self, scope: KeyScope, key_id: str) -> None:
        versions = self._versions(scope)
        if key_id == versions.get(max(versions, default=0)):
            raise KeyInUse(key_id)
        matches = [n for n, arn in versions.items() if arn == key_id]
        if not matches:
            raise UnknownKeyError(key_id)
        self._destroy(scope, matches[0], key_id)

    def shred(self, scope: KeyScope) -> int:
        """Tombstone first (so no new key appears), then destroy every version."""
        versions = self._versions(scope) or {1: self._create_version(scope, 1)}
        tombstone = self._alias(scope, _TOMBSTONE)
        target = versions[max(versions)]
        self._call(str(scope), "create_alias", AliasName=tombstone, TargetKeyId=target)
        for number, arn in versions.items():
            self._destroy(scope, number, arn)
        return len(versions)

    # --- internals -----------------------------------------------------------------
    def _alias(self, scope: KeyScope, leaf: str) -> str:
        return f"{self.alias_prefix}/{_encode(scope.tenant)}/{_encode(scope.matter)}/{leaf}"

    def _versions(self, scope: KeyScope) -> dict[int, str]:
        """Version number -> key ARN; ``KeyShredded`` once the matter was shredded."""
        base = self._alias(scope, "")
        found: dict[int, str] = {}
        pages = self._call(str(scope), "get_paginator", "list_aliases").paginate()
        try:
            aliases = [a for page in pages for a in page.get("Aliases", [])]
        except (ClientError, BotoCoreError) as exc:
            raise KeyServiceError(str(scope)) from exc
        for alias in aliases:
            leaf = str(alias.get("AliasName", "")).removeprefix(base)
            if not str(alias.get("AliasName", "")).startswith(base):
                continue
            if leaf == _TOMBSTONE:
                raise KeyShredded(str(scope))
            match = _VERSION.match(leaf)
            if match and alias.get("TargetKeyId"):
                found[int(match.group(1))] = _key_arn(alias["AliasArn"], alias["TargetKeyId"])
        return found

    def _create_version(self, scope: KeyScope, number: int) -> str:
        key = self._call(
            str(scope),
            "create_key",
            Description=f"sealroom matter key {scope} v{number}",
            Tags=[
                {"TagKey": "sealroom:tenant", "TagValue": scope.tenant},
                {"TagKey": "sealroom:matter", "TagValue": scope.matter},
            ],
        )
        arn = str(key["KeyMetadata"]["Arn"])
        try:
            self._kms.create_alias(AliasName=self._alias(scope, f"v{number}"), TargetKeyId=arn)
        except ClientError as exc:
            self._call(str(scope), "schedule_key_deletion", KeyId=arn, PendingWindowInDays=7)
            if _code(exc) != "AlreadyExistsException":
                raise KeyServiceError(str(scope)) from exc
            return self._versions(scope)[number]  # another worker won the race
        return arn

    def _destroy(self, scope: KeyScope, number: int, arn: str) -> None:
        key_id = arn.rsplit("/", 1)[-1]  # the bare key id works everywhere (and in moto)
        self._call(str(scope), "delete_alias", AliasName=self._alias(scope, f"v{number}"))
        self._call(str(scope), "disable_key", KeyId=key_id)
        self._call(
            str(scope),
            "schedule_key_deletion",
            KeyId=key_id,
            PendingWindowInDays=self.deletion_window_days,
        )

    def _call(self, ref: str, method: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self._kms, method)(*args, **kwargs)
        except (ClientError, BotoCoreError) as exc:
            raise KeyServiceError(ref) from exc


def _provider_class(endpoint_url: str | None) -> type[_MatterKmsProvider]:
    if endpoint_url is None:
        return _MatterKmsProvider
    return type("_EndpointKmsProvider", (_MatterKmsProvider,), {"endpoint_url": endpoint_url})


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _key_arn(alias_arn: str, key_id: str) -> str:
    """``arn:aws:kms:<region>:<account>:alias/...`` + key id -> the key's ARN."""
    return alias_arn.split(":alias/", 1)[0] + f":key/{key_id}"
