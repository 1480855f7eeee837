"""Vault throughput and memory: seal/open MB/s next to raw AES-GCM, peak RSS while streaming.

    .venv/bin/python bench/bench_vault.py [--quick]

Prints, for 1 KiB, 1 MiB and 100 MiB objects: Sealer seal/open MB/s (AWS
Encryption SDK, key-committing suite, local keyring) and raw AES-256-GCM from
``cryptography`` on the same bytes in the same run (the practical ceiling);
frame-size comparison; then, in a child process, the peak RSS above baseline
while ``Vault.put_stream`` seals a 100 MiB file and ``open_stream`` reads it back
(goal: < 64 MiB).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.vault_ref import Purpose, VaultRef
from vault import LocalDirStore, LocalKeyProvider, Sealer, Vault

KIB, MIB = 1024, 1024 * 1024
REF = VaultRef("bench", "matter-1", "doc-1", Purpose.ORIGINAL)
SIZES = [(KIB, "1 KiB", 300), (MIB, "1 MiB", 20), (100 * MIB, "100 MiB", 1)]
MEMORY_GOAL_MIB = 64


def _rate(size: int, repeats: int, work: Callable[[], object]) -> float:
    """MB/s (10^6 bytes) over ``repeats`` runs, best of two rounds."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for _ in range(repeats):
            work()
        best = min(best, time.perf_counter() - start)
    return size * repeats / best / 1e6


def throughput(keys: Path) -> None:
    sealer = Sealer(LocalKeyProvider(keys))
    gcm, nonce = AESGCM(AESGCM.generate_key(256)), os.urandom(12)
    print(f"{'size':>8} | {'seal MB/s':>10} {'open MB/s':>10} | {'AES-GCM enc':>11} {'dec':>8}")
    for size, label, repeats in SIZES:
        data = os.urandom(size)
        blob = sealer.seal(data, REF)
        raw = gcm.encrypt(nonce, data, None)
        seal = _rate(size, repeats, lambda d=data: sealer.seal(d, REF))
        opened = _rate(size, repeats, lambda b=blob: sealer.open(b, REF))
        enc = _rate(size, repeats, lambda d=data: gcm.encrypt(nonce, d, None))
        dec = _rate(size, repeats, lambda r=raw: gcm.decrypt(nonce, r, None))
        print(f"{label:>8} | {seal:10.1f} {opened:10.1f} | {enc:11.1f} {dec:8.1f}")


def frame_sizes(keys: Path) -> None:
    data = os.urandom(32 * MIB)
    print("\nframe size (32 MiB object):")
    for frame in (4 * KIB, 64 * KIB, 256 * KIB, MIB):
        sealer = Sealer(LocalKeyProvider(keys), frame_length=frame)
        blob = sealer.seal(data, REF)
        seal = _rate(len(data), 1, lambda s=sealer: s.seal(data, REF))
        opened = _rate(len(data), 1, lambda s=sealer, b=blob: s.open(b, REF))
        overhead = len(blob) - len(data)
        print(f"  {frame // KIB:>5} KiB frames: seal {seal:7.1f}  open {opened:7.1f} MB/s, "
              f"+{overhead} B")  # fmt: skip


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM := current RSS


def memory_child(workdir: Path) -> None:
    """Run in a fresh process: seal a 100 MiB file by streaming, then read it back."""
    source = workdir / "plain.bin"
    with source.open("wb") as handle:
        for _ in range(100):
            handle.write(os.urandom(MIB))
    vault = Vault(LocalDirStore(workdir / "vault"), Sealer(LocalKeyProvider(workdir / "keys")))
    vault.put_stream(REF, io.BytesIO(b"warm-up"))
    b"".join(vault.open_stream(REF))
    base = _status_kib("VmRSS")
    _reset_peak()
    with source.open("rb") as handle:
        vault.put_stream(REF, handle)
    seal_peak = _status_kib("VmHWM") - base
    _reset_peak()
    total = sum(len(chunk) for chunk in vault.open_stream(REF))
    open_peak = _status_kib("VmHWM") - base
    assert total == 100 * MIB
    verdict = "OK" if max(seal_peak, open_peak) < MEMORY_GOAL_MIB * 1024 else "OVER"
    print(f"\npeak RSS above baseline ({base // 1024} MiB) streaming 100 MiB: "
          f"seal {seal_peak / 1024:.1f} MiB, open {open_peak / 1024:.1f} MiB "
          f"(goal < {MEMORY_GOAL_MIB} MiB): {verdict}")  # fmt: skip


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--memory-child":
        memory_child(Path(sys.argv[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        throughput(Path(tmp) / "keys")
        if "--quick" not in sys.argv:
            frame_sizes(Path(tmp) / "keys")
        subprocess.run([sys.executable, __file__, "--memory-child", tmp], check=True)


if __name__ == "__main__":
    main()
