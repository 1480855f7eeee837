"""Key scopes: one matter of one tenant, opaque ids only."""

from __future__ import annotations

import pytest

from models.vault_ref import Purpose, VaultRef
from vault.key_provider import KeyScope


def test_scope_of_a_ref_and_its_name() -> None:
    scope = KeyScope.of(VaultRef("t1", "m1", "doc-1", Purpose.ORIGINAL))
    assert scope == KeyScope("t1", "m1") and str(scope) == "t1/m1"


@pytest.mark.parametrize(("tenant", "matter"), [("t1", "../m"), ("", "m1"), ("t 1", "m1")])
def test_bad_ids_are_refused(tenant: str, matter: str) -> None:
    with pytest.raises(ValueError, match="invalid"):
        KeyScope(tenant, matter)
