"""The pairing token shared by the server and the extension, kept owner-only in the data folder."""

import hmac
import secrets
from pathlib import Path

from coffeechat.errors import StorageError
from coffeechat.files import atomic_write_bytes

TOKEN_FILE = "token"


def _write_private(path: Path, text: str) -> None:
    # Create with 0600 from the start so the token is never readable by others, even briefly.
    try:
        atomic_write_bytes(path, (text + "\n").encode())
    except OSError as exc:
        raise StorageError(f"cannot write {path.name} in {path.parent}: {exc.strerror or exc}") from None


def ensure_data_dir(data_dir: Path) -> Path:
    """Create the data folder (owner-only) if needed."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StorageError(f"cannot create the data folder {data_dir}: {exc.strerror or exc}") from None
    return data_dir


def get_token(data_dir: Path) -> str:
    """Return the pairing token, generating it on first use."""
    path = ensure_data_dir(data_dir) / TOKEN_FILE
    if path.exists():
        token = path.read_text().strip()
        if token:
            return token
    return rotate_token(data_dir)


def rotate_token(data_dir: Path) -> str:
    """Replace the pairing token; paired extensions must be given the new one."""
    token = secrets.token_urlsafe(32)
    _write_private(ensure_data_dir(data_dir) / TOKEN_FILE, token)
    return token


def token_matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison, so timing reveals nothing about the token."""
    if not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
