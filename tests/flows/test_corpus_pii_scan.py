"""The PII scan over a generated corpus (bench/make_corpus.py: 200 legal and medical
documents, names in several styles, a few PDFs), run through the whole pipeline under
Prefect with S3 on moto and a reviewer.

Every gold value is looked for (whole word, any case) in: Prefect's database (flow-run
parameters, task inputs, states), the logs, the ledger, every state file and file name
under SEALROOM_HOME (the client outbox excepted: deliverables carry the originals by
design) and the queue bucket's keys. Those must be clean. The queue bucket's object
bodies (the redacted renditions) are scanned separately, the hits counted and printed:
a gold value found there is a detector miss and fails the build.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from audit import Ledger
from config.settings import get_settings
from flows.pipeline_flow import pipeline
from tests.conftest import find_pii, pii_pattern
from tests.flows.test_pipeline_flow import (
    bucket_texts,
    file_text,
    mocked_pipeline_env,
    review_everything,
)

REPO = Path(__file__).resolve().parents[2]
DOCS = 200


@pytest.fixture(scope="module")
def corpus_run(
    prefect_db: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    sys.path.insert(0, str(REPO / "bench"))
    from make_corpus import write_corpus

    root = tmp_path_factory.mktemp("corpus")
    gold = [v for v in write_corpus(root / "inbox", DOCS, seed=11, pdf_share=0.05) if len(v) >= 3]
    with mocked_pipeline_env(root, "matter-corpus", root / "inbox") as logs:
        first = pipeline()
        reviewed = review_everything(root / "reviewer")
        second = pipeline()
        yield {
            "gold": gold,
            "first": first,
            "second": second,
            "reviewed": reviewed,
            "home": root / "home",
            "logs": logs,
            "queue": dict(bucket_texts()),
        }


def _scanner(gold: list[str]) -> Any:
    pattern = pii_pattern(gold)
    return lambda text: find_pii(text, pattern)


def test_orchestration_ledger_logs_and_state_are_clean(
    corpus_run: dict[str, Any], prefect_db: str
) -> None:
    from prefect import get_client

    scan = _scanner(corpus_run["gold"])
    assert corpus_run["first"]["ingested"] == DOCS and corpus_run["reviewed"] >= 1
    leaks: dict[str, list[str]] = {}

    def check(where: str, text: str) -> None:
        if found := scan(text):
            leaks[where] = found

    with get_client(sync_client=True) as client:
        flow_runs = client.read_flow_runs(limit=200)
        task_runs = client.read_task_runs(limit=200)
    for flow_run in flow_runs:
        assert set(flow_run.parameters) <= {"matter"}
        check(f"flow run {flow_run.name}", f"{flow_run.parameters} {flow_run.state}")
    for task_run in task_runs:
        check(f"task run {task_run.name}", f"{task_run.task_inputs} {task_run.state}")
    prefect_file = Path(prefect_db.split("///", 1)[1])
    for path in prefect_file.parent.glob(prefect_file.name + "*"):
        check(f"prefect db {path.name}", file_text(path))
    with Ledger(get_settings().ledger) as ledger:
        check("ledger events", json.dumps([e.__dict__ for e in ledger.events()], default=str))
    check("logs", "\n".join(corpus_run["logs"]))
    home: Path = corpus_run["home"]
    for path in home.rglob("*"):
        rel = path.relative_to(home)
        check(f"file name {rel}", str(rel))
        if path.is_file() and "outbox" not in path.parts:
            check(f"file {rel}", file_text(path))
    for key in corpus_run["queue"]:
        check(f"s3 key {key}", key)
    assert not leaks, leaks


def _rendition_leaks(corpus_run: dict[str, Any]) -> Counter[str]:
    scan = _scanner(corpus_run["gold"])
    found: Counter[str] = Counter()
    for text in corpus_run["queue"].values():
        for value in scan(text):
            found[value] += 1
    return found


def test_queue_bucket_renditions_hold_no_gold_value(corpus_run: dict[str, Any]) -> None:
    """No gold value in any queue object (was 14 hits of 7 values before
    redaction/person_edges.py: given names alone, a ``LAST, I.`` form)."""
    leaks = _rendition_leaks(corpus_run)
    objects = sum(1 for text in corpus_run["queue"].values() if re.search(r"\S", text))
    print(
        f"\nrendition leaks: {sum(leaks.values())} hits, {len(leaks)} distinct values, "
        f"over {objects} queue objects; {leaks.most_common(15)}"
    )
    assert not leaks
