"""What the docs tests read: the README and every page under docs/, their fenced code
lines and their inline code spans (shared by ``test_docs_*.py``)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^ *```.*?^ *```", re.M | re.S)
SPAN = re.compile(r"`([^`]+)`")
FLAG = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
CUT = re.compile(r"(?<!\\)\||;|>|&&|\s#")


def text_of(doc: str) -> str:
    return (REPO / doc).read_text(encoding="utf-8")


def fenced_lines(text: str) -> list[tuple[int, str]]:
    """The lines of every fenced code block, with their line numbers."""
    found = []
    for block in FENCE.finditer(text):
        first = text.count("\n", 0, block.start()) + 1
        found += [(first + i, line) for i, line in enumerate(block.group(0).split("\n"))]
    return found


def inline_spans(text: str) -> list[tuple[int, str, str]]:
    """Inline code spans (whitespace folded, a span may wrap a line) outside fenced
    blocks: line number, code, and the text between the previous span and this one."""
    prose = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    spans, last = [], 0
    for m in SPAN.finditer(prose):
        line = prose.count("\n", 0, m.start()) + 1
        spans.append((line, " ".join(m.group(1).split()), prose[last : m.start()]))
        last = m.end()
    return spans
