"""Settings grouped by concern: the groups partition the settings (each defined in exactly
one), the flat names operators use are unchanged, and each group view carries the values."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from config.groups import GROUPS, PdfSettings, QueueSettings
from config.settings import Settings


def test_every_setting_is_defined_in_exactly_one_group() -> None:
    owners: dict[str, list[str]] = {}
    for concern, model in GROUPS.items():
        for name in model.model_fields:
            owners.setdefault(name, []).append(concern)
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
    assert set(owners) == set(Settings.model_fields)  # nothing defined outside a group
    assert set(vars(Settings).get("__annotations__", {})) == set()  # Settings defines none


def test_group_views_carry_the_values_from_every_source(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sealroom.toml").write_text('queue = "from-toml"\n')
    monkeypatch.setenv("SEALROOM_PDF_MAX_PAGES", "7")  # the flat variable name operators use
    settings = Settings(matter="m-1")
    assert settings.pdf_max_pages == 7 and settings.pdf == PdfSettings(pdf_max_pages=7)
    assert settings.queues == QueueSettings(queue="from-toml")
    assert settings.core.matter == "m-1"
    for concern, model in GROUPS.items():
        view = getattr(settings, concern)
        assert isinstance(view, model)
        assert view.model_dump() == {n: getattr(settings, n) for n in model.model_fields}


def test_views_are_read_only_and_checked_like_the_settings() -> None:
    view = Settings().pdf
    with pytest.raises(ValidationError):
        view.pdf_dpi = 300  # type: ignore[misc]
    with pytest.raises(ValidationError):
        PdfSettings(pdf_dpi=5)  # below the minimum, as SEALROOM_PDF_DPI=5 would be
    with pytest.raises(ValidationError):
        Settings(pdf_dpi=5)


def test_a_copy_with_a_flat_update_updates_its_group_view() -> None:
    chosen = Settings().model_copy(update={"matter": "m-2", "ledger_url": "sqlite://"})
    assert (chosen.core.matter, chosen.audit.ledger_url, chosen.ledger) == (
        "m-2",
        "sqlite://",
        "sqlite://",
    )
