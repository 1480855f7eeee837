"""Residual-risk initials: a person referred to by dotted initials and left in clear
(``the submissions of Q.T., who ...``, ``that Q.T. had``). Judgments and reports name parties
and witnesses this way; the words around say the initials stand for someone: a word that
points at a party before them (``of``, ``that``, ``by``, ``to``, ``with``, ``against``,
``Mr``, ...) and, after them, a comma, a possessive, a bracket or a verb of a person.

Shape and a few context words only, no detector; used by ``redaction.residual`` on the clear
text of a finished rendition (tokens blanked out). Not in ALL-CAPS texts, and never common
dotted abbreviations (``U.S.``, ``a.m.``, ``G.I.:``, ``P.S.``).
"""

from __future__ import annotations

import re

from redaction.residual_acronyms import mostly_upper

_BEFORE = (
    r"(?:of|that|by|to|and|with|whom|from|against|for|mr|mrs|ms|dr|witness|applicant"
    r"|applicants|defendant|accused|complainant|victim)"
)
_AFTER = r"(?:and|had|was|is|has|said|stated|who|testified|claimed|submitted|alleged|told)"
_INITIALS = re.compile(
    rf"(?i:\b{_BEFORE}\.?)[ \t]+(?P<initials>(?:[A-Z]\.){{2,3}})"
    rf"(?=,|'s|\u2019s|[ \t]+\(|[ \t]+{_AFTER}\b)"
)
# Dotted abbreviations that name no one: countries and unions, times and eras, degrees and
# titles, the sections and staff of a clinical note, a postscript.
_COMMON_WORDS = (
    "U.S. U.K. E.U. U.N. U.S.A. U.A.E. A.M. P.M. A.D. B.C. N.B. I.E. E.G. S.A. B.V. N.V. P.C."
    " L.P. L.L.P. D.C. N.A. P.O. R.N. M.D. J.D. B.A. M.A. B.S. M.S. PH.D. C.O. C.I. H.O. G.I."
    " G.U. I.D. R.T. P.T. O.T. V.P. P.S. C.E.O."
)
_COMMON = frozenset(_COMMON_WORDS.split())


def party_initials(clear: str) -> int:
    """Distinct dotted initials standing for a person, outside ALL-CAPS texts."""
    if mostly_upper(clear):
        return 0
    found = {m.group("initials") for m in _INITIALS.finditer(clear)}
    return len({i for i in found if i.upper() not in _COMMON})
