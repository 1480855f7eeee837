"""The formats by media type. Stages, the CLI and reassembly ask the registry, never
branch on a media type themselves; a type without a format is ``UnsupportedDocument``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from formats.build import open_safely
from formats.docx import DocxFormat
from formats.eml import EmailFormat
from formats.image import ImageFormat
from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.msg import OutlookMessageFormat
from formats.pdf import PdfFormat
from formats.ports import DocumentFormat, OpenContext
from formats.sniff import HEAD_BYTES, sniff
from formats.text import TextFormat
from models.document import MediaType
from models.errors import UnsupportedDocument
from redaction import pdf
from redaction.text_codec import sniff as text_sniff

IMAGE_TYPES = (MediaType.TIFF, MediaType.PNG, MediaType.JPEG)


class FormatRegistry:
    def __init__(self, formats: Iterable[DocumentFormat]) -> None:
        self._formats = {fmt.media_type: fmt for fmt in formats}

    def add(self, fmt: DocumentFormat) -> None:
        self._formats[fmt.media_type] = fmt

    def __iter__(self) -> Iterator[DocumentFormat]:
        return iter(self._formats.values())

    def get(self, media_type: MediaType | None, ref: str = "") -> DocumentFormat:
        fmt = self._formats.get(media_type) if media_type is not None else None
        if fmt is None:
            raise UnsupportedDocument(ref)
        return fmt

    def rendition_type(self, media_type: MediaType | None) -> MediaType | None:
        fmt = self._formats.get(media_type) if media_type is not None else None
        return fmt.rendition_type if fmt is not None else None

    def text_of(self, data: bytes, ctx: OpenContext, depth: int = 0) -> str:
        """The detection text of any supported content (e-mail attachments)."""
        media = sniff_bytes(data)
        fmt = self.get(media, ctx.ref)
        if isinstance(fmt, EmailFormat):
            return "\n".join(fmt.pages(data, ctx, depth))
        return open_safely(fmt, data, ctx).text


def sniff_bytes(data: bytes) -> MediaType | None:
    """The media type of a whole content held in memory."""
    return sniff(data[:HEAD_BYTES], text_sniff(data)[0])


def build_registry(
    engine: pdf.PdfEngine | None = None, limits: FormatLimits = DEFAULT_FORMAT_LIMITS
) -> FormatRegistry:
    pdf_format = PdfFormat(engine)
    registry = FormatRegistry([TextFormat(), pdf_format, DocxFormat(limits)])
    registry.add(EmailFormat(registry.text_of, limits))
    registry.add(OutlookMessageFormat(registry.text_of, limits))
    for media in IMAGE_TYPES:
        registry.add(ImageFormat(media, pdf_format, limits))
    return registry
