"""The residual-risk scan (known answers): what a finished rendition leaves in clear that
looks like an identifier, reported as codes and counts, never as text; and the clinical
look-alikes it must not flag (each would quarantine a safe note). Texts written for these
tests."""

from __future__ import annotations

import pytest

from redaction.residual import NAME_LIMIT, Residual, residual_risk, scan


@pytest.mark.parametrize(
    ("rendition", "expected"),
    [
        ("[PERSON_1] came on [DATE_1]; plan per [ORGANIZATION_1].", Residual(0, 0, 0)),
        ("Reviewed with Quorvane, Blenkiss and Tolvarin.", Residual(3, 0, 0)),
        ("Seen 06/09/2031 and again 2031-07-01.", Residual(0, 2, 0)),
        ("Card 8812 4410 9937 noted.", Residual(0, 0, 1)),
        ("Seen by Quorvane.", Residual(1, 0, 0)),  # one name-shaped word: within the limit
        ("QUORVANE, BLENKISS AND TOLVARIN REVIEWED.", Residual(0, 0, 0)),  # capitals say nothing
        ("Routing 099887766 and NDC 0002-7510-01 stay readable.", Residual(0, 0, 0)),
        ("Quorvane. Blenkiss. Tolvarin.", Residual(0, 0, 0)),  # sentence starts do not count
    ],
)
def test_scan(rendition: str, expected: Residual) -> None:
    assert scan(rendition) == expected


def test_reasons_are_codes_with_counts() -> None:
    assert Residual(NAME_LIMIT, 0, 0).reasons() == []
    assert Residual(NAME_LIMIT + 1, 2, 1).reasons() == [
        f"residual-risk:name-shaped:{NAME_LIMIT + 1}",
        "residual-risk:date:2",
        "residual-risk:digit-run:1",
    ]


def test_no_reason_carries_the_text() -> None:
    rendition = "Reviewed with Quorvane, Blenkiss and Tolvarin on 06/09/2031."
    reasons = residual_risk(rendition)
    assert len(reasons) == 2
    assert not any(word in r for r in reasons for word in ("Quorvane", "2031", "06/09"))


@pytest.mark.parametrize(
    ("rendition", "dates", "digits"),
    [
        # identifiers and dates left in clear
        ("[PERSON_1] to call back on 617-555-0143.", 0, 1),
        ("Member id 884 201 7731 on the claim.", 0, 1),
        ("in an application (no. 40417/03) lodged with", 0, 1),
        ("Case No. 2291/2019 is public; dose no. 2 of 3", 0, 0),
        ("lithium toxicity-9/2/92, resolved", 1, 0),
        ("abx stopped 9/17 after last dose", 1, 0),
        ("seen in clinic 10/28; f/u in 2 wks", 1, 0),
        ("the hearing of 12 March 1998 was adjourned", 1, 0),
        ("decided on the 3rd of Jan by the tribunal", 1, 0),
        ("2 may be given if needed", 0, 0),  # the verb, lower case, is no month
        # lab, vitals and ventilator chains are not identifiers
        ("ABG 7.41-38-212-25-99% on 40%", 0, 0),
        ("BP 118-1375/52-60 overnight, CVP 9-10", 0, 0),
        ("vent AC 30-50-400-5.0, weaning", 0, 0),
        ("events of 1900-0700 shift: none", 0, 0),  # a shift of clock times
        ("ref 4412-9981 on file", 0, 1),  # not clock times
        # fractions, scores and settings are not dates
        ("rales 1/3 up bilat, D5 1/2 NS at 75/hr", 0, 0),
        ("pain 3/10, PSV 12/5, peep 10/5", 0, 0),
        ("cont on psv 10/5/40% overnight", 0, 0),
        # year-less dates written with a leading zero, as a range, with a dotted year
        ("radiation given 10/03-10/04, due again", 1, 0),
        ("xrt 09/02/09/05 then rest", 1, 0),
        ("11/23.97 neuro: alert", 1, 0),
        ("wt 3/15.5 kg", 0, 0),  # a decimal after a small number is no year
        # ventilator and CPAP settings that read like a day past 10
        ("resp: on cpap 5/15 ips overnight", 0, 0),
        ("PS 10/12 tolerated, bipap 14/12 at night", 0, 0),
        ("weaned to 12/14 ips", 0, 0),
        ("seen again 5/15, no vent changes", 1, 0),
        # shifts through midnight, value ranges, a reading at a clock time, spans of years
        ("events 2400-0400: transfused, tolerated", 0, 0),
        ("SVR 1184-792, PCWP 12-14", 0, 0),
        ("bs @ 2400-212, covered per scale", 0, 0),
        ("changes for the 2004-2005 school year", 0, 0),
        # a cited case's number is public; the case's own application is not
        ("see Varnek v. Ruritania (dec.), no. 55321/07, 3 May", 1, 0),
        ("as in [PERSON_3] v. Ruritania [GC], nos. 40211/98 and", 0, 0),
        ("v. Ruritania (application no. 55321/07) lodged", 0, 1),
    ],
)
def test_residual_shapes(rendition: str, dates: int, digits: int) -> None:
    found = scan(rendition)
    assert (found.dates, found.digits) == (dates, digits)


@pytest.mark.parametrize(
    ("rendition", "names"),
    [
        # capitalised mid-sentence words that are English words, though census surnames too
        ("Pt on Mask overnight, Pleasant and in Comfort. Wedge 14.", 0),
        # names in no word list, capitalised mid-sentence
        ("Seen by Brannigan, Oyelaran and Quennell today.", 3),
        # drug shorthand, misspellings and brand drugs are no names
        ("Started Vanco, Ceftaz and Levo; Digixin held.", 0),
        # places and peoples a dictionary capitalises, long compound nouns
        ("Moved from Vienna to Oslo, a Nigerian national.", 0),
        ("under the Landesverwaltungsgerichtsordnung of the Land", 0),
        ("the applicant, a national of Austria, moved to Norway", 0),  # countries
        # terms glossed in the original language, places that name an authority
        ("a penal order (Strafbescheid) and a fine (Geldbusse Verwarnung) followed", 0),
        ("appealed to the Tallowmere District Court and the Brenwick Labour Office", 0),
        # the same words outside a gloss or before a plain noun still count
        ("met Strafbescheid, Verwarnung and Tallowmere at the gate", 3),
    ],
)
def test_name_shaped_words(rendition: str, names: int) -> None:
    assert scan(rendition).names == names


@pytest.mark.parametrize(
    ("rendition", "dates"),
    [
        ("hearings were held on 3 and [DATE_2], then adjourned", 1),
        ("on 21st, [DATE_1] and [DATE_2]", 1),
        ("leave from 9-[DATE_4]", 1),
        # a month left after its redacted day
        ("hearings on [DATE_2] May, on [DATE_3] July and [DATE_4]", 2),
        ("lodged on [DATE_1] November; [DATE_2] Sept. heard", 2),
        # a count before a date, a day that went into the token with its pair
        ("gave 2 units; 3 doses since [DATE_1]", 0),
        ("hearings on [DATE_2], then adjourned", 0),
        ("seen on [DATE_1] may be moved; on [DATE_2] May be moved", 0),
    ],
)
def test_days_split_from_a_redacted_date(rendition: str, dates: int) -> None:
    assert scan(rendition).dates == dates


def test_reasons_for_shapes_left_in_clear() -> None:
    reasons = residual_risk("call 617-555-0143 re 9/17 visit")
    assert reasons == ["residual-risk:date:1", "residual-risk:digit-run:1"]
