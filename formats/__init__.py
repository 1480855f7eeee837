"""Document formats behind one seam: open with limits, extract text with page geometry,
locate spans, build a rendition, gate it, annotate the original for delivery.

``formats.ports.DocumentFormat`` is the contract; ``formats.registry.FormatRegistry``
picks the implementation by the media type sniffed from content (``formats.sniff``).
One module per format: ``text``, ``pdf``, ``docx``, ``eml``, ``image``, ``msg``.
"""
