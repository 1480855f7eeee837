"""The base of every ledger payload (``models.events``): a frozen pydantic model that
refuses unknown fields on write and dumps exactly the fields its writer set."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from models.audit import Action


class Payload(BaseModel):
    """Base of every ledger payload; ``action`` names the event it belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # a misspelt field fails the write
    action: ClassVar[Action]

    def details(self) -> dict[str, Any]:
        """The JSON object stored as the event's ``details`` (fields the writer set)."""
        return self.model_dump(mode="json", exclude_unset=True)
