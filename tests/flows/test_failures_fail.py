"""Failures that fail: with the reviewer queue bucket missing, publishing fails, yet the
rest of the work (ingest, redaction) is done; the dispatch task's and the flow's Prefect
states are Failed naming the batch, code and S3 cause; the run leaves a summary artifact;
``sealroom run`` exits 1 with its JSON summary (failures listed) alone on stdout."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from moto import mock_aws
from typer.testing import CliRunner

from audit import Ledger, document_states
from composition.wiring import services
from config.settings import get_settings
from flows.pipeline_flow import pipeline
from models.document import DocState
from tests.unit.test_cli_safety import PLANTED, malformed_pdf

TEXTS = {
    "legal/a.txt": "The lessee shall pay the rent on the first day of each month.\n",
    "legal/b.txt": "Counsel filed the motion for summary judgment on the contract claim.\n",
}


@pytest.fixture(scope="module")
def no_bucket(prefect_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An inbox of two documents, settings pointing at a queue bucket that does not exist."""
    root = tmp_path_factory.mktemp("nobucket")
    inbox = root / "inbox"
    for rel, text in TEXTS.items():
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_text(text, encoding="utf-8")
    malformed_pdf(inbox / "legal" / "c.pdf")  # pypdf quotes its trailer bytes in a warning
    with mock_aws(), pytest.MonkeyPatch.context() as mp:
        mp.setenv("SEALROOM_HOME", str(root / "home"))
        mp.setenv("SEALROOM_MATTER", "matter-nobucket")
        mp.setenv("SEALROOM_INBOX", str(inbox))  # configuration, not a flow parameter
        mp.setenv("SEALROOM_S3_BUCKET", "sealroom-missing-bucket")
        mp.setenv("SEALROOM_REDACT_WORKERS", "1")
        mp.delenv("SEALROOM_S3_ENDPOINT_URL", raising=False)
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(name, "testing")
        get_settings.cache_clear()
        services.cache_clear()
        try:
            yield inbox
        finally:
            get_settings.cache_clear()
            services.cache_clear()


def test_missing_bucket_fails_the_step_and_the_flow_but_the_rest_is_done(
    no_bucket: Path,
    prefect_db: str,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with caplog.at_level(logging.WARNING):
        state = pipeline(return_state=True)
    assert state.is_failed()
    message = str(state.message)
    assert "SR-OPS-002" in message and "SR-STO-001" in message and "NoSuchBucket" in message
    assert "publish batch-" in message
    with Ledger(get_settings().ledger) as ledger:
        states = document_states(ledger.events(matter="matter-nobucket"))
    assert list(states.values()) == [DocState.REDACTED] * 3  # the work was done
    printed = capfd.readouterr()  # this process and the redaction pool's workers
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert any(r.name.startswith("pypdf") for r in caplog.records)  # pypdf did warn ...
    assert PLANTED.decode() not in printed.out + printed.err + logged  # ... without its bytes
    prefect_file = Path(prefect_db.split("///", 1)[1])
    for path in prefect_file.parent.glob(prefect_file.name + "*"):
        assert PLANTED not in path.read_bytes(), path.name
    with get_client(sync_client=True) as client:
        flow_run = FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id]))
        runs = client.read_task_runs(flow_run_filter=flow_run)
        tasks = {t.name.rsplit("-", 1)[0]: t for t in runs}
        artifacts = client.read_artifacts(limit=50)
    assert tasks["dispatch"].state is not None and tasks["dispatch"].state.is_failed()
    assert "NoSuchBucket" in str(tasks["dispatch"].state.message)
    assert tasks["ingest-inbox"].state is not None and tasks["ingest-inbox"].state.is_completed()
    run_id = state.state_details.flow_run_id
    summary = [
        a for a in artifacts if a.key == "sealroom-pipeline-summary" and a.flow_run_id == run_id
    ]
    assert summary and "SR-STO-001" in json.dumps(summary[0].data)


def test_sealroom_run_exits_1_naming_the_failure_and_prints_json_only_on_stdout(
    no_bucket: Path,
) -> None:
    from cli.main import app

    result = CliRunner().invoke(app, ["run", str(no_bucket)])
    assert result.exit_code == 1, result.output
    summary: dict[str, Any] = json.loads(result.stdout)  # stdout is the JSON, nothing else
    assert summary["batches_dispatched"] == 0
    assert any("SR-STO-001 (NoSuchBucket)" in line for line in summary["failures"])
    assert "failed: publish batch-" in result.stderr


def test_status_shows_the_failed_run_with_its_codes_and_exits_1(no_bucket: Path) -> None:
    """After the failed runs above, ``sealroom status`` reads them from the Prefect API:
    the newest pipeline run FAILED with the publish failure's code, an alert field, exit 1;
    no document text or file name in its output."""
    from cli.main import app

    pipeline(return_state=True)  # the newest run of the flow fails again (bucket missing)
    result = CliRunner().invoke(app, ["status", "--json", "--no-claims"])
    assert result.exit_code == 1, result.output
    view: dict[str, Any] = json.loads(result.stdout)
    assert view["runs_known"] and view["last_run_failed"] is True
    assert "pipeline" in view["failed_flows"]  # (`sealroom run` above: "dispatch" too)
    newest = next(r for r in view["runs"] if r["flow"] == "pipeline")
    assert newest["state"] == "FAILED" and newest["codes"][0] == "SR-STO-001"
    assert "SR-OPS-002" in newest["codes"]
    for text in [*TEXTS.values(), "a.txt", "b.txt", "c.pdf", PLANTED.decode()]:
        assert text.strip() not in result.output
    table = CliRunner().invoke(app, ["status", "--no-claims"])
    assert table.exit_code == 1 and "last run failed:" in table.stdout
