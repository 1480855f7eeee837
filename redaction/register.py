"""The register of a text: clinical notes are told by their share of clinical words (drug names
and nursing shorthand make up a tenth to a third of a note's words; court judgments and e-mails
stay under a few hundredths). One-letter words ("K", "M") count as no evidence either way, and a
few clinical words in a short text are not enough."""

from __future__ import annotations

import re

from redaction.clinical import clinical_words

_WORD = re.compile(r"[A-Za-z]{2,}")
CLINICAL_SHARE = 0.05
MIN_HITS = 3


def clinical_register(text: str) -> bool:
    """True when at least ``MIN_HITS`` and ``CLINICAL_SHARE`` of the words of ``text`` are
    clinical words."""
    words = _WORD.findall(text)
    vocab = clinical_words()
    hits = sum(w.lower() in vocab for w in words)
    return hits >= MIN_HITS and hits >= CLINICAL_SHARE * len(words)
