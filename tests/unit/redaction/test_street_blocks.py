"""Address blocks, military addresses and street corners (text written for the test)."""

from __future__ import annotations

import pytest

from redaction.street_blocks import find_street_blocks


def _blocks(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_street_blocks(text)]


@pytest.mark.parametrize(
    ("text", "block"),
    [
        # a street, a unit line, a town line and a "Country postcode" line
        (
            "Please write to 48 Wren Hollow Road\n Suite 210\n Tallowby\n Ireland 30417\n",
            "48 Wren Hollow Road\n Suite 210\n Tallowby\n Ireland 30417",
        ),
        # a street of any language that a unit line follows; the building number before it
        (
            "Send the form to 9012 Ostrovni 418\n Apt. 33\n Velka Lhota\n Czechia 79211.",
            "9012 Ostrovni 418\n Apt. 33\n Velka Lhota\n Czechia 79211",
        ),
        # escaped breaks (exports and generated data carry a literal backslash-n)
        (
            "Orla Quennell\\n\\n5521 Brekkugata 12\\n Apt. 9\\n HOLMAVIK\\n Iceland 5103",
            "5521 Brekkugata 12\\n Apt. 9\\n HOLMAVIK\\n Iceland 5103",
        ),
        # units on the street line, the town and the country after commas
        (
            "moved to 77 Kranichgasse 15 Suite 4 Apt. 2, Oberwil, Switzerland 4104.",
            "77 Kranichgasse 15 Suite 4 Apt. 2, Oberwil, Switzerland 4104",
        ),
        # a house number written before a street line that has its own
        (
            "ship it to 2207 14 Larkspur Avenue, Dunmore, PA 18512",
            "2207 14 Larkspur Avenue, Dunmore, PA 18512",
        ),
        # UK and Canadian postcodes on the town line
        ("1 Ferry Lane\nKeswick CA12 5AB\n", "1 Ferry Lane\nKeswick CA12 5AB"),
        ("310 Maple Crescent\nMoose Jaw SK S6H 4P2", "310 Maple Crescent\nMoose Jaw SK S6H 4P2"),
        # an empty region line leaves a blank line before "Country postcode"
        (
            "6640 Rua das Gaivotas 12\n Apt. 3\n Vila Serra\n\n Portugal 4470\n",
            "6640 Rua das Gaivotas 12\n Apt. 3\n Vila Serra\n\n Portugal 4470",
        ),
        # the town after the units on the street's own line
        (
            "post it to 318 Hagebakken 41 Apt. 12 RINGSTED Denmark.",
            "318 Hagebakken 41 Apt. 12 RINGSTED Denmark",
        ),
        (
            "fees, 2019, Riverside Center, St. Louis, Missouri. Organized by us",
            "Riverside Center, St. Louis, Missouri",
        ),
        # a unit word the street pattern took for a name word, then the town on the same line
        (
            "send it to 77 18 rue des Tanneurs Apt. 6 MONTAUBAN OC",
            "77 18 rue des Tanneurs Apt. 6 MONTAUBAN OC",
        ),
        ("lives at 40 Harrow Place Apt. 9 Kelvedon Essex", "40 Harrow Place Apt. 9 Kelvedon Essex"),
        (
            "change it to 55 Ahornweg 8 Apt. 2 BRUCK Lower Austria for post",
            "55 Ahornweg 8 Apt. 2 BRUCK Lower Austria",
        ),
        ("at 9 Lipová 12 Suite 4 Lhota u Brna Czechia", "9 Lipová 12 Suite 4 Lhota u Brna Czechia"),
        # a "Country postcode" line the sentence goes on after
        (
            "update it to 4410 Birkenweg 9\n Apt. 5\n Zell\n Germany 36354 for this card",
            "4410 Birkenweg 9\n Apt. 5\n Zell\n Germany 36354",
        ),
        # military addresses
        ("forward it to PSC 4471, Box 218\nAPO AE 09630 please", "PSC 4471, Box 218\nAPO AE 09630"),
        ("Unit 2050 Box 77, DPO AP 96521.", "Unit 2050 Box 77, DPO AP 96521"),
        ("USNS Halvorsen\nFPO AA 34091", "USNS Halvorsen\nFPO AA 34091"),
        # postcodes announced as such, in any country's form
        ("My zip code is K1A 0B1", "K1A 0B1"),
        ("ZIP: 602 00", "602 00"),
        ("postal code 4470-123, Maia", "4470-123"),
        # street corners
        (
            "Meet me at the corner of Tarnowska 8 and Quill Street after lunch.",
            "the corner of Tarnowska 8 and Quill Street",
        ),
    ],
)
def test_blocks(text: str, block: str) -> None:
    assert any(block in b for b in _blocks(text)), _blocks(text)


@pytest.mark.parametrize(
    ("text", "block"),
    [
        # a labelled line after the block is not a town
        ("12 Orchard Road\nPhone: 555 0100", "12 Orchard Road"),
        # nor the sentence after it, nor a salutation after a blank line
        ("at 4 Brook Lane, Then we drove home.", "4 Brook Lane"),
        ("22 Heron Way\nSpringvale\n\nDear Ms Ostrova,", "22 Heron Way\nSpringvale"),
        (
            "9 Ash Court, Suite 4\nDunmore, PA 18512\nVoice: 555 0100",
            "9 Ash Court, Suite 4\nDunmore, PA 18512",
        ),
        ("A. 40 Larch Green Suite 9\nQ. And before that?", "40 Larch Green Suite 9"),
        ("12 Elm Road Suite 3 Reception is on the left", "12 Elm Road Suite 3"),
    ],
)
def test_block_stops(text: str, block: str) -> None:
    found = _blocks(text)
    assert all(b in block for b in found), found


@pytest.mark.parametrize(
    "text",
    [
        "BP 120/80 HR 72\nSats 98% on 2 L NC",
        "Table 3\nFigure 4\nSection 12",
        "Pt given 2 units PRBC\nRoom 4\n",
        "On 12 March 2019 the court sat.\nLondon",
        # a line after a lab value or a count is no town: a street needs a unit line after it
        "ENDOCRINE: BS 112. \nAM LABS PENDING. \n\n",
        "Turned with 2 assist.\nSee above for activity.\n",
        "RESP: O2 SAT 95,96 ON ROOM AIR. \nRENAL: OOB TO CHAIR",
        "MOVED TO 4 EAST\nROOM 12\nFAMILY IN",
        "GI: KEEPING NPO POST 2400; pin 4455 site clean",
    ],
)
def test_no_block(text: str) -> None:
    assert _blocks(text) == []
