"""Documents the format tests build in code: Word packages (raw WordprocessingML in a
ZIP), e-mails (the standard library's EmailMessage), page images (Pillow).
Every name and number here is made up for these tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from email.message import EmailMessage

from PIL import Image, ImageDraw, ImageFont

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def plain(text: str) -> str:
    return paragraph(_run(text))


def tracked(kept: str, inserted: str, deleted: str) -> str:
    """A paragraph with a tracked insertion and a tracked deletion."""
    ins = f'<w:ins w:id="1" w:author="x">{_run(inserted)}</w:ins>'
    dele = f'<w:del w:id="2" w:author="x"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'
    return paragraph(_run(kept), ins, dele)


def table(rows: Sequence[Sequence[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{plain(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def _part(root: str, body: str) -> bytes:
    return f'<?xml version="1.0"?><w:{root} xmlns:w="{W_NS}">{body}</w:{root}>'.encode()


def docx(
    body: Sequence[str],
    header: str = "",
    footnote: str = "",
    comment: str = "",
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A Word package: body blocks (``plain``/``tracked``/``table``) and optional parts."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "word/document.xml": _part("document", "<w:body>" + "".join(body) + "</w:body>"),
    }
    if header:
        parts["word/header1.xml"] = _part("hdr", plain(header))
    if footnote:
        parts["word/footnotes.xml"] = _part(
            "footnotes", f"<w:footnote>{plain(footnote)}</w:footnote>"
        )
    if comment:
        parts["word/comments.xml"] = _part("comments", f"<w:comment>{plain(comment)}</w:comment>")
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def word_file(lines: Sequence[str], rows: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word file as Word writes them (python-docx's template: relationships, styles)."""
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def email(
    body: str,
    subject: str = "Follow-up",
    attachments: Sequence[tuple[bytes, str, str]] = (),
    html: str = "",
) -> bytes:
    """An e-mail; attachments are (bytes, maintype, subtype)."""
    message = EmailMessage()
    message["From"] = "Clinic Desk <desk@clinic.example>"
    message["To"] = "Records <records@firm.example>"
    message["Date"] = "Mon, 02 Mar 2026 10:00:00 +0000"
    message["Subject"] = subject
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    for index, (data, main, sub) in enumerate(attachments, start=1):
        message.add_attachment(data, maintype=main, subtype=sub, filename=f"part{index}.{sub}")
    return message.as_bytes()


def text_image(lines: Sequence[str], size: tuple[int, int] = (1200, 500)) -> Image.Image:
    """Black text on white at about 200 dpi (Pillow's bundled font, 36 px)."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    for row, line in enumerate(lines):
        draw.text((60, 60 + row * 70), line, fill=0, font=font)
    return image


def encode_image(pages: Sequence[Image.Image], kind: str) -> bytes:
    buffer = io.BytesIO()
    first, rest = pages[0], list(pages[1:])
    options = {"save_all": True, "append_images": rest} if rest else {}
    first.save(buffer, kind, dpi=(200, 200), **options)
    return buffer.getvalue()
