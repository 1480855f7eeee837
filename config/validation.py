"""Settings checked the way an operator needs: typos are errors, bad values one line.

``sealroom.toml`` keys are checked by the model itself (``extra="forbid"``); environment
variables are checked here, because the environment holds other programs' variables too:
every ``SEALROOM_*`` variable must name a setting (or be one of ``OTHER_VARIABLES``).
Messages name the variable or key and the rule, never the value (it may be a secret).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping

from pydantic import ValidationError

from config.settings import Settings, _toml_path

PREFIX = "SEALROOM_"
OTHER_VARIABLES = {  # read by something other than Settings
    "SEALROOM_CONFIG": "the settings file (default sealroom.toml)",
    "SEALROOM_REPO": "the repository path on worker machines (prefect.yaml)",
    "SEALROOM_REVIEWER": "the reviewer id of `sealroom reviewer`",
    "SEALROOM_CHROMIUM": "tests: the Chromium binary for the browser tests",
    "SEALROOM_TEST_POSTGRES_URL": "tests: a running PostgreSQL server for `postgres` tests",
    "SEALROOM_REQUIRE_POSTGRES": "tests: fail instead of skipping when no PostgreSQL starts",
    "SEALROOM_SCREENSHOTS": "tests: folder the workbench browser tests save screenshots to",
}


class SettingsError(Exception):
    """One line for the operator."""


def setting_variables() -> set[str]:
    return {PREFIX + name.upper() for name in Settings.model_fields}


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    known = setting_variables() | set(OTHER_VARIABLES)
    return sorted(k for k in environ if k.startswith(PREFIX) and k not in known)


def _hint(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def describe(error: ValidationError) -> str:
    """The first problem: which variable or sealroom.toml key, and what is wrong."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else "?"
    if first["type"] == "extra_forbidden":
        known = {name for name in Settings.model_fields}
        return f"{_toml_path()}: unknown key {field!r}{_hint(field, known)}"
    more = f" (+{error.error_count() - 1} more)" if error.error_count() > 1 else ""
    where = f"{PREFIX}{field.upper()} / {_toml_path()} key {field!r}"
    return f"invalid setting {where}: {first['msg']}{more}"


def checked_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings, or ``SettingsError`` with one line naming the first problem."""
    env = os.environ if environ is None else environ
    unknown = unknown_variables(env)
    if unknown:
        known = setting_variables() | set(OTHER_VARIABLES)
        raise SettingsError(f"unknown variable {unknown[0]}{_hint(unknown[0], known)}")
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(describe(exc)) from None
    except tomllib.TOMLDecodeError as exc:  # its message is a position, not the content
        raise SettingsError(f"{_toml_path()}: not valid TOML: {exc}") from None
