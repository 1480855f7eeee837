"""spaCy named-entity recognition: the only module that imports spaCy."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import spacy

from models.errors import ConfigError
from models.finding import Finding

_KEEP = ("tok2vec", "ner")
_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "ADDRESS",
    "LOC": "ADDRESS",
    "FAC": "ADDRESS",
    "DATE": "DATE",
}
MAX_CHUNK = 20_000
BATCH_CHARS = 20_000  # chars spaCy holds in one batch (see Ner._batch); 40,000 held 158 MiB
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_NEWLINE = re.compile(r"\n")
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w+")
_SEGMENT = re.compile(r"\S+(?:[ ]\S+)*")
_DIGITS = re.compile(r"\d\D*\d\D*\d")
# An NER date must hold a month name with a number or a full numeric date; ranges, times,
# vitals ("70-80's", "1900-0700") and weekdays alone are not dates.
_DATE_ANCHOR = re.compile(
    r"(?<![\w/.-])\d{1,2}([/.-])\d{1,2}\1\d{2,4}(?![\w/-])|(?<![\w/.-])\d{4}-\d{1,2}-\d{1,2}(?!\w)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d"
    r"|\d\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


class NerModel:
    """A loaded spaCy pipeline reduced to what NER needs."""

    def __init__(self, model_name: str, batch_size: int = 16) -> None:
        self._nlp = load_ner(model_name)
        self._batch_size = batch_size

    @property
    def pipe_names(self) -> list[str]:
        return list(self._nlp.pipe_names)

    @property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self._nlp.Defaults.stop_words)

    def _batch(self, jobs: Sequence[tuple[int, int, str]]) -> int:
        """Documents per spaCy batch: at most ``BATCH_CHARS`` of text at once (its memory
        grows with the characters in flight: a 300-page PDF in batches of 16 full chunks
        peaked at 2 GiB), and many short texts still go 16 at a time."""
        longest = max((len(chunk) for _, _, chunk in jobs), default=1)
        return max(1, min(self._batch_size, BATCH_CHARS // max(longest, 1)))

    def find(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Entities of every text, offsets into that text."""
        jobs = [(i, off, chunk) for i, text in enumerate(texts) for off, chunk in chunks(text)]
        inputs = (_ner_view(chunk) for _, _, chunk in jobs)
        out: list[list[Finding]] = [[] for _ in texts]
        docs = self._nlp.pipe(inputs, batch_size=self._batch(jobs))
        for (i, off, chunk), doc in zip(jobs, docs, strict=True):
            out[i].extend(_findings(doc, chunk, off))
        return out


def load_ner(model_name: str) -> spacy.language.Language:
    """The model loaded once, without the components NER does not read: tagger, parser,
    lemmatizer... are never loaded, and the shared ``tok2vec`` goes too when the NER embeds
    its own (``en_core_web_sm``'s does: the shared one feeds only the tagger and parser)."""
    try:
        names = spacy.util.get_model_meta(_model_path(model_name)).get("pipeline", [])
        nlp = spacy.load(model_name, exclude=[n for n in names if n not in _KEEP])
    except (OSError, ImportError) as exc:
        raise ConfigError(model_name, "spaCy model not installed") from exc
    if "tok2vec" in nlp.pipe_names and not _listeners(nlp.get_pipe("tok2vec")):
        nlp.remove_pipe("tok2vec")
    return nlp


def _listeners(component: object) -> list[str]:
    """The components that read a shared ``tok2vec`` (none: nothing needs it)."""
    return list(getattr(component, "listening_components", ["unknown"]))


def _model_path(model_name: str) -> Path:
    path = Path(model_name)
    return path if path.is_dir() else spacy.util.get_package_path(model_name)


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """Split on paragraph boundaries into pieces of at most ``limit`` chars (with offsets)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            end = _cut_point(text, start, end)
        yield start, text[start:end]
        start = end


def _cut_point(text: str, start: int, end: int) -> int:
    window = text[start:end]
    for rx in (_PARAGRAPH, _NEWLINE, _SPACE):
        ends = [m.end() for m in rx.finditer(window)]
        if ends and ends[-1] > len(window) // 2:
            return start + ends[-1]
    return end


def _ner_view(chunk: str) -> str:
    """Mostly upper-case text confuses NER: give it a title-cased copy with the same offsets."""
    letters = [ch for ch in chunk if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    if not letters or upper < 0.6 * len(letters):
        return chunk
    return _WORD.sub(_title_word, chunk)


def _title_word(m: re.Match[str]) -> str:
    word = m.group()
    titled = word[:1].upper() + word[1:].lower()
    return titled if len(titled) == len(word) else word


def _findings(doc: spacy.tokens.Doc, chunk: str, offset: int) -> Iterator[Finding]:
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _first_segment(chunk, ent.start_char, ent.end_char)
        if end > start and _keep(label, chunk[start:end]):
            yield Finding(offset + start, offset + end, label, 0.85, f"ner:{ent.label_}")


def _first_segment(chunk: str, start: int, end: int) -> tuple[int, int]:
    """Entities do not cross lines, tabs or column gaps: keep the first stripped segment."""
    seg = _SEGMENT.search(chunk, start, end)
    if seg is None:
        return start, start
    return seg.start(), seg.end()


def _keep(label: str, text: str) -> bool:
    """Anchored dates only (not durations or bare years); no bare acronyms or number-led names."""
    if label == "DATE":
        return bool(_DATE_ANCHOR.search(text))
    if not any(ch.isalpha() for ch in text) or (label != "ADDRESS" and _DIGITS.search(text)):
        return False
    if text[:1].islower():
        return False  # names are capitalised; lower-case hits are drugs and common nouns
    acronym = len(text) <= 4 and text.isupper() and " " not in text
    return label == "PERSON" or not acronym
