"""Serve the workbench on 127.0.0.1 (uvicorn), in the foreground or on a background thread."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from workbench.app import build_app
from workbench.session import Session

HOST = "127.0.0.1"


def bind(port: int = 0) -> socket.socket:
    """A listening socket on 127.0.0.1 only (port 0: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, port))
    return sock


def url(sock: socket.socket, token: str) -> str:
    return f"http://{HOST}:{sock.getsockname()[1]}/?token={token}"


def make_server(session: Session) -> uvicorn.Server:
    config = uvicorn.Config(build_app(session), log_level="warning", access_log=False)
    return uvicorn.Server(config)


def serve(session: Session, sock: socket.socket) -> None:
    """Run until interrupted (Ctrl+C)."""
    make_server(session).run(sockets=[sock])


class Background:
    """The workbench on a daemon thread (tests, benchmarks): ``start()``, ``stop()``."""

    def __init__(self, session: Session, port: int = 0) -> None:
        self.sock = bind(port)
        self.server = make_server(session)
        self.url = url(self.sock, session.token)
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def start(self, timeout: float = 30.0) -> Background:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("workbench server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)
