"""The saved LinkedIn pages served over HTTPS as if from www.linkedin.com.

Chromium is pointed here with --host-resolver-rules and accepts the throw-away
certificate with --ignore-certificate-errors. Every page is sent with
`Content-Security-Policy: script-src 'none'` so LinkedIn's own scripts never run and
the DOM stays exactly as saved.
"""

import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from helpers import page_path

# Path on www.linkedin.com -> fixture page. Slugs are the ones the pages were saved from.
ROUTES = {
    "/in/janice-jiang-508bba21b/": "profile-2026-first-degree",
    "/in/kireetagrawal/": "profile-2022-self",
    "/in/dulithawijewantha/": "public-2023",
    "/in/austin-oboyle/": "profile-2018-self",
    "/in/brunellifabio/details/skills/": "details-skills-2025",
    "/search/results/people/": "search-2022-fragment",
    "/company/facebook/about/": "company-about-2018",
}

CSP = "script-src 'none'; object-src 'none'"


def as_page(html: str, title: str) -> str:
    """Fragments (the saved search results) have no <html>: wrap them the way LinkedIn
    does, in the <main> of a minimal page, so the browser sees a whole document."""
    if "<html" in html[:2000].lower():
        return html
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><main>{html}</main></body></html>")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for www.linkedin.com, made with the openssl CLI."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=www.linkedin.com",
         "-addext", "subjectAltName=DNS:www.linkedin.com,DNS:linkedin.com"],
        check=True, capture_output=True, timeout=60)
    return cert, key


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, str] = ROUTES

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        name = self.routes.get(path if path.endswith("/") else path + "/")
        if name is None:
            self.send_error(404)
            return
        body = as_page(page_path(name).read_text(encoding="utf-8"), "Search | LinkedIn").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class LinkedInSite:
    """HTTPS server of the fixture pages on a free loopback port."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str) -> str:
        """The address the browser uses: https://www.linkedin.com<path>."""
        return f"https://www.linkedin.com{path}"

    def start(self) -> "LinkedInSite":
        cert, key = make_certificate(self.folder)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        # Handshake in the request thread, not in accept(): a stalled connection must not block the rest.
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True, do_handshake_on_connect=False)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
