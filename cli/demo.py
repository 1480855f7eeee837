"""`sealroom demo`: the whole pipeline on the bundled samples, on embedded defaults.

Prefect's embedded server, a local vault directory, a SQLite ledger and a local S3
endpoint (moto's server on 127.0.0.1, started and stopped here) holding the queues.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from cli.demo_reviewer import review_open_batches
from cli.local_s3 import local_s3
from cli.summary import print_summary

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLES = REPO / "samples"
REVIEWER = "reviewer-demo"
CHECKPOINT_BUCKET = "sealroom-checkpoints"


def key_dir(home: Path) -> Path:
    """The demo's checkpoint key: beside, never inside, its state directory."""
    return home.parent / f"{home.name}-checkpoint-key"


def configure(home: Path, endpoint: str) -> None:
    """Point settings and Prefect at the demo's own state directory, before first use."""
    os.environ["SEALROOM_HOME"] = str(home)
    os.environ["SEALROOM_S3_ENDPOINT_URL"] = endpoint
    os.environ["SEALROOM_CHECKPOINT_BUCKET"] = CHECKPOINT_BUCKET
    os.environ.setdefault("SEALROOM_CHECKPOINT_KEY_DIR", str(key_dir(home)))
    os.environ.setdefault("SEALROOM_CHECKPOINT_EVERY_EVENTS", "10")
    os.environ.setdefault("PREFECT_HOME", str(home / "prefect"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from composition.wiring import services
    from config.settings import get_settings

    get_settings.cache_clear()
    services.cache_clear()


def play_reviewer(console: Console, home: Path) -> int:
    """Claim every open batch, pull it, annotate it and submit (as a remote reviewer would)."""
    from cli.reviewer import _client
    from config import get_settings

    client = _client("", REVIEWER)
    lease = get_settings().lease_seconds
    done = review_open_batches(client, home / "reviewer", lease, grant=operator_grant)
    for batch_id, count in done:
        console.print(f"  reviewer {REVIEWER} claimed {batch_id}, submitted {count} annotation(s)")
    return len(done)


def operator_grant(batch_id: str) -> None:
    """The operator's side of a claim: the holder gets its copies, on the audit trail."""
    from composition.wiring import services
    from stages.access import grant_access
    from stages.trail import batch_queue

    svc = services()
    queue = batch_queue(svc, batch_id)
    grant_access(svc, queue, batch_id, queue.claim_state(batch_id))


def compliance(matter: str) -> None:
    """What a compliance officer would do next: checkpoint the head, write the report."""
    from audit.printer import find_chromium
    from cli import audit_cmd, audit_read

    audit_cmd.checkpoint_cmd(ledger=None)
    printable = find_chromium() is not None  # the PDF rendition too, where Chromium exists
    audit_read.report_cmd(
        matter=matter, out=None, since=None, until=None, pdf=printable, ledger=None
    )


def run_demo(home: Path, samples: Path) -> int:
    console = Console()
    started = time.monotonic()
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    with local_s3() as endpoint:
        configure(home, endpoint)
        from audit.s3_checkpoints import create_locked_bucket
        from composition.audit_wiring import init_key
        from composition.wiring import s3_client
        from config import get_settings
        from flows.pipeline_flow import pipeline

        s3 = s3_client(get_settings())
        s3.create_bucket(Bucket=get_settings().s3_bucket)
        create_locked_bucket(s3, CHECKPOINT_BUCKET)  # signed checkpoints, Object Lock
        init_key(get_settings())  # the checkpoint key (kept across demo runs) and its publication
        console.print(f"[bold]Sealroom demo[/] - local S3 at {endpoint}, state in {home}")
        os.environ["SEALROOM_INBOX"] = str(samples)  # configuration, never a flow parameter
        get_settings.cache_clear()
        first: dict[str, Any] = pipeline()
        console.print(f"  pass 1 (ingest, redact, dispatch): {first}")
        play_reviewer(console, home)
        second: dict[str, Any] = pipeline()
        console.print(f"  pass 2 (collect, reassemble): {second}")
        compliance(get_settings().matter)
        ok = print_summary(console, home, endpoint, time.monotonic() - started)
    return 0 if ok else 1
