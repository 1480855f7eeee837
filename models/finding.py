"""Detected PII spans and the pseudonym map that lets reassembly restore them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Finding:
    """A span of PII in a text: ``text[start:end]`` is the identifier."""

    start: int
    end: int
    label: str
    score: float = 1.0
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Replacement:
    """One redacted span: where it was in the original and where its token is in the rendition."""

    label: str
    token: str
    original: str
    orig_start: int
    orig_end: int
    red_start: int
    red_end: int


@dataclass(frozen=True)
class RedactionResult:
    redacted_text: str
    replacements: tuple[Replacement, ...]

    def entity_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for rep in self.replacements:
            counts[rep.label] = counts.get(rep.label, 0) + 1
        return dict(sorted(counts.items()))
