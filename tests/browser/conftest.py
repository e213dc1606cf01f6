"""Fixtures for tests in a real headless Chromium (see the notes on browser tests).

General pieces, meant to be shared by the extension and dashboard tests:
- `coffeechat_server`: the real server in a subprocess, on a free port, with a temp data folder;
- `linkedin_site`: the saved LinkedIn fixture pages over HTTPS, as if from www.linkedin.com;
- `browser_context`: a plain Chromium; `extension_browser`: Chromium with the unpacked extension.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from extension_driver import ExtensionBrowser
from linkedin_site import LinkedInSite

ROOT = Path(__file__).resolve().parents[2]
EXTENSION_DIR = ROOT / "extension"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("COFFEECHAT_CHROMIUM", "/usr/bin/chromium"))

# Flags from the browser-test notes: quiet, offline-friendly, and root-friendly (--no-sandbox).
BASE_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def coffeechat_cli(*args: str) -> list[str]:
    """The command line for `coffeechat ...` from the interpreter running the tests."""
    return [sys.executable, "-m", "coffeechat", *args]


@dataclass
class CoffeechatServer:
    """The real coffeechat server; stop() and start() again keep the port and the data."""

    data_dir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)  # extra environment, e.g. a short pairing_seconds

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    _token: str | None = field(default=None, repr=False)

    @property
    def token(self) -> str:
        """The pairing token, as `coffeechat token` prints it (read once: it stays until rotated)."""
        if self._token is None:
            out = subprocess.run(coffeechat_cli("token", "--data-dir", str(self.data_dir)),
                                 check=True, capture_output=True, text=True, timeout=30)
            self._token = out.stdout.strip()
        return self._token

    @property
    def log_path(self) -> Path:
        return self.data_dir.parent / f"server-{self.port}.log"

    def start(self) -> "CoffeechatServer":
        return self.spawn().wait_ready()

    def spawn(self) -> "CoffeechatServer":
        """Start the process without waiting for it (it takes ~1.5 s to answer)."""
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            coffeechat_cli("serve", "--port", str(self.port), "--data-dir", str(self.data_dir)),
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env={**os.environ, **self.env})
        log.close()
        return self

    def wait_ready(self, timeout: float = 20) -> "CoffeechatServer":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"coffeechat serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if self.request("GET", "/api/v1/ping", token=None)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"coffeechat serve did not answer /api/v1/ping in {timeout}s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:]) if self.log_path.exists() else ""

    def request(self, method: str, path: str, body=None, token: str | None = "") -> tuple[int, dict | None]:
        """Call the API (the right token unless `token` is given; None sends none)."""
        headers = {"Accept": "application/json"}
        token = self.token if token == "" else token
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"null")

    def prospects(self) -> list[dict]:
        status, data = self.request("GET", "/api/v1/prospects?limit=500")
        assert status == 200, data
        return data["items"]


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium chromium-driver` "
                    "(make test does this)")
    return CHROMIUM


@pytest.fixture
def coffeechat_process(tmp_path):
    """The server, started but maybe not answering yet: request it before a slow fixture
    (the browser) and `coffeechat_server` after it, and the two start up side by side."""
    server = CoffeechatServer(tmp_path / "data").spawn()
    yield server
    server.stop()


@pytest.fixture
def start_coffeechat(tmp_path):
    """Start more servers (on a given port, with extra environment); all are stopped afterwards."""
    servers: list[CoffeechatServer] = []

    def start(name: str = "more-data", **fields) -> CoffeechatServer:
        servers.append(CoffeechatServer(tmp_path / name, **fields).start())
        return servers[-1]
    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def coffeechat_server(coffeechat_process):
    """The real coffeechat server, answering, on a free port with an empty data folder."""
    return coffeechat_process.wait_ready()


@pytest.fixture(scope="session")
def linkedin_site(tmp_path_factory):
    site = LinkedInSite(tmp_path_factory.mktemp("linkedin-site")).start()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def launch_args(linkedin_site: LinkedInSite, *extra: str) -> list[str]:
    """Chromium flags: www.linkedin.com goes to the fixture site, every other name fails fast
    (the fixture pages point at LinkedIn's CDN; the tests must never reach the internet)."""
    rules = f"MAP www.linkedin.com 127.0.0.1:{linkedin_site.port}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
    return [*BASE_ARGS, f"--host-resolver-rules={rules}", "--ignore-certificate-errors", *extra]


@pytest.fixture
def browser_context(playwright, chromium_path, linkedin_site, tmp_path):
    """A fresh Chromium profile without extensions (for dashboard tests)."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(chromium_path), headless=True,
        args=launch_args(linkedin_site))
    yield context
    context.close()


@pytest.fixture
def extension_browser(playwright, chromium_path, linkedin_site, tmp_path):
    """A fresh Chromium profile with the unpacked extension loaded."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(chromium_path), headless=True,
        args=launch_args(linkedin_site,
                         f"--disable-extensions-except={EXTENSION_DIR}",
                         f"--load-extension={EXTENSION_DIR}",
                         # Lets the test press the toolbar button through CDP (Extensions.triggerAction).
                         "--enable-unsafe-extension-debugging"))
    yield ExtensionBrowser(context, linkedin_site)
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave screenshots for a person to look at (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
