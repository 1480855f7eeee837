"""Outlook .msg: recognised by content and refused with its own code."""

from __future__ import annotations

import pytest

from formats.msg import OutlookMessageFormat
from formats.ports import OpenContext
from formats.registry import sniff_bytes
from models.document import MediaType
from models.errors import OutlookMessageRefused

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def test_refused_with_its_code_and_the_document_id() -> None:
    assert sniff_bytes(OLE) is MediaType.MSG
    with pytest.raises(OutlookMessageRefused) as caught:
        OutlookMessageFormat().open(OLE, OpenContext("doc-m"))
    assert (
        str(caught.value)
        == "SR-DOC-042 Outlook .msg is not supported; export the message as .eml [doc-m]"
    )
