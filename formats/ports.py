"""The format seam: what every document format gives the stages, the gate and reassembly.

A format opens a document's bytes under hostile-input limits into an :class:`Opened`
(the text detection runs on, its page geometry and the format's own parsed form), builds
the redacted rendition reviewers get, re-reads a rendition with independent extractors,
gates it, and annotates the original for the client. Errors are ``models.errors``
``DocumentError`` subclasses carrying the document id only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from models.annotation import Note as Note  # the one note type, re-exported for formats
from models.document import MediaType
from models.finding import Finding, RedactionResult
from redaction.ports import Detector


@dataclass(frozen=True)
class OpenContext:
    """Who is opening (the document id for error messages) and the matter's passwords."""

    ref: str
    passwords: Sequence[str] = ()


@dataclass(frozen=True)
class Region:
    """Where a span is: a 1-based page and a box. PDF-like formats give points
    (x0, y0, x1, y1); text-like formats give (first line, first column, last line,
    end column) of the page's text, ``unit`` says which."""

    page: int
    box: tuple[float, float, float, float]
    unit: str = "pt"


@dataclass(frozen=True, repr=False)
class Opened:
    """A document opened by its format (never printed: it holds document text)."""

    ref: str
    data: bytes = field(repr=False)
    text: str = field(repr=False)  # what detection runs on; pages separated by form feed
    pages: int
    native: Any = field(default=None, repr=False)  # the format's own parsed form
    password: str | None = field(default=None, repr=False)
    extra: tuple[Finding, ...] = ()  # findings the format itself adds (covered text)

    def __repr__(self) -> str:
        return f"Opened(ref={self.ref!r}, pages={self.pages}, chars={len(self.text)})"


class DocumentFormat(Protocol):
    """One media type. ``rendition_type`` is what reviewers get (text or PDF);
    ``deliverable_suffix`` the annotated original's suffix, or None when the client gets
    the JSON deliverable only; ``takes_passwords`` whether the matter's sealed PDF
    passwords are passed to ``open``."""

    media_type: MediaType
    rendition_type: MediaType
    deliverable_suffix: str | None
    takes_passwords: bool

    def open(self, data: bytes, ctx: OpenContext) -> Opened: ...

    def locate(self, opened: Opened, start: int, end: int) -> list[Region]: ...

    def render(self, opened: Opened, result: RedactionResult) -> bytes: ...

    def reread(self, rendition: bytes, ref: str) -> list[str]: ...

    def gate(
        self, rendition: bytes, opened: Opened, result: RedactionResult, detector: Detector
    ) -> list[str]: ...

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None: ...
