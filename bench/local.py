"""A benchmark server in a subprocess and a keep-alive HTTP client, both on 127.0.0.1 only."""

import http.client
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.memory import rss_mb

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """Requests to one local server over one kept-alive connection, as the extension makes them."""

    def __init__(self, port: int, token: str | None = None):
        self.port = port
        self.headers = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes, float]:
        """(status, body, milliseconds from sending to the last byte of the answer)."""
        data = None if body is None else body if isinstance(body, bytes) else json.dumps(body).encode()
        started = time.perf_counter()
        self.conn.request(method, path, body=data, headers=self.headers)
        response = self.conn.getresponse()
        content = response.read()
        return response.status, content, (time.perf_counter() - started) * 1000

    def close(self) -> None:
        self.conn.close()


class Server:
    """``python -m bench.serve MODE PATH PORT`` in a subprocess, stopped on exit."""

    def __init__(self, mode: str, path: Path):
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "bench.serve", mode, str(path), str(self.port)],
                                     cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the {mode} server did not start (exit code {self.proc.wait()})")
        self.open_s = json.loads(line)["open_s"]
        self._wait_listening()

    def _wait_listening(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("the benchmark server never listened")

    def rss_mb(self) -> float:
        """Resident memory of the server process now."""
        return rss_mb(str(self.proc.pid))

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
