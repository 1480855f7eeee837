"""The registry: every media type has a format, unknown ones are refused, reviewers get
text or PDF renditions."""

from __future__ import annotations

import pytest

from formats.ports import DocumentFormat, OpenContext
from formats.registry import build_registry
from models.document import MediaType
from models.errors import UnsupportedDocument

from .documents import docx, email, plain

PDF_SHOWN = {MediaType.PDF, MediaType.TIFF, MediaType.PNG, MediaType.JPEG}


def test_every_media_type_has_one_format_satisfying_the_port() -> None:
    registry = build_registry()
    for media in MediaType:
        fmt: DocumentFormat = registry.get(media)
        assert fmt.media_type is media
        shown = MediaType.PDF if media in PDF_SHOWN else MediaType.TEXT
        assert registry.rendition_type(media) is shown is fmt.rendition_type


def test_no_media_type_is_unsupported_with_the_document_id() -> None:
    with pytest.raises(UnsupportedDocument, match=r"SR-DOC-001 .*\[doc-9\]"):
        build_registry().get(None, "doc-9")
    assert build_registry().rendition_type(None) is None


def test_text_of_reads_any_supported_content() -> None:
    registry, ctx = build_registry(), OpenContext("doc-1")
    assert registry.text_of(docx([plain("hello")]), ctx) == "hello"
    assert registry.text_of(b"plain", ctx) == "plain"
    assert "Subject: Follow-up" in registry.text_of(email("body"), ctx)
    with pytest.raises(UnsupportedDocument):
        registry.text_of(b"\x00\x01", ctx)
