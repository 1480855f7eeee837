"""A matter's sealed config: PDF passwords sealed in the vault, never printed."""

from __future__ import annotations

import pytest

from models.errors import ConfigError
from stages.matter_config import MatterConfig, add_pdf_password, load_matter_config
from stages.services import Services


def test_passwords_are_added_once_and_read_back(svc: Services) -> None:
    assert load_matter_config(svc) == MatterConfig()
    assert add_pdf_password(svc, "pw-1") == 1
    assert add_pdf_password(svc, "pw-1") == 1
    assert add_pdf_password(svc, "pw-2") == 2
    assert load_matter_config(svc).pdf_passwords == ("pw-1", "pw-2")
    assert "pw-1" not in repr(load_matter_config(svc))


@pytest.mark.parametrize("raw", [b"\xff", b"[]", b'{"pdf_passwords": [1]}', b"{"])
def test_a_damaged_config_is_refused(raw: bytes) -> None:
    with pytest.raises(ConfigError):
        MatterConfig.from_bytes(raw)
