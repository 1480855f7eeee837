"""Label Studio round trip on a batch dispatched by the real pipeline: export tasks and
config, annotate them as Label Studio's JSON export shapes it, submit, collect accepts and
the deliverables carry the same spans on the original text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from workbench_pipeline import NOTE, Pipeline

from cli.reviewer_ls import export, work_from_export
from review.label_studio import index_to_utf16
from workbench.session import Session


def _region(rid: str, text: str, phrase: str, label: str) -> dict[str, Any]:
    start = text.index(phrase)
    value = {
        "start": index_to_utf16(text, start),
        "end": index_to_utf16(text, start + len(phrase)),
        "text": phrase,
        "labels": [label],
    }
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def _textarea(rid: str, name: str, words: str) -> dict[str, Any]:
    return {"id": rid, "from_name": name, "to_name": "text", "type": "textarea",
            "value": {"text": [words]}}  # fmt: skip


def _labelled(task: dict[str, Any], number: int, token: str) -> dict[str, Any]:
    """What Label Studio exports for a task a reviewer labelled (plus an older cancelled try)."""
    text = task["data"]["text"]
    is_note = "chest pain" in text
    phrase, label = ("chest pain", "CLINICAL_FINDING") if is_note else ("loading ramp", "ISSUE")
    result = [
        _region("r1", text, phrase, label),
        _textarea("r1", "comment", f"Ask {token} about it." if is_note else "Repair log?"),
        {"id": "v1", "from_name": "verdict", "to_name": "text", "type": "choices",
         "value": {"choices": ["responsive" if is_note else "privileged"]}},
        _textarea("d1", "doc_comment", "Reviewed."),
    ]  # fmt: skip
    cancelled = {"id": 1, "was_cancelled": True, "result": [_region("x", text, phrase, "NOTE")]}
    latest = {"id": 2, "was_cancelled": False, "updated_at": "2026-01-02T10:00:00Z",
              "result": result, "completed_by": 7}  # fmt: skip
    return {"id": number, "data": task["data"], "annotations": [cancelled, latest]}


def test_export_annotate_submit_collect(
    session: Session, pipeline: Pipeline, tmp_path: Path
) -> None:
    out = tmp_path / "ls"
    assert export(session.folder, out, "/data/local-files/?d=pages/") == 2
    config = ET.fromstring((out / "config.xml").read_text(encoding="utf-8"))
    image = config.find("Image")
    assert image is not None and image.get("valueList") == "$pages"
    labels = [e.get("value") for e in config.iter("Label")]
    assert labels == list(session.manifest.labels)
    assert [e.get("value") for e in config.iter("Choice")] == list(session.manifest.verdicts)
    tasks = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    pdf_task = next(t for t in tasks if t["data"]["pages"])
    assert len(pdf_task["data"]["pages"]) == 2
    assert sorted(p.name for p in (out / "pages").iterdir()) == [
        f"{pdf_task['data']['doc_id']}-001.png",
        f"{pdf_task['data']['doc_id']}-002.png",
    ]
    note = next(t for t in tasks if "chest pain" in t["data"]["text"])["data"]["text"]
    token = note[note.index("Seen with ") + 10 : note.index("], who") + 1]
    ls_export = [_labelled(t, n, token) for n, t in enumerate(tasks, start=1)]
    (tmp_path / "export.json").write_text(json.dumps(ls_export), encoding="utf-8")

    work = work_from_export(session.folder, tmp_path / "export.json")
    session.client.submit(session.batch_id, work["annotations"], work["verdicts"])
    assert sorted(pipeline.collect_and_deliver()) == sorted(d.doc_id for d in session.manifest.docs)
    outbox = pipeline.svc.outbox / "m1"
    delivered = {
        t["data"]["doc_id"]: json.loads((outbox / f"{t['data']['doc_id']}.json").read_text("utf-8"))
        for t in tasks
    }
    note_doc = next(d for d in delivered.values() if d["media_type"] == "text/plain")
    (ann,) = note_doc["annotations"]
    assert (ann["start"], ann["quote"], ann["label"]) == (
        NOTE.index("chest pain"),
        "chest pain",
        "CLINICAL_FINDING",
    )
    assert ann["comment"] == "Ask Ottilie Marchbanks about it."
    assert note_doc["verdicts"][0]["verdict"] == "responsive"
    pdf_doc = next(d for d in delivered.values() if d["media_type"] == "application/pdf")
    assert [(a["label"], a["quote"]) for a in pdf_doc["annotations"]] == [("ISSUE", "loading ramp")]
    assert pdf_doc["verdicts"][0] == {
        "verdict": "privileged",
        "comment": "Reviewed.",
        "reviewer": "ana",
    }
