"""The reviewer's commands stay slim: `sealroom reviewer list` (in a fresh interpreter,
against moto S3) lists the queues and batch details without importing the NLP, workflow,
PDF, vault-crypto or ledger stacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
HEAVY = ["spacy", "prefect", "pypdf", "pypdfium2", "fpdf", "aws_encryption_sdk", "starlette"]

SCRIPT = """
import hashlib, json, os, sys
from datetime import UTC, datetime, timedelta
os.environ.update(AWS_ACCESS_KEY_ID="t", AWS_SECRET_ACCESS_KEY="t", AWS_DEFAULT_REGION="us-east-1",
                  SEALROOM_S3_BUCKET="slim-queues", SEALROOM_QUEUE="general")
from moto import mock_aws
import boto3
before = set(sys.modules)
with mock_aws():
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="slim-queues")
    from models.review import Manifest, ManifestDoc
    from review import ReviewQueue, S3ObjectStore
    body = b"text of the rendition"
    digest = hashlib.sha256(body).hexdigest()
    doc = ManifestDoc(doc_id="doc-a", media_type="text/plain", path="docs/doc-a.txt",
                      text_path="docs/doc-a.txt", sha256=digest, text_sha256=digest,
                      text_length=len(body), pages=3)
    now = datetime(2026, 1, 2, tzinfo=UTC)
    for batch, priority in (("batch-low", "low"), ("batch-urgent", "urgent")):
        manifest = Manifest(batch_id=batch, queue="general", matter="m", created=now,
                            due=now + timedelta(hours=24), policy_version="p/1",
                            instructions="i", docs=(doc,), priority=priority)
        store = S3ObjectStore(boto3.client("s3", region_name="us-east-1"), "slim-queues")
        ReviewQueue(store, "general").publish(manifest, {"docs/doc-a.txt": body})
    from typer.testing import CliRunner
    from cli.main import app
    result = CliRunner().invoke(app, ["reviewer", "list", "-r", "ana"])
print(json.dumps({"code": result.exit_code, "output": result.output,
                  "loaded": sorted(m.split(".")[0] for m in set(sys.modules) - before)}))
"""


def test_reviewer_list_shows_batches_without_heavy_imports() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["code"] == 0, got["output"]
    lines = got["output"].splitlines()
    assert lines[0] == "queue general: 2 free batch(es)"
    assert lines[1].split() == [
        "batch-urgent", "docs", "1", "pages", "3", "due", "2026-01-03", "00:00", "UTC",
        "priority", "urgent",
    ]  # fmt: skip
    assert lines[2].split()[0] == "batch-low"
    assert [line for line in lines if line.startswith("queue ")][1:] == [
        "queue general-qc: 0 free batch(es)",
        "queue general-adjudication: 0 free batch(es)",
    ]
    assert sorted(set(HEAVY) & set(got["loaded"])) == []
