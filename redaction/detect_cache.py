"""Detection remembered by text: one NER pass per distinct text.

Redacting one document runs the detector on the same text several times: each refold round
redacts the original again, the fixpoint re-detects a rendition it re-detected in the
previous round, and the leak gate re-scans the rendition the fixpoint's last round scanned
(on clinical notes, 3.0 detector calls per document over 1.4 distinct texts). Detection is
a pure function of the text, so ``CachedDetector`` answers a repeat from memory. Keys are
SHA-256 digests (no text is held); values are the findings (offsets, labels, rule names:
no text either). Bounded: the least recently used entries go first.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

from models.finding import Finding

DEFAULT_ENTRIES = 256


class BaseDetector(Protocol):
    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]: ...

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]: ...


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class CachedDetector:
    """``base`` with its ``detect_many`` answers remembered per text (``finalize`` is not:
    its findings vary)."""

    def __init__(self, base: BaseDetector, entries: int = DEFAULT_ENTRIES) -> None:
        self.base = base
        self._entries = entries
        self._memo: OrderedDict[bytes, tuple[Finding, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0

    def detect(self, text: str) -> list[Finding]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        keys = [text_key(t) for t in texts]
        known = {k: v for k in keys if (v := self._recall(k)) is not None}
        todo = list({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
        found = self.base.detect_many([t for _, t in todo]) if todo else []
        for (key, _), spans in zip(todo, found, strict=True):
            known[key] = self._remember(key, spans)
        return [list(known[k]) for k in keys]

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return self.base.finalize(text, findings)

    def _recall(self, key: bytes) -> tuple[Finding, ...] | None:
        with self._lock:
            spans = self._memo.get(key)
            if spans is not None:
                self._memo.move_to_end(key)
                self.hits += 1
            return spans

    def _remember(self, key: bytes, spans: Sequence[Finding]) -> tuple[Finding, ...]:
        with self._lock:
            self._memo[key] = tuple(spans)
            while len(self._memo) > self._entries:
                self._memo.popitem(last=False)
            return self._memo[key]
