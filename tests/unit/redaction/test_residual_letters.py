"""Census names left alone in a letter's frame (known answers, texts written for these tests):
salutation and signature lines count, closings, greetings to groups, common words and
redacted names do not."""

from __future__ import annotations

import pytest

from redaction.residual import scan
from redaction.residual_letters import framed_names


@pytest.mark.parametrize(
    ("clear", "count"),
    [
        ("Ed,\n\nThe revised draft is attached.\n\nThanks,\n\nEd\n", 1),  # one name, twice
        ("Hi Marta,\nplease see below.\n\nRegards,\nHarold K.\n", 2),
        ("> Cheers,\n> Thaddeus\n", 1),
        # a group, a common word, a closing on its own, a redacted name (blanks)
        ("All,\n\nplease see below.\n\nThanks,\n\nThe Desk\n", 0),
        ("Will,\nthe call moved to noon.\n\nBest,\nTeam\n", 0),
        ("Dear           ,\n\nthe account is closed.\n\nSincerely,\n              \n", 0),
        ("Thanks,\n\n\n\n\nAnd then the meeting began.", 0),
        # a name inside a sentence is no frame
        ("I spoke with Marta, she agrees.\nThanks for that.\n", 0),
    ],
)
def test_framed_names(clear: str, count: int) -> None:
    assert framed_names(clear) == count


def test_the_scan_counts_them_as_cued_names() -> None:
    assert scan("Hi Marta,\nsee below.\n\nThanks,\nHarold\n").cued_names == 2
