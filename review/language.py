"""A small stop-word language guess over the *redacted* text (a code, never text out).

Good enough to route documents to reviewers who read the language; ``und`` when the
text is too short or no profile stands out.
"""

from __future__ import annotations

import re
from collections import Counter

_WORDS = {
    "en": ("the and of to in is that for with was on as by this be are not"),
    "es": ("el la de que y en los las del se por con para una es al su"),
    "fr": ("le la les de des et est que en du une dans pour pas sur au"),
    "de": ("der die das und ist nicht mit den von zu ein eine auf für dem des"),
    "pt": ("o a os as de que e do da em um uma para com não dos das"),
    "it": ("il lo la di che e del della per con non una un sono gli nel"),
}
PROFILES: dict[str, frozenset[str]] = {code: frozenset(w.split()) for code, w in _WORDS.items()}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_HITS = 3


def guess_language(text: str, sample_chars: int = 20_000) -> str:
    """ISO 639-1 code of the best-matching profile, or ``und``."""
    words = Counter(w.lower() for w in WORD.findall(text[:sample_chars]))
    scores = {code: sum(words[w] for w in stop) for code, stop in PROFILES.items()}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best, score = ranked[0]
    runner_up = ranked[1][1]
    if score < MIN_HITS or score <= runner_up:
        return "und"
    return best
