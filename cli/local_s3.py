"""A local S3 endpoint for the demo: moto's server on 127.0.0.1, started and stopped here."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager

DEMO_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "sealroom-demo",
    "AWS_SECRET_ACCESS_KEY": "sealroom-demo-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def local_s3() -> Iterator[str]:
    """Yield the endpoint URL of a fresh in-process S3 server bound to loopback."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log on the console
    for name, value in DEMO_CREDENTIALS.items():
        os.environ.setdefault(name, value)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
