"""The IAM evaluator (the test oracle for the reviewer policy): known-answer vectors for
actions, resources, wildcards and conditions, and an explicit deny winning."""

from __future__ import annotations

import pytest

from review.iam_eval import allowed


@pytest.mark.parametrize(
    ("statement", "action", "resource", "context", "expected"),
    [
        ({"Action": "s3:*", "Resource": "*"}, "s3:GetObject", "arn:x", {}, True),
        ({"Action": "s3:Get*", "Resource": "arn:a/*"}, "s3:PutObject", "arn:a/k", {}, False),
        ({"Action": "s3:GetObject", "Resource": "arn:a/?"}, "s3:GetObject", "arn:a/kk", {}, False),
        ({"Action": "s3:GetObject", "Resource": "arn:a/?"}, "S3:getobject", "arn:a/k", {}, True),
        (
            {"Action": "s3:GetObject", "Resource": "arn:a/*/z"},
            "s3:GetObject",
            "arn:a/x/y/z",
            {},
            True,
        ),
        (
            {"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"k": "v"}}},
            "s3:GetObject",
            "arn:a",
            {"k": "v"},
            True,
        ),
        (
            {"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"k": "v"}}},
            "s3:GetObject",
            "arn:a",
            {},
            False,
        ),
        (
            {"Action": "s3:GetObject", "Resource": "*", "Condition": {"Null": {"k": "false"}}},
            "s3:GetObject",
            "arn:a",
            {"k": "v"},
            True,
        ),
        (
            {"Action": "s3:GetObject", "Resource": "*", "Condition": {"Null": {"k": "true"}}},
            "s3:GetObject",
            "arn:a",
            {"k": "v"},
            False,
        ),
    ],
)
def test_evaluator_known_answers(
    statement: dict, action: str, resource: str, context: dict[str, str], expected: bool
) -> None:
    policy = {"Statement": [{"Effect": "Allow", **statement}]}
    assert allowed(policy, action, resource, context) is expected


def test_explicit_deny_wins() -> None:
    allow = {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}
    deny = {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:a/*"}
    policy = {"Statement": [allow, deny]}
    assert allowed(policy, "s3:PutObject", "arn:a/k") is False
    assert allowed(policy, "s3:GetObject", "arn:a/k") is True


def test_username_variable_is_substituted_in_resources() -> None:
    policy = {
        "Statement": {
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": "arn:a/${aws:username}/*",
        }
    }
    assert allowed(policy, "s3:PutObject", "arn:a/ana/k", username="ana") is True
    assert allowed(policy, "s3:PutObject", "arn:a/bob/k", username="ana") is False


def test_an_unsupported_condition_operator_is_an_error_not_a_verdict() -> None:
    statement = {"Effect": "Allow", "Action": "*", "Resource": "*"}
    policy = {"Statement": [{**statement, "Condition": {"DateGreaterThan": {"k": "1"}}}]}
    with pytest.raises(ValueError, match="DateGreaterThan"):
        allowed(policy, "s3:GetObject", "arn:a", {"k": "2"})
