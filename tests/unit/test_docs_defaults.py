"""Every setting default the README's settings table writes is the code's default, and
every ``SEALROOM_`` variable the docs name is a setting or one the settings check accepts
(each of those named in the README)."""

from __future__ import annotations

import json
import re

import pytest

from config.settings import Settings
from config.validation import OTHER_VARIABLES, setting_variables
from tests.unit.docs_text import DOCS, text_of

# --- setting defaults --------------------------------------------------------------------
UNITS = {"KiB": 1024, "MiB": 1024**2, "GiB": 1024**3, "M": 10**6}


def readme_defaults() -> list[tuple[str, str]]:
    """(setting, default as the README's settings table writes it) for every row."""
    found = []
    for row in text_of("README.md").splitlines():
        if row.startswith("| `SEALROOM_"):
            first, default = [c.strip() for c in row.strip("|").split("|")][:2]
            names = re.findall(r"`SEALROOM_(\w+)`", first)
            defaults = [d.strip() for d in re.split(r",\s*(?![^{]*})", default)]
            defaults = defaults if len(defaults) == len(names) else defaults[:1] * len(names)
            found += list(zip((n.lower() for n in names), defaults, strict=True))
    return found


def default_mistake(written: str, real: object) -> str:
    """'' when the README's default is the code's; derived defaults (a path under
    ``$HOME``, "AWS") are not compared, only that the code leaves them unset."""
    literal = re.fullmatch(r"`([^`]*)`(?: \(.*\))?", written)
    sized = re.fullmatch(r"(\d+) (KiB|MiB|GiB|M)", written)
    if written.startswith("none") or real is None:
        ok = real is None
    elif sized:
        ok = real == int(sized.group(1)) * UNITS[sized.group(2)]
    elif literal:
        ok = literal.group(1) in (str(real), json.dumps(real, default=str), str(real).lower())
        ok = ok or (isinstance(real, float) and float(literal.group(1)) == real)
    else:
        return f"cannot read {written!r}"
    return "" if ok else f"README says {written}, the code {real!r}"


@pytest.mark.parametrize(("name", "written"), readme_defaults())
def test_every_setting_default_in_the_readme_is_the_code_default(name: str, written: str) -> None:
    real = Settings.model_fields[name].get_default(call_default_factory=True, validated_data={})
    assert default_mistake(written, real) == ""


@pytest.mark.parametrize(
    ("written", "real", "ok"),
    [
        ("`150`", 150, True),
        ("`151`", 150, False),
        ("`120`", 120.0, True),
        ("256 MiB", 256 * 1024**2, True),
        ("60 M", 60_000_000, True),
        ("1 GiB", 1024**2, False),
        ("`false`", False, True),
        ('`{"medical": "medical"}`', {"medical": "medical"}, True),
        ("none", None, True),
        ("none", "x", False),
        ("`$HOME/vault`", None, True),
        ("`0` (all cores)", 0, True),
    ],
)
def test_the_default_checker_knows_right_from_wrong(written: str, real: object, ok: bool) -> None:
    assert (default_mistake(written, real) == "") is ok


# --- every SEALROOM_ variable named is one the settings check accepts -------------------
@pytest.mark.parametrize("doc", DOCS)
def test_every_variable_named_is_a_setting_or_one_the_check_accepts(doc: str) -> None:
    named = set(re.findall(r"\bSEALROOM_[A-Z0-9_]*[A-Z0-9]\b", text_of(doc)))
    assert named - setting_variables() - set(OTHER_VARIABLES) == set()


@pytest.mark.parametrize("name", sorted(OTHER_VARIABLES))
def test_every_variable_the_check_accepts_besides_settings_is_in_the_readme(name: str) -> None:
    assert f"`{name}`" in text_of("README.md")
