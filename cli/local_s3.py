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
    added = [name for name in DEMO_CREDENTIALS if name not in os.environ]
    for name in added:  # the local endpoint's credentials, for this endpoint's lifetime only
        os.environ[name] = DEMO_CREDENTIALS[name]
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
        for name in added:
            os.environ.pop(name, None)
