"""Run a command while CPU hogs keep every core busy; print its exit code and wall time.

    .venv/bin/python bench/under_load.py [--hogs 2] [--timeout 3600] -- make demo
    .venv/bin/python bench/under_load.py -- make test

The hogs are busy-loop processes started here and always stopped afterwards (also on
Ctrl-C or when the command times out). Exit code: the command's own.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import subprocess
import sys
import time


def _spin() -> None:
    while True:
        pass


def start_hogs(count: int) -> list[mp.Process]:
    hogs = [mp.Process(target=_spin, daemon=True) for _ in range(count)]
    for hog in hogs:
        hog.start()
    return hogs


def stop_hogs(hogs: list[mp.Process]) -> None:
    for hog in hogs:
        hog.kill()
    for hog in hogs:
        hog.join(timeout=10)


def run(command: list[str], timeout: float) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        code = subprocess.run(command, timeout=timeout, check=False).returncode
    except subprocess.TimeoutExpired:
        code = 124
    return code, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hogs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    hogs = start_hogs(args.hogs)
    try:
        code, elapsed = run(args.command, args.timeout)
    finally:
        stop_hogs(hogs)
    shown = " ".join(args.command)
    print(f"under_load: `{shown}` with {args.hogs} busy-loop hogs: exit {code}, {elapsed:.1f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
