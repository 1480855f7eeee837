"""The rejection record written back for a reviewer (``rejections/<batch>/<reviewer>.json``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

REJECTION_FORMAT = "sealroom.rejection/1"
MAX_REASON = 8000


class Rejection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = REJECTION_FORMAT
    batch_id: str
    reviewer: str
    reason: str = Field(max_length=MAX_REASON)
    rejected_at: datetime  # store clock
