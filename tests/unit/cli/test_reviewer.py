"""The reviewer CLI's work files: one clear line per problem, and a dry run that gives
collect's verdict (same validation function) on the pulled batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.reviewer import app
from models.errors import QueueError, StaleClaim
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current

TEXT = "Temp 38.5 °C — seen by [PERSON_1] at 10:00."
runner = CliRunner()


@pytest.fixture
def pulled(tmp_path: Path, make_batch: Any) -> Path:
    """A batch pulled into ``tmp_path/batch-1`` by the real client."""
    store = MemoryObjectStore()
    ReviewQueue(store, "general").publish(*make_batch("batch-1", {"doc-a": TEXT}))
    client = ReviewerClient(store, "general", "ana")
    client.claim("batch-1", 600)
    grant_current(ReviewQueue(store, "general"), "batch-1")  # the operator's side
    client.pull("batch-1", tmp_path / "batch-1")
    return tmp_path


def _work(tmp_path: Path, body: object) -> Path:
    path = tmp_path / "work.json"
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    return path


def _ann(start: int, end: int, quote: str, **more: Any) -> dict[str, Any]:
    return {"doc_id": "doc-a", "start": start, "end": end, "label": "NOTE", "quote": quote} | more


START = TEXT.index("[PERSON_1]")
BYTE_START = len(TEXT[:START].encode())
CASES = [
    ("ok", {"annotations": [_ann(START, START + 10, "[PERSON_1]")]}, 0, "valid"),
    ("array", [], 1, "expected a JSON object"),
    ("invalid-json", '{"annotations": [', 1, "not valid JSON (line 1, column 18)"),
    ("negative", {"annotations": [_ann(-1, 3, "x")]}, 1, "schema: annotations.0.start"),
    ("byte-offsets", {"annotations": [_ann(BYTE_START, BYTE_START + 10, "[PERSON_1]")]}, 1,
     "annotation 0: quote does not match the text at"),
    ("no-quote", {"annotations": [{"doc_id": "doc-a", "start": 0, "end": 4, "label": "NOTE"}]},
     1, "annotation 0: quote missing"),
    ("not-list", {"annotations": {}}, 1, '"annotations" must be a JSON array'),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "code", "line"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_validate_dry_run(pulled: Path, body: object, code: int, line: str) -> None:
    work = _work(pulled, body)
    result = runner.invoke(app, ["validate", "batch-1", str(work), "--dest", str(pulled)])
    assert result.exit_code == code
    assert line in result.output
    assert "Traceback" not in result.output and "38.5" not in result.output


def test_each_problem_on_its_own_line(pulled: Path) -> None:
    body = {"annotations": [_ann(0, 4, "nope"), _ann(2, 99, "x", label="GOSSIP")]}
    result = runner.invoke(
        app, ["validate", "batch-1", str(_work(pulled, body)), "--dest", str(pulled)]
    )
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 4
    assert [line.split(":")[0] for line in lines] == ["annotation 0"] + ["annotation 1"] * 3


def test_missing_work_file_and_unpulled_batch(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["validate", "batch-1", str(tmp_path / "nope.json")])
    assert missing.exit_code == 1 and "no such work file" in missing.output
    work = _work(tmp_path, {"annotations": []})
    unpulled = runner.invoke(app, ["validate", "batch-9", str(work), "--dest", str(tmp_path)])
    assert unpulled.exit_code == 1 and "batch not pulled here" in unpulled.output
    array = runner.invoke(app, ["submit", "batch-1", str(_work(tmp_path, []))])
    assert array.exit_code == 1 and "found an array" in array.output
    assert "Traceback" not in missing.output + unpulled.output + array.output


def test_never_claimed_batch_is_told_so(make_batch: Any) -> None:
    store = MemoryObjectStore()
    ReviewQueue(store, "general").publish(*make_batch("batch-1", {"doc-a": TEXT}))
    with pytest.raises(QueueError, match="nobody has claimed this batch") as info:
        ReviewerClient(store, "general", "ana").submit("batch-1", [])
    assert not isinstance(info.value, StaleClaim)
    ReviewerClient(store, "general", "bob").claim("batch-1", 600)
    with pytest.raises(StaleClaim):
        ReviewerClient(store, "general", "ana").submit("batch-1", [])


def test_open_claims_and_pulls_only_when_needed(make_batch: Any, tmp_path: Path) -> None:
    from cli.reviewer_open import ensure_pulled

    store = MemoryObjectStore()
    ReviewQueue(store, "general").publish(*make_batch("batch-1", {"doc-a": TEXT}))
    client = ReviewerClient(store, "general", "ana")
    folder = tmp_path / "batch-1"
    with pytest.raises(QueueError, match="access not granted yet"):  # claimed, not yet granted
        ensure_pulled(client, "batch-1", folder, 600)
    claim = client.current_claim("batch-1")
    assert claim is not None and (claim.reviewer, claim.epoch) == ("ana", 1)
    grant_current(ReviewQueue(store, "general"), "batch-1")  # the operator's collect
    ensure_pulled(client, "batch-1", folder, 600)
    assert (folder / "doc-a.txt").read_text(encoding="utf-8") == TEXT
    (folder / "doc-a.txt").write_text("kept", encoding="utf-8")
    ensure_pulled(ReviewerClient(store, "general", "ana"), "batch-1", folder, 600)
    again = client.current_claim("batch-1")
    assert again is not None and again.epoch == 1  # held: not claimed again
    assert (folder / "doc-a.txt").read_text(encoding="utf-8") == "kept"  # pulled: not again


def test_label_studio_export_and_submit_through_the_cli(
    pulled: Path, make_batch: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MemoryObjectStore()
    ReviewQueue(store, "general").publish(*make_batch("batch-1", {"doc-a": TEXT}))
    ReviewerClient(store, "general", "ana").claim("batch-1", 600)
    grant_current(ReviewQueue(store, "general"), "batch-1")
    monkeypatch.setattr(
        "cli.reviewer._client", lambda queue, reviewer: ReviewerClient(store, "general", reviewer)
    )
    out = pulled / "ls"
    done = runner.invoke(app, ["export", "batch-1", "--dest", str(pulled), "--out", str(out)])
    assert done.exit_code == 0 and "wrote 1 task(s)" in done.output
    (task,) = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    units = len(TEXT[: TEXT.index("[PERSON_1]")].encode("utf-16-le")) // 2
    region = {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": units, "end": units + 10, "text": "[PERSON_1]",
                        "labels": ["NOTE"]}}  # fmt: skip
    task["annotations"] = [{"result": [region]}]
    export = _work(pulled, [task])
    args = ["submit", "batch-1", str(export), "--from", "label-studio", "--dest", str(pulled)]
    sent = runner.invoke(app, [*args, "-r", "ana"])
    assert sent.exit_code == 0, sent.output
    assert "submitted batch-1 (1 annotation(s))" in sent.output
    (reviewer, raw), *_ = ReviewQueue(store, "general").submissions("batch-1")
    assert reviewer == "ana" and json.loads(raw)["annotations"][0]["quote"] == "[PERSON_1]"
    wrong = runner.invoke(app, ["export", "batch-1", "--format", "csv", "--dest", str(pulled)])
    assert wrong.exit_code == 1 and "the only export format is label-studio" in wrong.output
