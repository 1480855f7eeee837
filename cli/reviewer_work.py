"""A reviewer's work file (``{"annotations": [...], "verdicts": [...]}``), read with one plain
line per problem (the check itself is ``review.pulled.check_work``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.errors import WorkFileError


def load_work(path: Path) -> dict[str, list[Any]]:
    """The work file's annotations and verdicts; ``WorkFileError`` with one line otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise WorkFileError(str(path), "no such work file") from None
    except OSError as exc:
        raise WorkFileError(str(path), f"cannot read the work file ({exc.strerror})") from None
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise WorkFileError(str(path), "the work file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise WorkFileError(str(path), f"the work file is not valid JSON ({where})") from None
    return _shape(path, body)


def _shape(path: Path, body: object) -> dict[str, list[Any]]:
    if not isinstance(body, dict):
        kind = "an array" if isinstance(body, list) else f"a JSON {type(body).__name__}"
        expected = 'a JSON object {"annotations": [...], "verdicts": [...]}'
        raise WorkFileError(str(path), f"expected {expected}, found {kind}")
    work: dict[str, list[Any]] = {}
    for field in ("annotations", "verdicts"):
        value = body.get(field, [])
        if not isinstance(value, list):
            raise WorkFileError(str(path), f'"{field}" must be a JSON array')
        work[field] = value
    return work
