from __future__ import annotations

import pytest

from models.errors import QueueError
from review import layout


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (layout.manifest_key("q1", "b-1"), "queues/q1/batches/b-1/manifest.json"),
        (layout.file_key("q1", "b-1", "docs/d-1.pdf"), "queues/q1/batches/b-1/docs/d-1.pdf"),
        (layout.reviewer_claims_prefix("q1", "b-1", "alice"), "queues/q1/claims/b-1/alice/"),
        (layout.closed_key("q1", "b-1"), "queues/q1/closed/b-1.json"),
        (layout.submission_key("q1", "b-1", "alice"), "queues/q1/submissions/b-1/alice.json"),
        (layout.rejection_key("q1", "b-1", "alice"), "queues/q1/rejections/b-1/alice.json"),
    ],
)
def test_keys(key: str, expected: str) -> None:
    assert key == expected


@pytest.mark.parametrize(
    "bad", ["", "a/b", "..", "a..b", ".hidden", "*", "a*", "${aws:username}", "a b", "x" * 129]
)
def test_unsafe_ids_refused_without_echo(bad: str) -> None:
    with pytest.raises(QueueError) as info:
        layout.closed_key("q1", bad)
    assert bad not in str(info.value) or bad == ""


@pytest.mark.parametrize("bad", ["manifest.json", "docs/../x", "docs/a/b", "docs/", "/docs/a"])
def test_unsafe_file_paths_refused(bad: str) -> None:
    with pytest.raises(QueueError):
        layout.file_key("q1", "b-1", bad)


@pytest.mark.parametrize(
    ("key", "batch"),
    [
        ("queues/q1/batches/b-1/manifest.json", "b-1"),
        ("queues/q1/batches/b-1/docs/manifest.json", None),
        ("queues/q1/batches/b-1/docs/d.txt", None),
        ("queues/q2/batches/b-1/manifest.json", None),
    ],
)
def test_batch_of_manifest(key: str, batch: str | None) -> None:
    assert layout.batch_of_manifest("q1", key) == batch


@pytest.mark.parametrize(
    ("key", "reviewer"),
    [
        ("queues/q1/submissions/b-1/alice.json", "alice"),
        ("queues/q1/submissions/b-1/x/alice.json", None),
        ("queues/q1/submissions/b-10/alice.json", None),
    ],
)
def test_reviewer_of_submission(key: str, reviewer: str | None) -> None:
    assert layout.reviewer_of_submission("q1", "b-1", key) == reviewer
