"""The stand-in reviewer's annotator: offsets index the rendition text it was given."""

from __future__ import annotations

from pathlib import Path

from cli.demo_reviewer import annotate


def test_annotations_point_at_the_findings(tmp_path: Path, make_batch) -> None:  # type: ignore[no-untyped-def]
    text = "Patient [PERSON_1] reports chest pain; breach of contract alleged."
    manifest, _files = make_batch("batch-1", {"doc-1": text})
    (tmp_path / "doc-1.txt").write_text(text, encoding="utf-8")
    annotations, verdicts = annotate(manifest, tmp_path)
    quoted = {a["label"]: text[a["start"] : a["end"]] for a in annotations}
    assert quoted == {"CLINICAL_FINDING": "pain", "ISSUE": "breach"}
    assert all("[PERSON_1]" in a["comment"] for a in annotations)
    assert [v["doc_id"] for v in verdicts] == ["doc-1"]
