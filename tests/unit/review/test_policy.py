from __future__ import annotations

import json
from fnmatch import fnmatchcase

import pytest

from models.errors import QueueError
from review import iam_policy


def _allowed(policy: dict, action: str, key: str) -> bool:
    """Does any statement allow ``action`` on object ``key`` (IAM ``*`` spans ``/``)?"""
    arn = f"arn:aws:s3:::bkt/{key}"
    return any(
        action in st["Action"] and any(fnmatchcase(arn, r) for r in st["Resource"])
        for st in policy["Statement"]
    )


def test_policy_is_json_and_names_only_the_queue() -> None:
    policy = json.loads(json.dumps(iam_policy("bkt", "q1", "alice")))
    assert policy["Version"] == "2012-10-17"
    assert all(st["Effect"] == "Allow" for st in policy["Statement"])
    resources = [r for st in policy["Statement"] for r in st["Resource"]]
    assert resources[0] == "arn:aws:s3:::bkt"
    assert all(r.startswith("arn:aws:s3:::bkt/queues/q1/") for r in resources[1:])
    listing = policy["Statement"][0]
    assert listing["Action"] == ["s3:ListBucket"]
    assert listing["Condition"] == {"StringLike": {"s3:prefix": ["queues/q1/*"]}}
    actions = {a for st in policy["Statement"] for a in st["Action"]}
    assert actions == {"s3:ListBucket", "s3:GetObject", "s3:PutObject"}


@pytest.mark.parametrize(
    ("action", "key", "allowed"),
    [
        ("s3:GetObject", "queues/q1/batches/b-1/manifest.json", True),
        ("s3:GetObject", "queues/q1/batches/b-1/docs/d.pdf", True),
        ("s3:PutObject", "queues/q1/batches/b-1/manifest.json", False),
        ("s3:GetObject", "queues/q2/batches/b-1/manifest.json", False),
        ("s3:GetObject", "queues/q10/batches/b-1/manifest.json", False),
        ("s3:PutObject", "queues/q1/claims/b-1.json", True),
        ("s3:DeleteObject", "queues/q1/claims/b-1.json", False),
        ("s3:PutObject", "queues/q1-qc/claims/b-1.json", False),
        ("s3:PutObject", "queues/q1/submissions/b-1/alice.json", True),
        ("s3:PutObject", "queues/q1/submissions/b-1/bob.json", False),
        ("s3:PutObject", "queues/q1/submissions/b-1/malice.json", False),
        ("s3:GetObject", "queues/q1/submissions/b-1/alice.json", False),
        ("s3:GetObject", "queues/q1/rejections/b-1/alice.json", True),
        ("s3:GetObject", "queues/q1/rejections/b-1/bob.json", False),
        ("s3:PutObject", "queues/q1/rejections/b-1/alice.json", False),
        ("s3:GetObject", "vault/tenant/doc.sealed", False),
    ],
)
def test_policy_grants(action: str, key: str, allowed: bool) -> None:
    assert _allowed(iam_policy("bkt", "q1", "alice"), action, key) is allowed


@pytest.mark.parametrize(("bucket", "queue", "reviewer"), [("bkt", "q1", "*"), ("b/x", "q1", "a")])
def test_policy_refuses_wildcards_and_slashes(bucket: str, queue: str, reviewer: str) -> None:
    with pytest.raises(QueueError):
        iam_policy(bucket, queue, reviewer)
