"""Towns and counties from the GeoNames gazetteer (known answers, text written for the test):
a place that is no plain word after a bare preposition, one that is ("Paradise") only after a
strong cue or before ", <state>", several words anywhere, a town or state before "rehab"."""

from __future__ import annotations

import pytest

from redaction.gazetteer import find_places, places, wordlike


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("lives in kalamazoo with wife", ["kalamazoo"]),
        ("PT FROM YPSILANTI, MI. OLD RECORDS REQUESTED", ["YPSILANTI"]),
        ("DAUGHTER FROM TEMPE VISITED", ["TEMPE"]),
        ("records sent from tuscaloosa this am", ["tuscaloosa"]),
        ("moved to Paradise last year", ["Paradise"]),  # a word: a strong cue, capitalised
        ("family here from Paradise, NV", ["Paradise"]),  # a word: ", <state>" after it
        ("pt in paradise today per wife", []),  # a word, lower case, a bare "in"
        ("paradise noted", []),
        ("independence with adls", []),
        ("sister from las cruces", ["las cruces"]),  # two words, not both plain words
        ("FORT LAUDERDALE", ["FORT LAUDERDALE"]),  # several words need no cue
        ("d/c to pocatello rehab tomorrow", ["pocatello rehab"]),  # the facility's name
        ("plan for idaho rehab", ["idaho rehab"]),  # a state alone stays readable...
        ("Lives in Idaho", []),  # ... under Safe Harbor
        ("wrote to the Idaho General Land Office", []),  # a state's body, not a facility
        ("scored by the Yonkers criteria", []),  # an eponym, not a place
        ("pt in no distress", []),
    ],
)
def test_find_places(text: str, found: list[str]) -> None:
    spans = list(find_places(text))
    assert [text[f.start : f.end] for f in spans] == found
    assert all((f.label, f.source) == ("ADDRESS", "lexicon:place") for f in spans)


@pytest.mark.parametrize(
    ("name", "plain"),
    [("kalamazoo", False), ("paradise", True), ("las cruces", False), ("tempe", False)],
)
def test_wordlike(name: str, plain: bool) -> None:
    assert name in places()
    assert wordlike(name) is plain


def test_state_words_are_plain_in_a_place_name() -> None:
    assert wordlike("university of idaho")  # a place of that name needs a cue
    assert not wordlike("pocatello")


def test_states_and_countries_are_no_towns() -> None:
    assert not {"california", "idaho", "poland", "iceland"} & places()
