"""The whole pipeline under Prefect (embedded test server) with S3 on moto, then a scan of
every place orchestration and the audit trail leave data for the fixture PII values."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws
from pypdf import PdfReader

from audit import Ledger, document_states
from cli.demo_reviewer import review_open_batches
from composition.wiring import s3_client, services
from config.settings import get_settings
from flows.pipeline_flow import pipeline
from models.document import DocState
from review import ReviewerClient, ReviewQueue, S3ObjectStore
from review.access import grant_current

Scan = Callable[[str], list[str]]


class Capture(logging.Handler):
    """Every log record of the run, from every logger (Prefect's do not propagate)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.getMessage()} {record.exc_text or ''}")


@contextmanager
def mocked_pipeline_env(root: Path, matter: str, inbox: Path) -> Iterator[list[str]]:
    """Settings for one matter under ``root`` on moto's S3 (bucket created), every log
    record captured; yields the captured lines. Caches cleared on both sides."""
    capture = Capture()
    loggers = [logging.getLogger(), logging.getLogger("prefect")]
    with mock_aws(), pytest.MonkeyPatch.context() as mp:
        mp.setenv("SEALROOM_HOME", str(root / "home"))
        mp.setenv("SEALROOM_MATTER", matter)
        mp.setenv("SEALROOM_INBOX", str(inbox))
        mp.delenv("SEALROOM_S3_ENDPOINT_URL", raising=False)
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(name, "testing")
        get_settings.cache_clear()
        services.cache_clear()
        for logger in loggers:
            logger.addHandler(capture)
        try:
            s3_client(get_settings()).create_bucket(Bucket=get_settings().s3_bucket)
            yield capture.lines
        finally:
            for logger in loggers:
                logger.removeHandler(capture)
            get_settings.cache_clear()
            services.cache_clear()


@pytest.fixture(scope="module")
def run(
    prefect_db: str, samples_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("pipeline")
    with mocked_pipeline_env(root, "matter-flowtest", samples_dir) as logs:
        yield run_pipeline(samples_dir, root) | {"home": root / "home", "logs": logs}


def run_pipeline(samples_dir: Path, root: Path) -> dict[str, Any]:
    first = pipeline()
    reviewed = review_everything(root / "reviewer")
    second = pipeline()
    with Ledger(get_settings().ledger) as ledger:
        before = ledger.count()
        third = pipeline()
        after = ledger.count()
    return {
        "first": first,
        "second": second,
        "third": third,
        "reviewed": reviewed,
        "events_before": before,
        "events_after": after,
        "queue_objects": dict(bucket_texts()),
    }


def review_everything(workdir: Path) -> int:
    settings = get_settings()
    store = S3ObjectStore(s3_client(settings), settings.s3_bucket)
    client = ReviewerClient(store, settings.queue, "reviewer-flowtest")
    operator = ReviewQueue(store, settings.queue)
    return len(review_open_batches(client, workdir, 600, grant=partial(grant_current, operator)))


def bucket_texts() -> Iterator[tuple[str, str]]:
    settings = get_settings()
    s3 = s3_client(settings)
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=settings.s3_bucket):
        for item in page.get("Contents", []):
            body = s3.get_object(Bucket=settings.s3_bucket, Key=item["Key"])["Body"].read()
            yield item["Key"], readable(body)


def readable(body: bytes) -> str:
    if body.startswith(b"%PDF"):
        reader = PdfReader(io.BytesIO(body))
        meta = json.dumps({k: str(v) for k, v in (reader.metadata or {}).items()})
        return "\f".join(p.extract_text() or "" for p in reader.pages) + meta
    return body.decode("utf-8", errors="replace")


def file_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def test_every_document_reaches_a_terminal_state_once(
    run: dict[str, Any], samples_dir: Path
) -> None:
    inputs = [p for p in samples_dir.rglob("*") if p.is_file()]
    assert run["first"]["ingested"] == len(inputs)
    assert run["reviewed"] >= 1
    assert run["second"]["delivered"] >= 1
    assert run["events_after"] == run["events_before"]  # a re-run adds nothing
    with Ledger(get_settings().ledger) as ledger:
        states = document_states(ledger.events())
        assert ledger.verify().ok
    assert len(states) == len(inputs)
    assert all(state.terminal for state in states.values()), states
    delivered = [d for d, s in states.items() if s is DocState.DELIVERED]
    outbox = get_settings().outbox_path / get_settings().matter
    assert sorted(p.stem for p in outbox.glob("*.json")) == sorted(delivered)


def test_deliverable_annotations_point_at_the_original(run: dict[str, Any]) -> None:
    outbox = get_settings().outbox_path / get_settings().matter
    checked = 0
    for path in outbox.glob("*.json"):
        body = json.loads(path.read_text(encoding="utf-8"))
        for ann in body["annotations"]:
            assert ann["quote"] and ann["end"] - ann["start"] == len(ann["quote"])
            assert "[PERSON_" not in ann["comment"]
            checked += 1
    assert checked >= 1


def test_no_fixture_pii_in_ledger_prefect_logs_queue_or_file_names(
    run: dict[str, Any], prefect_db: str, scan_pii: Scan
) -> None:
    home: Path = run["home"]
    leaks: dict[str, list[str]] = {}

    def check(where: str, text: str) -> None:
        if found := scan_pii(text):
            leaks[where] = found

    with Ledger(get_settings().ledger) as ledger:
        check("ledger events", json.dumps([e.__dict__ for e in ledger.events()], default=str))
    check("ledger file", file_text(home / "ledger.db"))
    prefect_file = Path(prefect_db.split("///", 1)[1])
    for path in prefect_file.parent.glob(prefect_file.name + "*"):
        check(f"prefect db {path.name}", file_text(path))
    check("logs", "\n".join(run["logs"]))
    assert len(run["logs"]) > 0
    for key, text in run["queue_objects"].items():
        check(f"s3 {key}", key + "\n" + text)
    for path in home.rglob("*"):
        check(f"file name {path.relative_to(home)}", str(path.relative_to(home)))
        if path.is_file() and "outbox" not in path.parts:
            check(f"file {path.relative_to(home)}", file_text(path))
    assert not leaks, leaks


def test_no_fixture_pii_in_result_storage(run: dict[str, Any], scan_pii: Scan) -> None:
    from prefect.settings import get_current_settings

    storage = Path(get_current_settings().results.local_storage_path).expanduser()
    files = [p for p in storage.rglob("*") if p.is_file()] if storage.exists() else []
    leaks = {str(p): found for p in files if (found := scan_pii(file_text(p) + str(p)))}
    assert not leaks, leaks


TASK_RUN_NAME = re.compile(r"^[a-z-]+-([0-9a-f]{3}|\d+|\d{3}-of-\d{3})$")  # Prefect suffix or chunk


def test_task_runs_and_flow_runs_carry_ids_only(run: dict[str, Any], scan_pii: Scan) -> None:
    from prefect import get_client

    with get_client(sync_client=True) as client:
        task_runs = client.read_task_runs(limit=200)
        flow_runs = client.read_flow_runs(limit=200)
    assert task_runs and flow_runs
    bad_names = [t.name for t in task_runs if not TASK_RUN_NAME.match(t.name)]
    assert not bad_names  # task names are stage names and chunk labels, nothing else
    redact_runs = [t for t in task_runs if t.name.startswith("redact-")]
    assert redact_runs, "redaction ran as chunk tasks"
    state_texts = [
        f"{r.name} {r.parameters} {r.state.message if r.state else ''}" for r in flow_runs
    ]
    state_texts += [f"{t.task_inputs} {t.state.message if t.state else ''}" for t in task_runs]
    leaks = {text: found for text in state_texts if (found := scan_pii(text))}
    assert not leaks, leaks
    for flow_run in flow_runs:  # parameters are opaque ids: the inbox is configuration
        assert set(flow_run.parameters) <= {"matter"}
