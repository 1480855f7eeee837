"""Replacing findings with typed tokens, and mapping between redacted and original offsets."""

from __future__ import annotations

import bisect
import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from typing import Protocol

from models.finding import Finding, RedactionResult, Replacement
from redaction.coref import entity_keys
from redaction.merge import merge

# Every token a namer produces: [PERSON_1], [PERSON_04172255_2], [DATE_2031-07-14].
TOKEN = re.compile(r"\[[A-Z][A-Z_]*_\d[\d-]*(?:_\d+)?\]")


class TokenNamer(Protocol):
    """Names the token for a value. ``value`` is already normalised (case, whitespace)."""

    def name(self, label: str, value: str) -> str: ...


class CounterNamer:
    """Per-document counter tokens (``[PERSON_1]``, ``[DATE_2]``); same value, same token."""

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}

    def name(self, label: str, value: str) -> str:
        key = (label, value)
        if key not in self._tokens:
            self._counts[label] = self._counts.get(label, 0) + 1
            self._tokens[key] = f"[{label}_{self._counts[label]}]"
        return self._tokens[key]


class HmacNamer:
    """Matter-wide tokens: the number is a keyed HMAC of (label, value), so ``[PERSON_...]``
    names the same value in every document redacted with the same key. Never a bare hash:
    without the key a token cannot be linked to a guessed value. Within one namer two values
    that land on the same number are told apart by a suffix."""

    DIGITS = 8

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("HMAC key too short")
        self._key = key
        self._taken: dict[str, tuple[str, str]] = {}

    @classmethod
    def random(cls) -> HmacNamer:
        """A per-run key (the CLI has no vault): consistent within the run only."""
        return cls(secrets.token_bytes(32))

    def name(self, label: str, value: str) -> str:
        msg = f"{label}\x00{value}".encode()
        number = int.from_bytes(hmac.new(self._key, msg, hashlib.sha256).digest()[:8], "big")
        stem = f"{label}_{number % 10**self.DIGITS:0{self.DIGITS}d}"
        token, suffix = f"[{stem}]", 1
        while self._taken.setdefault(token, (label, value)) != (label, value):
            suffix += 1
            token = f"[{stem}_{suffix}]"
        return token


def redact_text(
    text: str, findings: Sequence[Finding], tokens: TokenNamer | None = None
) -> RedactionResult:
    """Replace every finding with its token; overlapping findings are merged first. Mentions
    of one person share a token (``redaction.coref``); other values are named by their text."""
    namer = tokens if tokens is not None else CounterNamer()
    parts: list[str] = []
    reps: list[Replacement] = []
    cursor = out_len = 0
    merged = merge(findings)
    if merged and merged[-1].end > len(text):
        raise ValueError("finding beyond end of text")
    for f, key in entity_keys(text, merged):
        original = text[f.start : f.end]
        token = namer.name(f.label, key)
        parts.append(text[cursor : f.start])
        out_len += f.start - cursor
        reps.append(
            Replacement(f.label, token, original, f.start, f.end, out_len, out_len + len(token))
        )
        parts.append(token)
        out_len += len(token)
        cursor = f.end
    parts.append(text[cursor:])
    return RedactionResult("".join(parts), tuple(reps))


# (source start, source end, target start, target end) of one replacement
_Edge = tuple[int, int, int, int]


def _snap(edges: Sequence[_Edge], pos: int, is_end: bool) -> int:
    """Target offset of source offset ``pos``; inside an entity snaps to its edge.

    ``edges`` are sorted by source start; text between them maps one to one."""
    starts = [e[0] for e in edges]
    # the last edge starting before ``pos`` (an end) or at/before it (a start)
    idx = (bisect.bisect_left(starts, pos) if is_end else bisect.bisect_right(starts, pos)) - 1
    if idx < 0:
        return pos
    _, src_end, dst_start, dst_end = edges[idx]
    if pos < src_end:
        return dst_end if is_end else dst_start
    return dst_end + (pos - src_end)


def original_length(result: RedactionResult) -> int:
    return len(result.redacted_text) - sum(
        (r.red_end - r.red_start) - (r.orig_end - r.orig_start) for r in result.replacements
    )


def map_to_original(result: RedactionResult, start: int, end: int) -> tuple[int, int]:
    """Map a span over the redacted text to original offsets; a span touching a token covers the
    whole original entity."""
    if not 0 <= start <= end <= len(result.redacted_text):
        raise ValueError("span outside the redacted text")
    edges = [(r.red_start, r.red_end, r.orig_start, r.orig_end) for r in result.replacements]
    return _snap(edges, start, False), _snap(edges, end, True)


def to_rendition(result: RedactionResult, start: int, end: int) -> tuple[int, int]:
    """Original offsets -> redacted offsets, the inverse of ``map_to_original``; an edge
    inside an entity snaps to its token's edge (the whole token is covered)."""
    if not 0 <= start <= end <= original_length(result):
        raise ValueError("span outside the original text")
    edges = [(r.orig_start, r.orig_end, r.red_start, r.red_end) for r in result.replacements]
    return _snap(edges, start, False), _snap(edges, end, True)


def restore_tokens(result: RedactionResult, text: str) -> str:
    """Replace tokens in a reviewer's text (e.g. a comment) with the original values."""
    originals: dict[str, str] = {}
    for rep in result.replacements:
        originals.setdefault(rep.token, rep.original)
    if not originals:
        return text
    rx = re.compile("|".join(re.escape(t) for t in sorted(originals, key=len, reverse=True)))
    return rx.sub(lambda m: originals[m.group()], text)
