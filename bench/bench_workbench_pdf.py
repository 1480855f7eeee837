"""A batch holding one 300-page scanned PDF in the reviewer's workbench: time to the first
page and the memory of the reviewer's process.

    .venv/bin/python bench/bench_workbench_pdf.py [--pages 300] [--dpi 150] [--visit 30]

Builds the rendition (image pages + invisible text, ``bench/scanned_pdf.py``), publishes it
to an in-memory queue, pulls it with the real reviewer client into a temp folder, then
starts the workbench in a *separate* process (as ``sealroom reviewer open`` would run) and
measures, over HTTP: the page load (batch, draft, text), the first page image and its text
layer, then ``--visit`` further pages spread over the document. Prints the child's RSS after
start-up, after the first page and at the end, and its peak (VmHWM).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scanned_pdf import publish_scanned_batch
from review import MemoryObjectStore, ReviewerClient

CHILD = """
import sys
from pathlib import Path
from review import MemoryObjectStore, ReviewerClient
from workbench.security import new_token
from workbench.server import bind, serve, url
from workbench.session import Session
folder = Path(sys.argv[1])
client = ReviewerClient(MemoryObjectStore(), "general", "ana")  # no S3 calls are timed
session = Session(folder, client, 600, new_token())
sock = bind(0)
print(url(sock, session.token), flush=True)
serve(session, sock)
"""


def rss_mib(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def pull(pages: int, dpi: int, dest: Path) -> tuple[Path, float, int]:
    start = time.perf_counter()
    store = MemoryObjectStore()
    batch_id = publish_scanned_batch(store, pages, dpi, noise=True)
    built = time.perf_counter() - start
    client = ReviewerClient(store, "general", "ana")
    client.claim(batch_id, 600)
    client.pull(batch_id, dest / batch_id)
    size = (dest / batch_id / "doc-scan.pdf").stat().st_size
    return dest / batch_id, built, size


def timed(web: httpx.Client, path: str) -> float:
    start = time.perf_counter()
    web.get(path).raise_for_status()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--visit", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, built, size = pull(args.pages, args.dpi, Path(tmp))
        print(f"rendition: {args.pages} pages at {args.dpi} dpi, {size / 2**20:.1f} MiB "
              f"(built in {built:.1f} s)")  # fmt: skip
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)],
                                 stdout=subprocess.PIPE, text=True)  # fmt: skip
        try:
            measure(child, args)
        finally:
            child.terminate()
            child.wait(timeout=10)


def measure(child: subprocess.Popen[str], args: argparse.Namespace) -> None:
    assert child.stdout is not None
    address = child.stdout.readline().strip()
    base, token = address.split("/?token=")
    with httpx.Client(base_url=base, headers={"x-sealroom-token": token}, timeout=120) as web:
        web.get(f"/?token={token}")
        print(f"reviewer process at start: {rss_mib(child.pid)['VmRSS']:.0f} MiB RSS")
        load = sum(timed(web, p) for p in ("/", "/api/batch", "/api/draft"))
        load += timed(web, "/api/doc/doc-scan/text")
        first = timed(web, "/api/doc/doc-scan/page/0.png")
        first += timed(web, "/api/doc/doc-scan/page/0/layer")
        print(f"page load {load:.2f} s; first page image + text layer {first:.2f} s; "
              f"RSS {rss_mib(child.pid)['VmRSS']:.0f} MiB")  # fmt: skip
        step = max(1, args.pages // max(args.visit, 1))
        times = [
            timed(web, f"/api/doc/doc-scan/page/{p}.png") for p in range(step, args.pages, step)
        ]
        mem = rss_mib(child.pid)
        print(f"{len(times)} more pages: median {sorted(times)[len(times) // 2]:.2f} s each; "
              f"RSS {mem['VmRSS']:.0f} MiB, peak {mem['VmHWM']:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
