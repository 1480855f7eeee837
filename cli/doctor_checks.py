"""What `sealroom doctor` checks: each a small function returning ``Check`` results, with
what to do on failure. Calls are real (boto3 clients from the composition root, the
ledger's own engine, the Prefect API's health endpoint); messages carry names from the
settings and service error codes, never credentials."""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from config import Settings

MISSING = {"404", "NoSuchBucket", "NotFound"}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    fixed: bool = False

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def buckets(settings: Settings) -> list[tuple[str, str, bool]]:
    """(role, bucket, object lock) of every bucket the settings name."""
    found = [("queue bucket", settings.s3_bucket, False)]
    if settings.vault_s3_bucket:
        found.append(("vault bucket", settings.vault_s3_bucket, False))
    if settings.checkpoint_bucket:
        found.append(("checkpoint bucket", settings.checkpoint_bucket, True))
    if settings.inbox_location.startswith("s3://"):
        from intake.inbox import split_s3_url

        found.append(("inbox bucket", split_s3_url(settings.inbox_location)[0], False))
    return found


def check_bucket(client: Any, role: str, bucket: str, locked: bool, fix: bool) -> Check:
    try:
        client.head_bucket(Bucket=bucket)
        return Check(f"{role} {bucket}", True, "reachable")
    except NoCredentialsError:
        return Check(f"{role} {bucket}", False, "no AWS credentials", CREDENTIALS_FIX)
    except ClientError as exc:
        code = _code(exc)
        if code not in MISSING:
            hint = "grant s3:ListBucket, s3:GetObject, s3:PutObject on it to these credentials"
            return Check(f"{role} {bucket}", False, f"S3 said {code}", hint)
    except BotoCoreError as exc:
        return Check(f"{role} {bucket}", False, type(exc).__name__, ENDPOINT_FIX)
    if not fix:
        return Check(f"{role} {bucket}", False, "does not exist", "run `sealroom doctor --fix`")
    return _create(client, role, bucket, locked)


def _create(client: Any, role: str, bucket: str, locked: bool) -> Check:
    from audit.s3_checkpoints import create_locked_bucket

    try:
        if locked:
            create_locked_bucket(client, bucket)
        else:
            client.create_bucket(Bucket=bucket, **_location(client))
    except Exception as exc:  # any S3 or driver failure, reported by type
        return Check(f"{role} {bucket}", False, f"cannot create: {type(exc).__name__}")
    return Check(f"{role} {bucket}", True, "created", fixed=True)


def _location(client: Any) -> dict[str, Any]:
    region = client.meta.region_name
    if not region or region == "us-east-1":
        return {}
    return {"CreateBucketConfiguration": {"LocationConstraint": region}}


CREDENTIALS_FIX = "set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role"
ENDPOINT_FIX = "check SEALROOM_S3_ENDPOINT_URL / network access to S3"


def check_keys(settings: Settings) -> Check:
    from composition.wiring import build_vault
    from models.errors import SealroomError
    from vault import KeyScope

    name = f"vault keys ({settings.key_provider})"
    try:
        ids = build_vault(settings).keys.key_ids(KeyScope(settings.tenant, settings.matter))
    except SealroomError as exc:
        hint = "check KMS access (kms:Encrypt/Decrypt/CreateKey/CreateAlias)"
        if settings.key_provider == "local":
            hint = f"check {settings.key_path} (mode 0600, owned by this user)"
        return Check(name, False, exc.message, hint)
    return Check(name, True, f"{len(ids)} key version(s) for matter {settings.matter}")


def check_ledger(settings: Settings) -> Check:
    from composition.wiring import open_ledger

    try:
        with open_ledger(settings) as ledger:
            count = ledger.count()
    except Exception as exc:  # any driver error: reported by type, never its message
        hint = "check SEALROOM_LEDGER_URL, the database server and its driver"
        return Check("ledger", False, f"cannot open: {type(exc).__name__}", hint)
    return Check("ledger", True, f"{count} event(s)")


def check_prefect() -> Check:
    url = os.environ.get("PREFECT_API_URL", "")
    if not url:
        return Check("prefect", True, "PREFECT_API_URL not set: serve starts its own server")
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=5) as response:
            healthy = response.status == 200
    except OSError as exc:
        return Check("prefect", False, f"{type(exc).__name__} at PREFECT_API_URL", PREFECT_FIX)
    return Check("prefect", healthy, "API healthy" if healthy else "unhealthy", PREFECT_FIX)


PREFECT_FIX = "start the Prefect server or fix PREFECT_API_URL"


def check_inbox(settings: Settings, fix: bool) -> Check:
    where = settings.inbox_location
    if where.startswith("s3://"):
        return Check("inbox", True, "an S3 prefix (its bucket is checked above)")
    path = Path(where)
    if path.is_dir() and os.access(path, os.R_OK | os.X_OK):
        return Check("inbox", True, "a readable directory")
    if not path.exists() and fix:
        path.mkdir(parents=True, mode=0o700)
        return Check("inbox", True, "created", fixed=True)
    return Check("inbox", False, "missing or unreadable", "create it, or `sealroom doctor --fix`")


def run_checks(settings: Settings, fix: bool, s3: Callable[[], Any]) -> list[Check]:
    client = s3()
    checks = [check_bucket(client, *spec, fix) for spec in buckets(settings)]
    credentials = not any(c.detail == "no AWS credentials" for c in checks)
    checks.insert(0, Check("credentials", credentials, "found" if credentials else "none"))
    checks += [check_keys(settings), check_ledger(settings), check_prefect()]
    return [*checks, check_inbox(settings, fix)]
