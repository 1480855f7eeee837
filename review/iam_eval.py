"""A small evaluator of identity-based IAM policies, enough to check the reviewer policy.

Covers what the emitted policy uses: ``Allow``/``Deny`` (an explicit deny wins, nothing
allowed is denied), ``Action`` and ``Resource`` with ``*``/``?`` wildcards (``*`` spans
``/``), the ``${aws:username}`` policy variable, and the ``StringEquals``,
``StringLike`` and ``Null`` condition operators (a key absent from the request context
fails ``String*`` and satisfies ``Null: "true"``). It is a test oracle for the policy,
written to the IAM documentation's evaluation logic, not a replacement for AWS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

ALLOW, DENY = "Allow", "Deny"


def allowed(
    policy: Mapping[str, Any],
    action: str,
    resource: str,
    context: Mapping[str, str] | None = None,
    *,
    username: str = "",
) -> bool:
    """True if ``policy`` allows ``action`` on ``resource`` for a request with ``context``."""
    verdicts = [
        statement.get("Effect")
        for statement in _statements(policy)
        if _applies(statement, action, resource, context or {}, username)
    ]
    return ALLOW in verdicts and DENY not in verdicts


def _statements(policy: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    statements = policy.get("Statement", [])
    return [statements] if isinstance(statements, Mapping) else list(statements)


def _applies(
    statement: Mapping[str, Any],
    action: str,
    resource: str,
    context: Mapping[str, str],
    username: str,
) -> bool:
    if not any(_like(p, action, ignore_case=True) for p in _values(statement.get("Action"))):
        return False
    resources = (_subst(r, username) for r in _values(statement.get("Resource")))
    if not any(_like(r, resource) for r in resources):
        return False
    return _conditions(statement.get("Condition", {}), context, username)


def _conditions(block: Mapping[str, Any], context: Mapping[str, str], username: str) -> bool:
    for operator, tests in block.items():
        for key, expected in tests.items():
            values = [_subst(v, username) for v in _values(expected)]
            if not _condition(operator, context.get(key), values):
                return False
    return True


def _condition(operator: str, actual: str | None, expected: list[str]) -> bool:
    if operator == "Null":
        return (actual is None) == (expected[0].lower() == "true")
    if actual is None:
        return False
    if operator == "StringEquals":
        return actual in expected
    if operator == "StringLike":
        return any(_like(e, actual) for e in expected)
    raise ValueError(f"unsupported condition operator {operator}")


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _subst(value: str, username: str) -> str:
    return value.replace("${aws:username}", username)


def _like(pattern: str, value: str, *, ignore_case: bool = False) -> bool:
    regex = "".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    flags = re.IGNORECASE | re.DOTALL if ignore_case else re.DOTALL
    return re.fullmatch(regex, value, flags) is not None
