"""One document through its format: open, redact to a fixpoint, render, fold back what
the format's independent extractors find, gate. Used by the redact stage and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from formats.ports import DocumentFormat, OpenContext, Opened
from models.errors import CorruptDocument
from models.finding import RedactionResult
from redaction.leakcheck import redact_to_fixpoint
from redaction.operators import TokenNamer
from redaction.pdf import WithFindings
from redaction.ports import Detector
from redaction.refold import extractor_findings

REFOLD_ROUNDS = 3
LIBRARY_ERRORS = (ValueError, TypeError, KeyError, IndexError, OSError, RuntimeError)

Namers = TokenNamer | Callable[[str], TokenNamer] | None


@dataclass(frozen=True)
class Rendition:
    text: str  # the text detection ran on
    result: RedactionResult
    data: bytes  # the redacted rendition's bytes
    pages: int


def open_safely(fmt: DocumentFormat, data: bytes, ctx: OpenContext) -> Opened:
    """``fmt.open`` with library errors turned into ``CorruptDocument`` (fail closed)."""
    try:
        return fmt.open(data, ctx)
    except LIBRARY_ERRORS as exc:
        raise CorruptDocument(ctx.ref, "document processing failed") from exc


def build_rendition(
    fmt: DocumentFormat,
    detector: Detector,
    data: bytes,
    ctx: OpenContext,
    tokens: Namers = None,
) -> tuple[Rendition, list[str]]:
    """The rendition and the leak gate's findings (empty when it is safe to send).

    ``tokens`` is a namer, or a factory that picks the namer from the document's text."""
    opened = open_safely(fmt, data, ctx)
    try:
        return _rounds(fmt, detector, opened, tokens)
    except LIBRARY_ERRORS as exc:  # fail closed, per document: never stop the batch
        raise CorruptDocument(ctx.ref, "document processing failed") from exc


def _rounds(
    fmt: DocumentFormat, detector: Detector, opened: Opened, tokens: Namers
) -> tuple[Rendition, list[str]]:
    """Covered text (a client's own black boxes) is added to the findings, never trusted."""
    extra = list(opened.extra)
    for _ in range(REFOLD_ROUNDS):  # until the gate's own extractors find nothing new
        with_extra = WithFindings(detector, opened.text, extra)
        result = redact_to_fixpoint(opened.text, with_extra, _namer(tokens, opened.text))
        data = b""  # the last round's rendition is freed before the next is built
        data = fmt.render(opened, result)
        refold = extractor_findings(fmt.reread(data, opened.ref), result, detector)
        if not refold:
            break
        extra += refold
    problems = fmt.gate(data, opened, result, detector)
    return Rendition(opened.text, result, data, opened.pages), problems


def _namer(tokens: Namers, text: str) -> TokenNamer | None:
    return tokens(text) if callable(tokens) else tokens
