"""Outlook .msg (an OLE compound file): recognised and refused with its own code.

``extract-msg`` reads these in pure Python, but nothing here can write one to test the
reading against, and an untested parser of hostile files is not shipped: the refusal
tells the operator to export the message as .eml, which is supported."""

from __future__ import annotations

from collections.abc import Sequence

from formats.ports import Note, OpenContext, Opened
from formats.textlike import TextRendition
from models.document import MediaType
from models.errors import OutlookMessageRefused


class OutlookMessageFormat(TextRendition):
    media_type = MediaType.MSG
    rendition_type = MediaType.TEXT
    takes_passwords = False
    deliverable_suffix: str | None = None

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        raise OutlookMessageRefused(ctx.ref)

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        return None
