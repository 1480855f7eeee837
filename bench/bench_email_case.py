# ruff: noqa: E501  (the table holds whole test e-mails, one per line)
"""E-mail name recall under case changes: the full detector (NER included) on e-mail texts
written for this benchmark (made-up names, most in no lexicon: headers, Notes addresses,
quoted-printable headers, sign-offs, greetings, name lists, names after verbs of contact), as
written, in lower case and in capitals. Prints the share of name tokens covered per variant
(no document text). A robustness check for mailboxes unlike the development corpus.

    .venv/bin/python bench/bench_email_case.py [--root PATH]

``--root`` runs another checkout's ``redaction`` package (for a before/after comparison).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES: list[tuple[str, list[str]]] = [
    (
        "From: Haverkamp, Liesbeth\nTo: Ostrowski, Bartosz; Nakagawa-Reid, Emiko\nCc: Villaseñor, Joaquín\nSubject: RE: curtailment\n\nBartosz,\n\nThe numbers look right to me.\n\nRegards,\nLiesbeth\n",
        [
            "Haverkamp",
            "Liesbeth",
            "Ostrowski",
            "Bartosz",
            "Nakagawa",
            "Reid",
            "Emiko",
            "Villaseñor",
            "Joaquín",
        ],
    ),
    (
        "Hi Sunniva,\n\nI met with Oluwaseun Adebayo-Clarke yesterday. Adebayo-Clarke said the transport contract is ready. Can you ask Thorvald to sign it?\n\nBest,\nMagnhild Eriksrud\n",
        ["Sunniva", "Oluwaseun", "Adebayo", "Clarke", "Thorvald", "Magnhild", "Eriksrud"],
    ),
    (
        "----- Forwarded by Radomir Kowalczyk/DAL/NVX on 06/02/2001 08:15 AM -----\n\nPerpetua Okoro@NORVALE\n06/01/2001 05:40 PM\nTo: Radomir Kowalczyk/DAL/NVX@NVX\ncc: Anselm Grauwiler/NA/Norvale@Norvale\nSubject: storage report\n",
        ["Radomir", "Kowalczyk", "Perpetua", "Okoro", "Anselm", "Grauwiler"],
    ),
    (
        "To:=09Northgate Pipeline - Ingrid Solbakken; Eastfield Power - Tadeusz Wr=\noblewski; Harbour Gas - Mehmet Yilmazer=20\n",
        ["Ingrid", "Solbakken", "Tadeusz", "Wroblewski", "Mehmet", "Yilmazer"],
    ),
    (
        "Distribution:\n  - Cosima Vanderhaegen\n  - Lysander Mbeki\n  - Rosamund Achterberg\n",
        ["Cosima", "Vanderhaegen", "Lysander", "Mbeki", "Rosamund", "Achterberg"],
    ),
    (
        "Please send the invoice to Hortensia Quayle and copy Fenwick Oyelowo. Per Hortensia, the due date moved.\n\nThanks,\nGrisha\n",
        ["Hortensia", "Quayle", "Fenwick", "Oyelowo", "Grisha"],
    ),
    (
        "Dear Ms. Abernethy-Kaur,\n\nPlease find the signed amendment attached.\n\nYours sincerely,\nPeregrine Waddell\nAssociate General Counsel\n",
        ["Abernethy", "Kaur", "Peregrine", "Waddell"],
    ),
    (
        "> On Tue, 5 Jun 2001, Ximena Castellanos <xc@example.org> wrote:\n> Talked to Benedek Szabo; he will call Ottoline tomorrow.\n",
        ["Ximena", "Castellanos", "Benedek", "Szabo", "Ottoline"],
    ),
    ("KOWALCZYK, RADOMIR\nOKORO/PERPETUA\n", ["KOWALCZYK", "RADOMIR", "OKORO", "PERPETUA"]),
    (
        "Caspian,\n\nLeft a message for Wilhelmus Dijkstra about the meter.\n\n-Ondine\n",
        ["Caspian", "Wilhelmus", "Dijkstra", "Ondine"],
    ),
    (
        "From: Strzelecki, Wojciech\nSent: Wednesday, August 8, 2001 11:20 AM\nTo: Abernathy, Celestine; Mukherjee, Rohini\nCc: Lindqvist, Torbjorn\nSubject: RE: park and loan\n\nRohini,\n\nI checked with Torbjorn and the volumes are fine.\n\nThanks,\nWojciech\n",
        [
            "Strzelecki",
            "Wojciech",
            "Abernathy",
            "Celestine",
            "Mukherjee",
            "Rohini",
            "Lindqvist",
            "Torbjorn",
        ],
    ),
    (
        "Hi Fionnuala,\n\nCould you send the revised confirm to Desmond Achebe-Laurent? I talked to Achebe-Laurent this morning.\n\nCheers,\nEamon Brisbois\n",
        ["Fionnuala", "Desmond", "Achebe", "Laurent", "Eamon", "Brisbois"],
    ),
    (
        "Participants:\n\t- Ulrike Sandhaus\n\t- Kwabena Mensah-Asante\n\t- Perpetua Ovalle\n",
        ["Ulrike", "Sandhaus", "Kwabena", "Mensah", "Asante", "Perpetua", "Ovalle"],
    ),
    (
        "----- Forwarded by Ignacy Wolanski/DAL/NVX on 09/12/2001 03:11 PM -----\n\nSigrun Hallvardsdottir@NORVALE\nTo: Ignacy Wolanski/DAL/NVX@NVX\ncc: Tiago Ferreira-Lobo/NA/Norvale@Norvale\n",
        ["Ignacy", "Wolanski", "Sigrun", "Hallvardsdottir", "Tiago", "Ferreira", "Lobo"],
    ),
    (
        "Please forward to Marisol Etxeberria and copy Baptiste Rouleau. Per Marisol, the nomination is late.\n\nRegards,\nOsvaldo\n",
        ["Marisol", "Etxeberria", "Baptiste", "Rouleau", "Osvaldo"],
    ),
    (
        "Dear Mrs. Vandenbroucke,\n\nEnclosed is the executed guaranty.\n\nSincerely,\n\nAnselma Trevino-Hurst\nSenior Counsel\n",
        ["Vandenbroucke", "Anselma", "Trevino", "Hurst"],
    ),
    (
        "To:=09Westgate Power - Leofric Amadi; Lakeside Gas - Henrike Sol=\nvang=20\n",
        ["Leofric", "Amadi", "Henrike"],
    ),
    (
        "Caoimhe,\n\nSpoke with Dagfinn about the imbalance; he'll call Rasmus Kjeldsen.\n\n-Tobiah\n",
        ["Caoimhe", "Dagfinn", "Rasmus", "Kjeldsen", "Tobiah"],
    ),
]
VARIANTS = ("as written", "lower", "upper")


def _variant(text: str, how: str) -> str:
    return {"as written": text, "lower": text.lower(), "upper": text.upper()}[how]


def _covered(detect: object, text: str, names: list[str]) -> tuple[int, int]:
    covered = bytearray(len(text))
    for f in detect(text):  # type: ignore[operator]
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    hits = total = 0
    for name in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            total += 1
            hits += all(covered[m.start() : m.end()])
    return hits, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    sys.path.insert(0, str(args.root))
    from redaction.detector import Detector

    detect = Detector().detect
    for how in VARIANTS:
        hits = total = 0
        for text, names in CASES:
            h, t = _covered(detect, _variant(text, how), [_variant(n, how) for n in names])
            hits, total = hits + h, total + t
        print(f"{how}: name tokens covered {hits}/{total} = {hits / total:.3f}")


if __name__ == "__main__":
    main()
