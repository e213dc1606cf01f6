"""`coffeechat serve` binds its port before it prints anything: a taken port is one honest line."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _serve(port: int, data_dir, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coffeechat", "serve", "--port", str(port), "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def _token(data_dir) -> str:
    return (data_dir / "token").read_text().strip() if (data_dir / "token").exists() else "no token yet"


def test_a_port_held_by_another_program_gives_one_line_and_no_token(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = _serve(port, tmp_path / "data")
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert f"port {port} is taken" in lines[0] and "another program" in lines[0] and "--port" in lines[0]
    assert "running" not in lines[0] and "token" not in done.stderr.lower()


def test_a_port_held_by_another_coffeechat_says_so(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    first = subprocess.Popen([sys.executable, "-m", "coffeechat", "serve", "--port", str(port),
                              "--data-dir", str(tmp_path / "one")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/ping", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or first.poll() is not None:
                    pytest.fail("the first server never answered")
                time.sleep(0.1)
        done = _serve(port, tmp_path / "two")
    finally:
        first.terminate()
        first.wait(10)
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "another coffeechat" in done.stderr and "--port" in done.stderr
    assert _token(tmp_path / "one") not in done.stderr and _token(tmp_path / "two") not in done.stderr
