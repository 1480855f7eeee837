"""The redaction package's ports.

``Detector`` is what the stages, the leak gate and the PDF path need from a detector:
``redaction.detector.Detector`` (spaCy plus recognizers) is the real one,
``redaction.policy.PolicyDetector`` narrows one to a policy, and tests use small
deterministic fakes. The spaCy model itself stays behind ``redaction/ner.py``.
(``PdfEngine``, ``TokenNamer`` and ``EntityFinder`` are seams inside the package, not
I/O edges, and stay beside their code.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from models.finding import Finding


class Detector(Protocol):
    def detect(self, text: str) -> list[Finding]:
        """Findings over ``text`` (offsets are ``str`` indices), merged and sorted."""
        ...

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        """Merge findings gathered in parts (e.g. plus a PDF's covered text) into one list."""
        ...
