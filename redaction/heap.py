"""glibc's heap around OCR reads: big buffers kept on the heap while a page is read, handed
back to the system as soon as they are freed at any other time.

glibc serves an allocation of at least the *mmap threshold* from its own mapping (returned
to the system on ``free``) and smaller ones from the heap (kept by the process for reuse).
The threshold starts at 128 KiB and, by default, rises to the size of every large mapped
block freed (up to 32 MiB). ONNX Runtime frees tensors of many MiB, so after one OCR read
the threshold sat at 32 MiB for the rest of the process: spaCy's arrays, the rendition's
page images and the reread texts then came from the heap, and what they freed stayed in
the process (profiled: detection over a 60-page scan kept 173 MiB after OCR, 21 MiB in a
process that had read no page; a 300-page scan's detection, refold and rendition build
rose 1.07 GiB above the RSS between reads).

So the threshold is fixed (which also ends glibc's adjusting it): high during a read,
where tensors are allocated and freed many times a page and a fresh mapping for each cost
4.5 times the CPU time in page faults (measured on 3 pages), and low again after it, with
the freed memory trimmed. Where the C library is not glibc, all of this does nothing. The
read itself runs on one OCR thread (`redaction.ocr_rapid`), whose buffers glibc takes from
that thread's own arena: the threshold alone did not keep the main heap whole (detection
after 8 pages of OCR still kept 166 MiB); the thread did (22 MiB, as without OCR).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

M_TRIM_THRESHOLD = -1  # mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
READING_MMAP = 32 << 20  # glibc's ceiling for the dynamic threshold: as after a read today
READING_TRIM = 2 * READING_MMAP  # as glibc sets it beside a raised threshold
RESTING_MMAP = 128 << 10  # glibc's initial threshold
RESTING_TRIM = 2 * RESTING_MMAP


def _libc_function(name: str) -> Callable[..., Any] | None:
    """A glibc function by name, or None where the C library has none (musl, macOS)."""
    library = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(library), name, None) if library else None


_MALLOPT = _libc_function("mallopt")
_MALLOC_TRIM = _libc_function("malloc_trim")


def _thresholds(mmap: int, trim: int) -> bool:
    """Set both thresholds; True when the C library took them."""
    if _MALLOPT is None:
        return False
    return bool(_MALLOPT(M_MMAP_THRESHOLD, mmap)) and bool(_MALLOPT(M_TRIM_THRESHOLD, trim))


def settle() -> bool:
    """Large blocks mapped (freed straight back) from now on; free heap memory handed back."""
    taken = _thresholds(RESTING_MMAP, RESTING_TRIM)
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
    return taken


@contextmanager
def reading() -> Iterator[None]:
    """Around one OCR read: large buffers reused on the heap inside, :func:`settle` after."""
    _thresholds(READING_MMAP, READING_TRIM)
    try:
        yield
    finally:
        settle()
