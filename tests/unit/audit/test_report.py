"""The custody report's helpers (known answers): human times, CSS strings that cannot break
out of their quotes, and a verdict taken from an attestation and the head event."""

from __future__ import annotations

import pytest

from audit.report import Verdict, css_string, human_in, human_time
from models.audit import AuditEvent, Outcome


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2031-05-01T10:00:00.123456Z", "2031-05-01 10:00:00 UTC"),
        ("2031-05-01T10:00:00+00:00", "2031-05-01 10:00:00 UTC"),
        ("not a time", "not a time"),
    ],
)
def test_human_time(value: str, expected: str) -> None:
    assert human_time(value) == expected


def test_human_in_rewrites_every_iso_time_in_a_text() -> None:
    text = "from 2031-05-01T10:00:00Z to 2031-05-02T11:30:00.5+00:00"
    assert human_in(text) == "from 2031-05-01 10:00:00 UTC to 2031-05-02 11:30:00 UTC"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("matter m-1 head ab12", '"matter m-1 head ab12"'),
        ('x"}</style><script>', '"x\\22 \\7d \\3c /style\\3e \\3c script\\3e "'),
        ("a\\b", '"a\\5c b"'),
    ],
)
def test_css_string_escapes_everything_but_id_characters(text: str, expected: str) -> None:
    assert str(css_string(text)) == expected


class FakeAttestation:
    ok = True
    checkpoints = 2
    notes = ("n",)
    key_ids = ("k1",)
    anchored = 7

    def lines(self) -> list[str]:
        return ["fine"]


def test_a_verdict_describes_the_head() -> None:
    head = AuditEvent(9, "t", "k", "a", "x.y", "document", "d", Outcome.OK, "m", {}, "p", "h9")
    verdict = Verdict.of(FakeAttestation(), head)  # type: ignore[arg-type]
    assert (verdict.ok, verdict.head_hash, verdict.tree_size, verdict.anchored) == (
        True,
        "h9",
        9,
        7,
    )
    assert Verdict.of(FakeAttestation(), None).head_hash == "-"  # type: ignore[arg-type]
