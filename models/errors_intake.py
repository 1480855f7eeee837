"""Inbox entries refused at intake (``SR-INB-*``; recorded as ``inbox.refused``, never
read), and a file that changed while it was read (retried by the next run).
Re-exported by ``models.errors``.
"""

from __future__ import annotations

from models.errors_base import SealroomError


class EntryRefused(SealroomError):
    code = "SR-INB-000"
    summary = "inbox entry refused"


class SymlinkRefused(EntryRefused):
    code = "SR-INB-001"
    summary = "symbolic link: links are never followed"


class DanglingSymlink(EntryRefused):
    code = "SR-INB-002"
    summary = "dangling symbolic link"


class HiddenEntry(EntryRefused):
    code = "SR-INB-003"
    summary = "hidden file or folder (name starts with a dot)"


class EmptyEntry(EntryRefused):
    code = "SR-INB-004"
    summary = "zero-byte file"


class SpecialEntry(EntryRefused):
    code = "SR-INB-005"
    summary = "not a regular file (device, pipe or socket)"


class UnreadableEntry(EntryRefused):
    code = "SR-INB-006"
    summary = "entry cannot be read (permissions)"


class DuplicateEntry(EntryRefused):
    code = "SR-INB-007"
    summary = "same content as an ingested document"


class EntryChanged(SealroomError):
    code = "SR-INB-008"
    summary = "file changed while it was being read; retried by the next run"
    retryable = True  # the same read succeeds once the file stops changing
