"""E-mail: headers and bodies, attachments read by their own formats (a family of one
message), refusals with their own code."""

from __future__ import annotations

import pytest

from formats.build import build_rendition
from formats.limits import FormatLimits
from formats.ports import OpenContext
from formats.registry import build_registry
from models.document import MediaType
from models.errors import AttachmentRefused

from .conftest import NAME, PLANTED
from .documents import docx, email, plain

CTX = OpenContext("doc-e")


@pytest.fixture(scope="module")
def eml():
    return build_registry().get(MediaType.EML)


def test_headers_body_and_html_alternative(eml) -> None:
    data = email(f"Dear {NAME},\nsee you.", html=f"<p>Dear <b>{NAME}</b></p><script>x()</script>")
    opened = eml.open(data, CTX)
    head, _, body = opened.text.partition("\n\n")
    assert head.splitlines()[0] == "From: Clinic Desk <desk@clinic.example>"
    assert "Subject: Follow-up" in head
    assert f"Dear {NAME}," in body and "x()" not in body
    assert opened.pages == 1


def test_attachments_become_pages_read_by_their_formats(eml) -> None:
    word = docx([plain(f"Letter for {NAME}")])
    inner = email(f"Forwarded: phone {PLANTED[2]}", subject="inner")
    text = f"notes about {PLANTED[1]}".encode()
    attachments = [
        (word, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (text, "text", "plain"),
    ]
    data = email("see attached", attachments=attachments)
    from email import message_from_bytes, policy

    outer = message_from_bytes(data, policy=policy.default)
    outer.add_attachment(message_from_bytes(inner, policy=policy.default))  # type: ignore[arg-type]
    opened = eml.open(outer.as_bytes(), CTX)
    pages = opened.text.split("\f")
    assert len(pages) == 4
    assert pages[1].startswith("[attachment: application/vnd.openxmlformats") and NAME in pages[1]
    assert pages[2] == f"[attachment: text/plain]\nnotes about {PLANTED[1]}"
    assert pages[3].startswith("[attachment: message/rfc822]") and PLANTED[2] in pages[3]
    assert "part1" not in opened.text  # attachment file names are not copied


def test_a_family_is_redacted_as_one_rendition(eml, planted_detector) -> None:
    data = email(f"To {NAME}", attachments=[(f"mail {PLANTED[1]}".encode(), "text", "plain")])
    rendition, problems = build_rendition(eml, planted_detector, data, CTX)
    assert problems == [] and rendition.pages == 2
    assert not [v for v in PLANTED if v in rendition.data.decode()]


REFUSALS = [
    ("unknown attachment type", [(b"\x00\x01binary", "application", "octet-stream")], None),
    (
        "Outlook attachment",
        [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8), "application", "x")],
        None,
    ),
    ("too many attachments", [(b"x", "text", "plain")] * 3, FormatLimits(max_attachments=2)),
]


@pytest.mark.parametrize(("case", "attachments", "limits"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_attachments_that_cannot_be_read_refuse_the_message(case, attachments, limits) -> None:
    registry = build_registry(limits=limits) if limits else build_registry()
    with pytest.raises(AttachmentRefused) as caught:
        registry.get(MediaType.EML).open(email("body", attachments=attachments), CTX)
    assert caught.value.code == "SR-DOC-041" and "doc-e" in str(caught.value)


def test_messages_nested_past_the_limit_are_refused() -> None:
    from email import message_from_bytes, policy

    registry = build_registry(limits=FormatLimits(max_depth=1))
    data = email("innermost")
    for _ in range(3):
        outer = message_from_bytes(email("wrapper"), policy=policy.default)
        outer.add_attachment(message_from_bytes(data, policy=policy.default))  # type: ignore[arg-type]
        data = outer.as_bytes()
    with pytest.raises(AttachmentRefused):
        registry.get(MediaType.EML).open(data, CTX)


def test_headers_a_person_reads_are_kept_in_order_and_plumbing_is_left_out(eml) -> None:
    data = (
        b"Received: from mx.example\nFrom: a@b.example\nSent: Monday 9:14 AM\n"
        b"X-Mailer: Thing 1.0\nTo: c@d.example\nMessage-ID: <1@b>\nSubject: Re: dates\n\nhi\n"
    )
    head = eml.open(data, CTX).text.split("\n\n")[0]
    assert head.splitlines() == [
        "From: a@b.example",
        "Sent: Monday 9:14 AM",
        "To: c@d.example",
        "Subject: Re: dates",
    ]
