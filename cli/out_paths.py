"""Where ``sealroom redact --out`` writes, checked before any work: never over an input,
never two outputs onto one file."""

from __future__ import annotations

import os
from pathlib import Path


class UnsafeOutput(Exception):
    """One line for the user: why the outputs cannot be written safely."""


def output_paths(inputs: list[Path], out: Path) -> dict[Path, Path]:
    """input -> output (``out/<input's name>``), or ``UnsafeOutput``."""
    targets: dict[Path, Path] = {}
    seen: dict[Path, Path] = {}
    for path in inputs:
        target = out / path.name
        key = _identity(target)
        if key in seen and seen[key] != path:
            raise UnsafeOutput(
                f"refusing: {seen[key]} and {path} would both be written to {target}; "
                "redact them into different --out folders"
            )
        seen[key] = path
        targets[path] = target
    for path in inputs:
        clash = [t for t in targets.values() if _same_file(t, path)]
        if clash:
            raise UnsafeOutput(
                f"refusing: the output {clash[0]} would overwrite the input {path}; "
                "choose an --out folder that holds no input"
            )
    return targets


def _identity(path: Path) -> Path:
    return Path(os.path.normcase(os.path.realpath(path)))


def _same_file(a: Path, b: Path) -> bool:
    if _identity(a) == _identity(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
