"""Outlook .msg (built in the test with msgforge, read with extract-msg): headers, body and
attachments as one family's text, refusals with their own codes."""

from __future__ import annotations

from datetime import datetime

import pytest
from msgforge import Message

from formats.build import build_rendition, open_safely
from formats.limits import FormatLimits
from formats.ports import OpenContext
from formats.registry import build_registry, sniff_bytes
from models.document import MediaType
from models.errors import AttachmentRefused, CorruptDocument

from .conftest import NAME, PLANTED
from .documents import word_file

CTX = OpenContext("doc-m")


def outlook(
    body: str,
    attachments: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
    html: str = "",
    sent: datetime | None = datetime(2026, 3, 2, 10, 0),
) -> bytes:
    message = Message(
        subject=f"Re: {NAME}",
        text_body=body,
        html_body=html,
        to=[("records@firm.example", "Records")],
        sender=("desk@clinic.example", "Clinic Desk"),
        sent=sent or False,
    )
    for name, data in attachments:
        message.attach_bytes(name, data)
    return message.as_bytes()


@pytest.fixture(scope="module")
def fmt():
    return build_registry().get(MediaType.MSG)


def test_headers_body_and_attachments(fmt) -> None:
    data = outlook(
        f"Call {PLANTED[2]}.",
        [("a.docx", word_file([f"Letter for {NAME}"])), ("b.txt", PLANTED[1].encode())],
    )
    assert sniff_bytes(data) is MediaType.MSG
    pages = fmt.open(data, CTX).text.split("\f")
    head, _, body = pages[0].partition("\n\n")
    assert head.splitlines()[0] == "From: Clinic Desk <desk@clinic.example>"
    assert f"Subject: Re: {NAME}" in head and "To: Records <records@firm.example>" in head
    assert body == f"Call {PLANTED[2]}."
    assert pages[1:] == [f"[attachment]\nLetter for {NAME}", f"[attachment]\n{PLANTED[1]}"]


def test_an_html_only_message_is_read_as_text(fmt) -> None:
    data = outlook("", html=f"<p>Dear <b>{NAME}</b></p>")
    assert f"Dear {NAME}" in fmt.open(data, CTX).text


def test_a_message_attached_to_a_message_is_read_too(fmt) -> None:
    inner = outlook(f"inner note on {PLANTED[1]}")
    text = fmt.open(outlook("outer", [("fwd.msg", inner)]), CTX).text
    assert PLANTED[1] in text.split("\f")[1]


def test_the_rendition_holds_no_planted_value(fmt, planted_detector) -> None:
    data = outlook(f"Call {PLANTED[2]}", [("b.txt", PLANTED[1].encode())], sent=None)
    rendition, problems = build_rendition(fmt, planted_detector, data, CTX)
    assert problems == []
    assert not [v for v in PLANTED if v in rendition.data.decode()]


def test_unreadable_attachments_and_damage_are_refused() -> None:
    registry = build_registry(limits=FormatLimits(max_attachments=1))
    msg = registry.get(MediaType.MSG)
    with pytest.raises(AttachmentRefused, match="SR-DOC-041"):
        msg.open(outlook("x", [("a.bin", b"\x00\x01binary")]), CTX)
    with pytest.raises(AttachmentRefused):
        msg.open(outlook("x", [("a.txt", b"1"), ("b.txt", b"2")]), CTX)
    with pytest.raises(CorruptDocument, match=r"\[doc-m\]"):
        open_safely(msg, outlook("x")[:1500], CTX)


@pytest.mark.parametrize("library", ["extract_msg", "olefile", "docx"])
def test_the_readers_logs_never_carry_document_text(library: str, caplog) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    logging.getLogger(f"{library}.inner").warning("cannot decode %s", NAME)
    assert NAME not in caplog.text
