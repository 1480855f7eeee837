"""Redaction policies as data (``config/policies/*.toml``): which labels a document kind
redacts, allow/deny lists per client and matter, and whether dates are shifted. Versioned:
``medical/1`` is what the ledger records for every document the policy redacted."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import config
from models.errors import ConfigError
from models.finding import Finding
from redaction.matching import normalise, value_pattern
from redaction.merge import merge
from redaction.policy_rules import check_rules, rule_findings

POLICY_DIR = Path(config.__file__).parent / "policies"
DENY_LABEL = "CUSTOM"


@dataclass(frozen=True)
class Policy:
    name: str
    version: int
    labels: frozenset[str]
    allow: frozenset[str] = frozenset()
    deny: tuple[str, ...] = ()
    date_shift: bool = False
    rules: frozenset[str] = frozenset()
    _deny_rx: Any = field(default=None, compare=False, repr=False)

    @property
    def ident(self) -> str:
        """The versioned name recorded in the ledger: ``medical/1``."""
        return f"{self.name}/{self.version}"

    def with_lists(self, allow: Iterable[str], deny: Iterable[str]) -> Policy:
        return replace(
            self,
            allow=self.allow | {normalise(v) for v in allow},
            deny=(*self.deny, *deny),
            _deny_rx=None,
        )

    def deny_findings(self, text: str) -> list[Finding]:
        rx = self._deny_rx or value_pattern(self.deny)
        if rx is None:
            return []
        object.__setattr__(self, "_deny_rx", rx)
        return [
            Finding(m.start(), m.end(), DENY_LABEL, 1.0, "policy:deny") for m in rx.finditer(text)
        ]

    def apply(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        """Findings this policy redacts: its labels and rules, minus allowed values, plus
        denied ones."""
        kept = [
            f
            for f in [*findings, *rule_findings(self.rules, text)]
            if f.label in self.labels and normalise(text[f.start : f.end]) not in self.allow
        ]
        return [*kept, *self.deny_findings(text)]


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path.name, "policy file unreadable") from exc


def load_policy(
    name: str, directory: Path = POLICY_DIR, _seen: frozenset[str] = frozenset()
) -> Policy:
    """The policy ``name`` (``medical``, ``legal``, ``strict``...) from ``directory``."""
    if name in _seen or not name.isidentifier():
        raise ConfigError(name, "policy name invalid or included in a cycle")
    body = _read(directory / f"{name}.toml")
    labels = set(body.get("labels", []))
    allow, deny = list(body.get("allow", [])), list(body.get("deny", []))
    shift = bool(body.get("date_shift", False))
    rules = set(check_rules(body.get("rules", []), name))
    for part in body.get("include", []):
        inner = load_policy(part, directory, _seen | {name})
        labels |= inner.labels
        allow += sorted(inner.allow)
        deny += inner.deny
        shift = shift or inner.date_shift
        rules |= inner.rules
    if not labels:
        raise ConfigError(name, "policy redacts nothing")
    version = int(body.get("version", 1))
    base = Policy(
        str(body.get("name", name)),
        version,
        frozenset(labels),
        date_shift=shift,
        rules=frozenset(rules),
    )
    return base.with_lists(allow, deny)


def with_matter_lists(
    policy: Policy, tenant: str, matter: str, directory: Path = POLICY_DIR
) -> Policy:
    """Merge the client's and the matter's allow/deny lists (files optional)."""
    for path in (
        directory / "lists" / f"{tenant}.toml",
        directory / "lists" / tenant / f"{matter}.toml",
    ):
        if path.is_file():
            body = _read(path)
            policy = policy.with_lists(body.get("allow", []), body.get("deny", []))
    return policy


def policy_for_kind(
    kind: str | None, by_kind: dict[str, str], fallback: str, directory: Path = POLICY_DIR
) -> Policy:
    """The policy a document kind is redacted under (``fallback`` for unknown kinds)."""
    return load_policy(by_kind.get(kind or "", fallback), directory)


class PolicyDetector:
    """Any detector (``detect``, ``detect_many``, ``finalize``) restricted to one policy, so
    redaction, the fixpoint and the leak gate all see the same findings."""

    def __init__(self, base: Any, policy: Policy) -> None:
        self.base = base
        self.policy = policy

    def detect(self, text: str) -> list[Finding]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        found = self.base.detect_many(texts)
        return [merge(self.policy.apply(t, fs)) for t, fs in zip(texts, found, strict=True)]

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return merge(self.policy.apply(text, self.base.finalize(text, findings)))
