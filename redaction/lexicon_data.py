"""Word lists with their separable supplements (see ``docs/data-licences.md``).

The medical lists come from permissive sources (``medical_words.txt``, ``medical_names.txt``);
what only the GPL-3+ OpenMedSpel list has lives in separate files beside them
(``openmedspel_words.txt``, ``openmedspel_names.txt``), read here when present. A distribution
that must not carry GPL data deletes those two files and runs on the permissive lists alone.
"""

from __future__ import annotations

from redaction.clinical import DATA, read_words

SUPPLEMENTS = {
    "medical_words.txt": "openmedspel_words.txt",
    "medical_names.txt": "openmedspel_names.txt",
}


def supplemented(name: str) -> frozenset[str]:
    """The words of ``redaction/data/<name>`` and of its supplement, if that file exists."""
    words = read_words(DATA / name)
    extra = DATA / SUPPLEMENTS[name]
    return words | read_words(extra) if extra.exists() else words
