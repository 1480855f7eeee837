"""Company - person items of address headers. Every text here was written for these tests."""

from __future__ import annotations

import pytest

from redaction.header_items import find_header_item_names


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_header_item_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "To: Acme Power Co. - Lorcan Pettigrew; Brixton Gas - Ottilie Farnsby",
            ["Lorcan Pettigrew", "Ottilie Farnsby"],
        ),
        ("Cc: Ines Varga - Dunmore Utilities", ["Ines Varga"]),
        (
            "To: North Gas -- Olek B. Dumont,\n    East Power - Zofia Kwiatkowska",
            [
                "Olek B. Dumont",
                "Zofia Kwiatkowska",
            ],
        ),
        # lower-case items whose words are no plain words
        ("from: quorvath, delphine\ncc: all staff; legal", ["quorvath", "delphine"]),
        ("cc: villase\u00f1or, joaqu\u00edn", ["villase\u00f1or", "joaqu\u00edn"]),
        # both sides plain words or no dash: nothing
        ("To: Gas Desk - Power Trading; Acme Gas", []),
        ("To: Risk Management - Credit Desk", []),
        # not a header line
        ("The meeting - Ines Varga will chair", []),
    ],
)
def test_header_item_names(text: str, names: list[str]) -> None:
    assert _names(text) == names
