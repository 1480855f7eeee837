"""Residual-risk scan properties: whatever the text, its reasons are codes and counts only
(never a word of the text), and a rendition that is all tokens leaves nothing to flag."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from redaction.residual import residual_risk

_REASON = re.compile(r"residual-risk:[a-z-]+:[1-9]\d*")
_PIECES = st.sampled_from(
    [
        "Mr. ", "dr ", "son, ", "DAUGHTER ", "from ", "at ", "the eastern ", "shore", "harbor",
        "Quillan", "QRMC", "ed", "Ed", "93 y/o", "policy #qx17", "on 7-8 for", "[DATE_1] May",
        "[PERSON_1] ke ", "555-1234", "900-1300", "3/21", ", ", ". ", "\n", " ",
        "came back from QRX", "states 17 ", "Thanks,\n", "Harold", "of Q.T., ",
    ]
)  # fmt: skip
_TOKENS = st.sampled_from(["[PERSON_1]", "[DATE_2]", "[ADDRESS_3]", "[PHONE_1]"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=12), max_size=24))
def test_reasons_are_codes_and_counts_only(pieces: list[str]) -> None:
    for reason in residual_risk("".join(pieces)):
        assert _REASON.fullmatch(reason)


@settings(max_examples=100, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=12), st.sampled_from([" ", "\n", ", "]))
def test_a_rendition_of_tokens_only_is_clean(tokens: list[str], sep: str) -> None:
    assert residual_risk(sep.join(tokens)) == []
