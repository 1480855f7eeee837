"""An Outlook .msg's text with extract-msg (olefile underneath), laid out like an e-mail's:
the headers a person reads, a blank line, the body (HTML reduced to text when there is no
plain body), then one page per attachment read through the format registry; an attached
Outlook message is read the same way, up to the nesting limit. Items that are not plain
messages (calendar, contact, task, signed or encrypted) and attachments of other kinds
are refused; library errors on a damaged file become ``CorruptDocument``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import extract_msg
from extract_msg.enums import AttachmentType
from extract_msg.exceptions import ExMsgBaseException

from formats.eml_read import html_text
from models.errors import AttachmentRefused, CorruptDocument, DocumentError, OutlookMessageRefused

ReadAttachment = Callable[[bytes, int], str]  # (bytes, depth) -> text
_LIBRARY = (
    ExMsgBaseException,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
)


def open_message(data: bytes, ref: str) -> Any:
    try:
        message = extract_msg.openMsg(data)
    except _LIBRARY as exc:
        raise CorruptDocument(ref, "unreadable Outlook message") from exc
    if type(message).__name__ != "Message":
        message.close()
        raise OutlookMessageRefused(ref)
    return message


def message_pages(message: Any, read: ReadAttachment, depth: int, ref: str) -> list[str]:
    """Headers and body, then one page per attachment."""
    try:
        fields = [
            ("From", message.sender),
            ("To", message.to),
            ("Cc", message.cc),
            ("Date", message.date),
            ("Subject", message.subject),
        ]
        header = "\n".join(f"{name}: {value}" for name, value in fields if value)
        body = message.body or _html(message.htmlBody)
        attachments = list(message.attachments)
    except _LIBRARY as exc:
        raise CorruptDocument(ref, "unreadable Outlook message") from exc
    main = header + "\n\n" + body.replace("\r\n", "\n").replace("\f", "\n").strip("\n")
    return [main, *(_attachment(a, read, depth, ref) for a in attachments)]


def _html(raw: bytes | None) -> str:
    return html_text(raw.decode("utf-8", "replace")) if raw else ""


def _attachment(attachment: Any, read: ReadAttachment, depth: int, ref: str) -> str:
    try:
        if attachment.type is AttachmentType.MSG:
            read(b"", depth + 1)  # counts it and checks the nesting limit
            text = "\n".join(message_pages(attachment.data, read, depth + 1, ref))
            return "[attachment: Outlook message]\n" + text.replace("\f", "\n")
        if attachment.type is not AttachmentType.DATA:
            raise AttachmentRefused(ref, "attachment of an unsupported kind")
        text = read(bytes(attachment.data or b""), depth + 1)
    except AttachmentRefused:
        raise
    except DocumentError as exc:
        raise AttachmentRefused(ref, f"attachment refused: {exc.code}") from exc
    return "[attachment]\n" + text.replace("\f", "\n")
