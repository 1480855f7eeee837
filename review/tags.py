"""Routing tags from the inbox layout, without PII.

Below the kind folder (``legal/``, ``medical/``), a folder whose name is a tag of the
routing table (e.g. ``oncology``, ``urgent``) sets the document's specialty or
priority. The deepest other folder makes the files directly in it one *family*
(e.g. an e-mail and its attachments): the family id is the document id of its first
file, so no folder name (which may be PII) is ever recorded.
"""

from __future__ import annotations

from review.routing import RoutingTable


class InboxTagger:
    """Feed it inbox files in sorted order; it returns each file's tags."""

    def __init__(self, table: RoutingTable | None) -> None:
        self._table = table or RoutingTable()
        self._families: dict[tuple[str, ...], str] = {}

    def tags(self, rel_parts: tuple[str, ...], doc_id: str) -> dict[str, str]:
        """Tags for the file at ``rel_parts`` (relative to the inbox) with id ``doc_id``."""
        folders = rel_parts[1:-1] if len(rel_parts) > 2 else ()
        found: dict[str, str] = {}
        family_folder: tuple[str, ...] | None = None
        for depth, folder in enumerate(folders):
            tag = self._table.tag(folder)
            if tag is not None:
                found.setdefault(tag[0], tag[1])
            else:
                family_folder = rel_parts[: depth + 2]
        if family_folder is not None:
            found["family"] = self._families.setdefault(family_folder, doc_id)
        return found
