"""The emitted reviewer policy under moto's own IAM enforcement (real SigV4 requests).

moto 5.2.5 evaluates Action and Resource but ignores condition operators other than
``StringEquals`` (so ``Null``/``StringLike`` statements apply unconditionally): the
create-once ``Deny`` is therefore left out here (it would deny every claim write) and is
checked with ``review.iam_eval`` in ``tests/unit/review/test_policy.py``. What moto does
enforce is the resource scoping that binds a claim to its author.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws, settings
from moto.core.authorization import ActionAuthenticatorMixin

from models.errors import ClaimConflict, StorageError
from review import ReviewerClient, ReviewQueue, S3ObjectStore, iam_policy, layout

BUCKET, Q, REGION = "sealroom-iam-queues", "general", "us-east-1"


def _moto_policy(reviewer: str) -> dict[str, Any]:
    policy = iam_policy(BUCKET, Q, reviewer)
    policy["Statement"] = [st for st in policy["Statement"] if st["Effect"] == "Allow"]
    return policy


def _user(iam: Any, name: str, policy: dict[str, Any]) -> Any:
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="sealroom", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return boto3.client(
        "s3",
        region_name=REGION,
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
    )


@pytest.fixture
def clients(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        boto3.client("s3", region_name=REGION).create_bucket(Bucket=BUCKET)
        iam = boto3.client("iam", region_name=REGION)
        admin = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"]}],
        }
        made = {"operator": _user(iam, "operator", admin)}
        for who in ("alice", "bob"):
            made[who] = _user(iam, who, _moto_policy(who))
        monkeypatch.setattr(settings, "INITIAL_NO_AUTH_ACTION_COUNT", 0)
        monkeypatch.setattr(ActionAuthenticatorMixin, "request_count", 0)
        yield made


def _store(client: Any) -> S3ObjectStore:
    return S3ObjectStore(client, BUCKET, clock_prefix=layout.queue_prefix(Q), settle_seconds=0)


def test_policy_binds_claims_to_their_author(
    clients: dict[str, Any], make_batch: Callable[..., Any]
) -> None:
    operator = ReviewQueue(_store(clients["operator"]), Q)
    operator.publish(*make_batch("batch-1", {"doc-a": "0123456789"}))
    alice = ReviewerClient(_store(clients["alice"]), Q, "alice")
    assert alice.claim("batch-1", 600).epoch == 1
    bob_s3, bob = clients["bob"], ReviewerClient(_store(clients["bob"]), Q, "bob")
    with pytest.raises(ClaimConflict):
        bob.claim("batch-1", 600)
    alice_prefix = layout.reviewer_claims_prefix(Q, "batch-1", "alice")
    attacks = [
        lambda: bob_s3.put_object(Bucket=BUCKET, Key=alice_prefix + "00000002-release-1-0.json"),
        lambda: bob_s3.delete_object(Bucket=BUCKET, Key=alice_prefix + "00000001-claim-0-600.json"),
        lambda: bob_s3.put_object(Bucket=BUCKET, Key=layout.closed_key(Q, "batch-1"), Body=b"{}"),
        lambda: bob_s3.put_object(Bucket=BUCKET, Key=layout.submission_key(Q, "batch-1", "alice")),
    ]
    for attack in attacks:
        with pytest.raises(Exception, match="AccessDenied"):
            attack()
    with pytest.raises(StorageError):  # bob's client, writing as alice, is refused the same way
        ReviewerClient(_store(bob_s3), Q, "alice").release("batch-1")
    claim = operator.current_claim("batch-1")
    assert claim is not None and (claim.reviewer, claim.epoch, claim.state) == ("alice", 1, "held")
    alice.submit("batch-1", [])
    operator.close("batch-1", "alice", 1)
    with pytest.raises(ClaimConflict, match="already reviewed"):
        bob.claim("batch-1", 600)
