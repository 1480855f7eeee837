"""An e-mail's text with the standard library's ``email`` package.

The text is the message's headers as a person reads them (From, To, Cc, Date, Subject and
any others, in order; transport and MIME headers left out), a blank line and its text
bodies (HTML reduced to its text), then one page per attachment holding the
attachment's own text, read through the format registry (a message inside a message the
same way, up to a nesting limit). An attachment whose type has no format, or past the
count or nesting limits, refuses the whole message (``AttachmentRefused``): a family is
sent complete or not at all. Attachment file names are not copied into the text.
"""

from __future__ import annotations

from collections.abc import Callable
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from html.parser import HTMLParser

from models.errors import AttachmentRefused, DocumentError

TECHNICAL = (
    "received",
    "return-path",
    "dkim-",
    "arc-",
    "authentication-results",
    "x-",
    "message-id",
    "mime-version",
    "content-",
    "references",
    "in-reply-to",
    "thread-",
)
ReadAttachment = Callable[[bytes, int], str]  # (bytes, depth) -> text


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def message_text(message: EmailMessage, read: ReadAttachment, depth: int, ref: str) -> list[str]:
    """The message as pages: headers and bodies first, then one page per attachment."""
    header = "\n".join(f"{name}: {value}" for name, value in message.items() if _shown(name))
    bodies: list[str] = []
    attachments: list[str] = []
    for part in leaves(message):
        if _is_body(part):
            bodies.append(_body_text(part))
        else:
            attachments.append(_attachment(part, read, depth, ref))
    main = header + "\n\n" + "\n\n".join(b.strip("\n") for b in bodies)
    return [main, *attachments]


def _shown(name: str) -> bool:
    """Every header a person reads (From, To, Cc, Sent, Date, Subject, ...); transport and
    MIME plumbing left out."""
    return not name.lower().startswith(TECHNICAL)


def leaves(message: Message) -> list[Message]:
    """The message's non-multipart parts in order; an attached message is one leaf (its
    own parts are its own family member's, not this message's bodies)."""
    if message.get_content_type() == "message/rfc822" or not message.is_multipart():
        return [message]
    payload = message.get_payload()
    parts = payload if isinstance(payload, list) else []
    return [leaf for part in parts if isinstance(part, Message) for leaf in leaves(part)]


def _is_body(part: Message) -> bool:
    inline = part.get_content_disposition() in (None, "inline") and part.get_filename() is None
    return inline and part.get_content_type() in ("text/plain", "text/html")


def _body_text(part: Message) -> str:
    raw = part.get_payload(decode=True)
    payload = raw if isinstance(raw, bytes) else b""
    charset = part.get_content_charset() or "utf-8"
    try:
        text = payload.decode(charset, "replace")
    except LookupError:  # an unknown charset name: read it as Latin-1, nothing dropped
        text = payload.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    return html_text(text) if part.get_content_type() == "text/html" else text


def _attachment(part: Message, read: ReadAttachment, depth: int, ref: str) -> str:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        data = inner.as_bytes() if isinstance(inner, Message) else b""
    else:
        raw = part.get_payload(decode=True)
        data = raw if isinstance(raw, bytes) else b""
    try:
        text = read(data, depth + 1)
    except DocumentError as exc:
        raise AttachmentRefused(ref, f"attachment refused: {exc.code}") from exc
    return f"[attachment: {part.get_content_type()}]\n" + text.replace("\f", "\n")


class _TextOnly(HTMLParser):
    BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
