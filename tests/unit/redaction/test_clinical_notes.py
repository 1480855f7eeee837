"""Clinical-note detection by lexicons and context (no NER): facilities, persons found by the
name lexicons, year-less dates, pagers, look-alikes, shorthand. Every text here was written for
these tests in the styles of ICU nursing notes (lower case, ALL CAPS, shorthand)."""

from __future__ import annotations

import pytest

from models.finding import Finding
from redaction.detector import Detector, NoEntities
from redaction.facilities import find_facilities
from redaction.hospitals import find_home_towns, find_named_facilities, find_wards
from redaction.lookalikes import number_lookalike, organization_lookalike, street_lookalike
from redaction.pagers import find_pager_numbers
from redaction.persons import find_given_names, find_initialled_names, find_role_names
from redaction.plausible import plausible
from redaction.wordclass import Kind, kind, uncued_kind


def _values(text: str, found: object) -> list[str]:
    return [text[f.start : f.end] for f in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("word", "cued", "uncued"),
    [
        ("Vanco", Kind.UNKNOWN, Kind.WORD),  # shorthand: begins vancomycin
        ("Ceftaz", Kind.UNKNOWN, Kind.WORD),
        ("Flovent", Kind.UNKNOWN, Kind.WORD),  # a brand drug (hunspell-en-med)
        ("Conitinue", Kind.UNKNOWN, Kind.WORD),  # one edit from "continue"
        ("Brannigan", Kind.NAME, Kind.NAME),
        ("Zyxwortel", Kind.UNKNOWN, Kind.UNKNOWN),
        ("Seattle", Kind.WORD, Kind.UNKNOWN),  # a frequent proper noun: evidence only uncued
        ("gauze", Kind.WORDNAME, Kind.WORDNAME),  # a census name that is a dictionary word
    ],
)
def test_shorthand_is_a_word_only_without_a_cue(word: str, cued: Kind, uncued: Kind) -> None:
    assert kind(word) is cued
    assert uncued_kind(word) is uncued


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("pt was sent over from st. brigid's hospital last eve", ["st. brigid's"]),
        ("admitted from harrowgate memorial hospital w/ chf", ["harrowgate memorial"]),
        ('s/o: "i am at the general hospital." oriented x2', ["general hospital"]),
        ("TRANSFERRED FROM MEMORIAL HOSP. ON 3/2", ["MEMORIAL HOSP"]),
        ("went to Pellingham Regional Medical Center", ["Pellingham Regional"]),
        ("PT CAME FROM THE DUNMORE HOUSE NURSING HOME", ["DUNMORE"]),
        ("will go to Pellingham Regional tomorrow", ["Pellingham Regional"]),
        ("TRANSFER TO ASHCOMBE REHAB WHEN BED AVAILABLE", ["ASHCOMBE"]),
        ("seen at Univ of Trelawney last yr", ["Univ of Trelawney"]),
        ("awaiting rehab screening; outside hospital records pending", []),
        ("CARDIAC REHAB TO FOLLOW. HOUSE STAFF AWARE", []),
        ("SR WITH OCC PVC, ST 110S AT TIMES", []),
    ],
)
def test_named_facilities_any_case(text: str, places: list[str]) -> None:
    found = _values(text, find_named_facilities(text))
    assert all(p in found for p in places)
    assert all(any(f in p for p in places) for f in found)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("per Thornbury 3 RN, u/o marginal", ["Thornbury"]),
        ("ADMITTED TO THORNBURY7 W/ CHF", ["THORNBURY7", "THORNBURY"]),  # ward (glued) and cue
        ("plan: thornbury2.\n", ["thornbury2"]),
        ("levophed 2 mcg/kg/min, propofol 20", []),
        ("lives in pellsworth with wife", ["pellsworth"]),
        ("LIVES WITH SON AND FAMILY IN ASHGROVE. RETIRED", ["ASHGROVE"]),
        ("husband started new job in Glen Mary last month", ["Glen Mary"]),
        ("pt lives alone in the city", []),
        ("followed at qh by dr okonjo; transferred to qh 7/2", ["qh", "qh"]),
        ("went to Harbor for the weekend", ["Harbor"]),
        ("changed to CPAP; sent to or for washout", []),
    ],
)
def test_wards_towns_and_cued_places(text: str, places: list[str]) -> None:
    found = [*find_wards(text), *find_home_towns(text), *find_facilities(text)]
    assert sorted(_values(text, found)) == sorted(places)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("NSG STAFF teresa okonjo AWARE OF PLAN", ["teresa okonjo"]),
        ("social work: spoke w/ marguerite halloran re: placement", ["marguerite halloran"]),
        ("DAUGHTER HOLLIS VANTERPOOL CALLED", ["HOLLIS VANTERPOOL"]),
        ("evelina called at 2200 for update", ["evelina"]),
        ("MAE WEAK, MIN RESIDUALS, SAT 96%", []),
        ("grace period for the transfer", []),  # "grace" is a plain word too
        ("mary kathleen wintersby at bedside", ["mary kathleen wintersby"]),
        ("son eduardo in to visit", ["eduardo"]),  # a given name before a verb of contact
        ("son in to visit", []),
    ],
)
def test_given_names_by_lexicon(text: str, names: list[str]) -> None:
    assert _values(text, find_given_names(text)) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("BP 84/40. NP ROSALIND MADE AWARE", ["ROSALIND"]),
        ("lytes repleted per md Okonjo", ["Okonjo"]),
        ("DRS HALLORAN AND VANTERPOOL IN TO SEE PT", ["HALLORAN", "VANTERPOOL"]),
        ("np Dreskovic at bedside", ["Dreskovic"]),
        ("insulin per Zyxflow sheet", []),  # after "per", a word in no lexicon is no name
        ("per protocol; md aware", []),
    ],
)
def test_names_after_clinician_roles(text: str, names: list[str]) -> None:
    assert _values(text, find_role_names(text)) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("K+ 3.2, REPLETED PER W. KAPLOWITZ", ["W. KAPLOWITZ"]),
        ("nsg (r. tennerby and j. o'hagan) counted valuables", ["r. tennerby", "j. o'hagan"]),
        ("E. coli in urine; C. diff negative", []),
        ("abd soft. d.vss overnight", []),
        ("A. Okonjo\nQ. Where do you work?", []),  # a transcript's answer mark
    ],
)
def test_initialled_surnames(text: str, names: list[str]) -> None:
    assert _values(text, find_initialled_names(text)) == names


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("PMH: CVA 81'. APPY '67", ["81'", "'67"]),
        ("HOB 30' AT ALL TIMES, AMBULATED 40' X2", []),
        ("cultures from the 14th. repeat pending", ["14th"]),
        ("the 2nd time tonight", []),
        ("dx in sept. and started chemo", ["sept"]),
        ("LITHIUM TOXICITY-3/4/91, ECHO 6/12-> EF 35%", ["3/4/91", "6/12"]),
        ("placed on cpap 5/5, abg ok", []),
        ("psv increased to 10/5 overnight", []),
        ("trach placed 8/14. peep 5", ["8/14"]),
        ("BP 120-130/80", []),
    ],
)
def test_short_and_worded_dates(text: str, dates: list[str]) -> None:
    found = [text[f.start : f.end] for f in Detector(ner=NoEntities()).detect(text)]
    assert [d for d in found if d in dates] == dates
    assert set(found) <= set(dates) | {"PMH"} or not dates


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Pager #51234\nTime: 2:15pm", ["51234"]),
        ("Pager: #51234 \n", ["51234"]),
        ("Will follow. Pager 62231.\n", ["62231"]),
        ("PG 44213", ["44213"]),
        ("can be reached at beeper number 61102", ["61102"]),
        ("page out to covering md", []),
        ("pg 2 of flowsheet", []),
    ],
)
def test_pager_numbers(text: str, numbers: list[str]) -> None:
    assert _values(text, find_pager_numbers(text)) == numbers


@pytest.mark.parametrize(
    ("value", "lookalike"),
    [
        ("1900-0700", True),  # a shift
        ("0700-1930", True),
        ("14X650X100", True),  # vent settings
        ("555-1234", False),  # a local phone number
        ("2400-0400", True),
        ("4417-8832-1100", False),
    ],
)
def test_number_lookalikes(value: str, lookalike: bool) -> None:
    assert number_lookalike(value) is lookalike


@pytest.mark.parametrize(
    ("value", "caps", "lookalike"),
    [
        ("#3", False, True),
        ("70-72 AV", True, True),
        ("9, Dr.", False, True),
        ("1800 PER DR", True, True),
        ("floor 3", False, True),
        ("2715 Medina Pike", False, False),
        ("1 Avenue of the Americas", False, False),
        ("44 HARTWELL ST", True, False),
    ],
)
def test_street_lookalikes(value: str, caps: bool, lookalike: bool) -> None:
    assert street_lookalike(value, caps) is lookalike


@pytest.mark.parametrize(
    ("value", "lookalike"),
    [
        ("SENT TO CATH LAB", True),
        ("Flovent, Vanco and Levoq", True),
        ("May Okafor and Lindqvist LLP", False),
        ("Brannigan, Hale and Mott", False),
    ],
)
def test_organisation_lookalikes(value: str, lookalike: bool) -> None:
    assert organization_lookalike(value, caps=value.isupper()) is lookalike


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("see Levo gtt", False),  # shorthand NER took for a person
        ("Lung sounds clear", False),  # a plain word that is also a surname
        ("Kevin called back", True),  # a census given name
        ("Okafor-Lindqvist called", True),
        ("Brannigan aware", True),
    ],
)
def test_lone_ner_names(text: str, kept: bool) -> None:
    end = text.index(" ")
    assert plausible(text, Finding(0, end, "PERSON", 0.85, "ner:PERSON"), caps=False) is kept


ALL_CAPS = (
    "NEURO: PT REMAINS INTUBATED, MECH VENTED VIA ETT. MAE.\n"
    "CV: HR 80-100 ST, NO ECTOPY. 3-5 BEAT RUNS VT X2. DR. KAPLOWITZ AWARE.\n"
    "SOCIAL: WIFE ROSALIND IN TO VISIT. LIVES AT DUNMORE HOUSE.\n"
    "PLAN: TRANSFER TO QUARTERMOOR 3 WHEN BED AVAILABLE. #3 CHF: DIURESE."
)


def test_all_caps_note_without_ner() -> None:
    found = Detector(ner=NoEntities()).detect(ALL_CAPS)
    covered = {i for f in found for i in range(f.start, f.end)}

    def redacted(word: str) -> bool:
        start = ALL_CAPS.index(word)
        return all(i in covered for i in range(start, start + len(word)))

    for name in ("KAPLOWITZ", "ROSALIND", "DUNMORE", "QUARTERMOOR"):
        assert redacted(name), name
    for word in ("REMAINS", "INTUBATED", "#3", "80-100 ST", "BEAT", "AWARE", "WIFE"):
        assert not any(redacted(w) for w in word.split()), word
