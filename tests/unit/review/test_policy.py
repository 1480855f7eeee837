"""The emitted reviewer policy, checked with the IAM evaluator (known-answer vectors)."""

from __future__ import annotations

import json

import pytest

from models.errors import QueueError
from review import iam_policy
from review.iam_eval import allowed
from review.policy import USERNAME

CREATE = {"s3:if-none-match": "*"}


def _ok(action: str, key: str, context: dict[str, str] | None = None, who: str = "alice") -> bool:
    return allowed(iam_policy("bkt", "q1", who), action, f"arn:aws:s3:::bkt/{key}", context)


def test_policy_is_json_and_names_only_the_queue() -> None:
    policy = json.loads(json.dumps(iam_policy("bkt", "q1", "alice")))
    assert policy["Version"] == "2012-10-17"
    resources = [r for st in policy["Statement"] for r in st["Resource"]]
    assert resources[0] == "arn:aws:s3:::bkt"
    assert all(r.startswith("arn:aws:s3:::bkt/queues/q1/") for r in resources[1:])
    listing = policy["Statement"][0]
    assert listing["Action"] == ["s3:ListBucket"]
    assert listing["Condition"] == {"StringLike": {"s3:prefix": ["queues/q1/*"]}}
    actions = {a for st in policy["Statement"] for a in st["Action"]}
    assert actions == {"s3:ListBucket", "s3:GetObject", "s3:PutObject"}
    denies = [st for st in policy["Statement"] if st["Effect"] == "Deny"]
    assert [st["Action"] for st in denies] == [["s3:PutObject"]]


@pytest.mark.parametrize(
    ("action", "key", "context", "expected"),
    [
        ("s3:GetObject", "queues/q1/batches/b-1/manifest.json", None, True),
        # renditions: never from the batch, only from one's own granted copies
        ("s3:GetObject", "queues/q1/batches/b-1/docs/d.pdf", None, False),
        ("s3:GetObject", "queues/q1/granted/alice/b-1/docs/d.pdf", None, True),
        ("s3:GetObject", "queues/q1/granted/bob/b-1/docs/d.pdf", None, False),
        ("s3:GetObject", "queues/q1/granted/malice/b-1/docs/d.pdf", None, False),
        ("s3:PutObject", "queues/q1/granted/alice/b-1/docs/d.pdf", CREATE, False),
        ("s3:PutObject", "queues/q1/batches/b-1/manifest.json", CREATE, False),
        ("s3:GetObject", "queues/q2/batches/b-1/manifest.json", None, False),
        ("s3:GetObject", "queues/q10/batches/b-1/manifest.json", None, False),
        ("s3:PutObject", "queues/q1/claims/b-1/alice/00000001-claim-0-60.json", CREATE, True),
        ("s3:GetObject", "queues/q1/claims/b-1/alice/00000001-claim-0-60.json", None, True),
        # overwriting even one's own event is refused: create-once only
        ("s3:PutObject", "queues/q1/claims/b-1/alice/00000001-claim-0-60.json", None, False),
        ("s3:PutObject", "queues/q1/claims/b-1/alice/x.json", {"s3:if-match": '"e"'}, False),
        # another reviewer's claim events: no write, no overwrite, no delete
        ("s3:PutObject", "queues/q1/claims/b-1/bob/00000002-release-1-0.json", CREATE, False),
        ("s3:PutObject", "queues/q1/claims/b-1/malice/00000002-claim-0-60.json", CREATE, False),
        ("s3:DeleteObject", "queues/q1/claims/b-1/alice/00000001-claim-0-60.json", None, False),
        ("s3:DeleteObject", "queues/q1/claims/b-1/bob/00000001-claim-0-60.json", None, False),
        ("s3:PutObject", "queues/q1/claims/b-1.json", CREATE, False),
        # the operator's closed markers: readable, never writable
        ("s3:GetObject", "queues/q1/closed/b-1.json", None, True),
        ("s3:PutObject", "queues/q1/closed/b-1.json", CREATE, False),
        ("s3:DeleteObject", "queues/q1/closed/b-1.json", None, False),
        ("s3:PutObject", "queues/q1-qc/claims/b-1/alice/00000001-claim-0-60.json", CREATE, False),
        ("s3:PutObject", "queues/q1/submissions/b-1/alice.json", None, True),
        ("s3:PutObject", "queues/q1/submissions/b-1/bob.json", None, False),
        ("s3:PutObject", "queues/q1/submissions/b-1/malice.json", None, False),
        ("s3:GetObject", "queues/q1/submissions/b-1/alice.json", None, False),
        ("s3:GetObject", "queues/q1/rejections/b-1/alice.json", None, True),
        ("s3:GetObject", "queues/q1/rejections/b-1/bob.json", None, False),
        ("s3:PutObject", "queues/q1/rejections/b-1/alice.json", None, False),
        ("s3:GetObject", "vault/tenant/doc.sealed", None, False),
    ],
)
def test_policy_grants(
    action: str, key: str, context: dict[str, str] | None, expected: bool
) -> None:
    assert _ok(action, key, context) is expected


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("queues/q1/", True),
        ("queues/q1/claims/b-1/", True),
        ("queues/", False),
        ("queues/q2/", False),
        (None, False),
    ],
)
def test_listing_only_under_the_queue(prefix: str | None, expected: bool) -> None:
    context = {"s3:prefix": prefix} if prefix is not None else {}
    assert (
        allowed(iam_policy("bkt", "q1", "alice"), "s3:ListBucket", "arn:aws:s3:::bkt", context)
        is expected
    )


@pytest.mark.parametrize(
    ("user", "owner", "expected"), [("alice", "alice", True), ("bob", "alice", False)]
)
def test_username_variable_binds_the_authenticated_principal(
    user: str, owner: str, expected: bool
) -> None:
    policy = iam_policy("bkt", "q1", USERNAME)
    key = f"arn:aws:s3:::bkt/queues/q1/claims/b-1/{owner}/00000001-claim-0-60.json"
    assert allowed(policy, "s3:PutObject", key, CREATE, username=user) is expected


@pytest.mark.parametrize(("bucket", "queue", "reviewer"), [("bkt", "q1", "*"), ("b/x", "q1", "a")])
def test_policy_refuses_wildcards_and_slashes(bucket: str, queue: str, reviewer: str) -> None:
    with pytest.raises(QueueError):
        iam_policy(bucket, queue, reviewer)
