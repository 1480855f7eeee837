"""C2SP signed notes and tlog checkpoints (https://c2sp.org/signed-note,
https://c2sp.org/tlog-checkpoint): text only, no cryptography.

A checkpoint body is three lines: the origin, the tree size in decimal and the base64
root hash (here: the head event's hash), each ending in a newline. A signed note is the
body, a blank line, then one or more signature lines ``— <key name> <base64(key id ||
signature)>`` where the key id is 4 bytes. The signature covers the body only.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from models.errors import LedgerIntegrityError

DASH = "\u2014 "
MAX_NOTE_BYTES = 64 * 1024
MAX_SIGNATURES = 100
_NAME = re.compile(r"^[^\s+]+$")
_SIZE = re.compile(r"^(0|[1-9][0-9]{0,18})$")


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_hash: bytes  # the 4-byte key id
    signature: bytes

    def line(self) -> str:
        blob = base64.b64encode(self.key_hash + self.signature).decode("ascii")
        return f"{DASH}{self.name} {blob}\n"


def valid_name(name: str) -> bool:
    """A key name: non-empty, no whitespace, no ``+``."""
    return bool(_NAME.match(name))


def checkpoint_body(origin: str, tree_size: int, root: bytes) -> str:
    if not valid_name(origin) or tree_size < 0:
        raise ValueError("invalid checkpoint origin or size")
    return f"{origin}\n{tree_size}\n{base64.b64encode(root).decode('ascii')}\n"


def parse_body(body: str, ref: str = "") -> tuple[str, int, bytes]:
    """(origin, tree size, root hash) of a checkpoint body; extension lines are ignored."""
    lines = body.split("\n")
    if len(lines) < 4 or lines[-1] != "" or not _SIZE.match(lines[1]):
        raise LedgerIntegrityError(ref, "unreadable checkpoint")
    try:
        root = base64.b64decode(lines[2], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise LedgerIntegrityError(ref, "unreadable checkpoint") from exc
    if not lines[0] or len(root) != 32:
        raise LedgerIntegrityError(ref, "unreadable checkpoint")
    return lines[0], int(lines[1]), root


def signed_note(body: str, signatures: list[NoteSignature]) -> str:
    return body + "\n" + "".join(s.line() for s in signatures)


def parse_note(text: str, ref: str = "") -> tuple[str, list[NoteSignature]]:
    """(body, signatures) of a signed note; anything malformed raises."""
    if len(text.encode("utf-8")) > MAX_NOTE_BYTES or any(ord(c) < 0x20 and c != "\n" for c in text):
        raise LedgerIntegrityError(ref, "unreadable checkpoint")
    cut = text.rfind("\n\n")
    if cut < 0 or not text.endswith("\n"):
        raise LedgerIntegrityError(ref, "unreadable checkpoint")
    body, sig_lines = text[: cut + 1], text[cut + 2 :].splitlines()
    if not sig_lines or len(sig_lines) > MAX_SIGNATURES:
        raise LedgerIntegrityError(ref, "unreadable checkpoint")
    return body, [_signature(line, ref) for line in sig_lines]


def _signature(line: str, ref: str) -> NoteSignature:
    parts = line[len(DASH) :].split(" ") if line.startswith(DASH) else []
    if len(parts) != 2 or not valid_name(parts[0]):
        raise LedgerIntegrityError(ref, "unreadable checkpoint signature")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise LedgerIntegrityError(ref, "unreadable checkpoint signature") from exc
    if len(blob) < 5:
        raise LedgerIntegrityError(ref, "unreadable checkpoint signature")
    return NoteSignature(parts[0], blob[:4], blob[4:])
