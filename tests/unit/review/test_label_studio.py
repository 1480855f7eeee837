"""Label Studio conversion: UTF-16 offsets, the latest non-cancelled annotation, and quotes
that collect's validation checks (a shifted span is refused, not silently moved)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import SubmissionRejected
from review import validate_submission
from review.label_studio import index_to_utf16, utf16_to_index, work_from_export

TEXT = "Pain 7/10 😖 since Monday — see [PERSON_1] at 10:00."


@given(st.text(max_size=40), st.data())
def test_utf16_offsets_round_trip(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text)))
    assert utf16_to_index(text, index_to_utf16(text, index)) == index


def _export(start: int, end: int, quote: str) -> list[dict[str, Any]]:
    region = {"id": "r", "from_name": "label", "type": "labels",
              "value": {"start": start, "end": end, "text": quote, "labels": ["NOTE"]}}  # fmt: skip
    return [{"data": {"doc_id": "doc-a"}, "annotations": [{"result": [region]}]}]


def _check(make_batch: Any, ls_export: object) -> None:
    manifest, _ = make_batch("batch-1", {"doc-a": TEXT})
    work = work_from_export(ls_export, manifest, lambda _doc: TEXT)
    body = {"batch_id": "batch-1", "reviewer": "ana", "epoch": 1, "format": "sealroom.submission/2"}
    raw = json.dumps(body | work).encode()
    validate_submission(raw, manifest, None, text_of={"doc-a": TEXT}.get)


def test_offsets_after_an_emoji_are_converted(make_batch: Any) -> None:
    start = TEXT.index("[PERSON_1]")
    units = index_to_utf16(TEXT, start)
    assert units == start + 1  # the emoji is two UTF-16 units
    _check(make_batch, _export(units, units + 10, "[PERSON_1]"))


def test_python_offsets_given_as_utf16_are_refused(make_batch: Any) -> None:
    start = TEXT.index("[PERSON_1]")
    with pytest.raises(SubmissionRejected, match="annotation 0: quote does not match"):
        _check(make_batch, _export(start, start + 10, "[PERSON_1]"))


@pytest.mark.parametrize(
    ("export", "reason"),
    [
        ({"tasks": []}, "is a JSON array"),
        ([{"data": {"doc_id": "doc-zz"}}], "task 0: no document of this batch"),
    ],
)
def test_malformed_exports_refused(make_batch: Any, export: object, reason: str) -> None:
    with pytest.raises(SubmissionRejected, match=reason):
        _check(make_batch, export)


def test_config_for_a_text_only_batch_has_no_page_images(make_batch: Any) -> None:
    import xml.etree.ElementTree as ET

    from review.label_studio import config_xml

    manifest, _ = make_batch("batch-1", {"doc-a": TEXT})
    config = ET.fromstring(config_xml(manifest))
    assert config.find("Image") is None
    assert [e.get("value") for e in config.iter("Label")] == list(manifest.labels)
