"""Whole backups: one tar archive with the store, the raw pages, the user's templates, and a manifest of checksums.

The store file holds every prospect with the user's settings, profile and follow-up rules. The
pairing token and the dashboard's session secret are left out: a restored folder gets new ones,
so a copied backup never opens the running server to whoever holds it.
"""

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from coffeechat import __version__
from coffeechat.errors import BadInput, CoffeechatError, StorageError
from coffeechat.store import ProspectStore
from coffeechat.store.prospects import DB_FILE, reading
from coffeechat.store.raw import SUFFIX

FORMAT = 1
MANIFEST = "manifest.json"
STORE_MEMBER = DB_FILE + ".gz"
_MEMBER = re.compile(r"^(coffeechat\.json\.gz|captures/[0-9A-Za-z][0-9A-Za-z_-]{0,127}\.html\.gz"
                     r"|templates/[a-z_]+\.(explorer|recruiter)\.\d+\.j2)$")


def _add(tar: tarfile.TarFile, name: str, data: bytes, files: dict[str, Any]) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
    tar.addfile(info, io.BytesIO(data))
    files[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _write(out: IO[bytes], store: ProspectStore, snapshot: bytes, pages: list[str]) -> dict[str, Any]:
    files: dict[str, Any] = {}
    missing = []
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, STORE_MEMBER, gzip.compress(snapshot, 1), files)
        for page in pages:
            try:
                data = store.captures.path(page).read_bytes()
            except (OSError, CoffeechatError):
                missing.append(page)  # lost before this version counted shared pages; reparse skips it too
                continue
            _add(tar, f"captures/{page}{SUFFIX}", data, files)
        templates = store.data_dir / "templates"
        for path in sorted(templates.glob("*.j2")) if templates.is_dir() else []:
            if _MEMBER.match(f"templates/{path.name}"):
                _add(tar, f"templates/{path.name}", path.read_bytes(), files)
        manifest = {"app": "coffeechat", "kind": "backup", "format": FORMAT, "version": __version__,
                    "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "prospects": store.count(), "files": files, "missing_pages": missing}
        _add(tar, MANIFEST, json.dumps(manifest, indent=1).encode(), {})
    return manifest


def write_archive(store: ProspectStore, out: IO[bytes]) -> dict[str, Any]:
    """Write the archive of an open store (the server's) to ``out``; returns the manifest."""
    with store.frozen() as (snapshot, pages):
        return _write(out, store, snapshot, pages)


def backup_folder(data_dir: Path, dest: Path) -> dict[str, Any]:
    """Back up a data folder into the file ``dest``, also while the server writes to it."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        # Shared with other readers, exclusive with compaction and deletes: the pages stay as the store says.
        with reading(data_dir):
            store = ProspectStore(data_dir, read_only=True)
            try:
                with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                    manifest = write_archive(store, out)
                    out.flush()
                    os.fsync(out.fileno())
            finally:
                store.close()
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"could not write the backup {dest}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return manifest


def _checked_members(archive: Path) -> dict[str, Any]:
    """The manifest, once every member is known, safe to extract and matches its checksum."""
    seen: dict[str, str] = {}
    manifest = None
    try:
        with tarfile.open(archive, mode="r:") as tar:
            for member in tar:
                if member.name == MANIFEST and member.isfile():
                    manifest = json.loads(tar.extractfile(member).read())  # type: ignore[union-attr]
                    continue
                if not member.isfile() or not _MEMBER.match(member.name) or member.name in seen:
                    raise BadInput(f"{archive} holds {member.name!r}, which no coffeechat backup has")
                digest = hashlib.sha256()
                with tar.extractfile(member) as f:  # type: ignore[union-attr]
                    while block := f.read(1 << 20):
                        digest.update(block)
                seen[member.name] = digest.hexdigest()
    except (tarfile.TarError, EOFError, ValueError, OSError) as exc:
        raise BadInput(f"{archive} is not a readable coffeechat backup ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("app") != "coffeechat" or manifest.get("kind") != "backup":
        raise BadInput(f"{archive} is not a coffeechat backup (it has no manifest)")
    if manifest.get("format") != FORMAT:
        raise BadInput(f"{archive} is a backup of format {manifest.get('format')!r}; this coffeechat reads {FORMAT}")
    listed = {name: entry.get("sha256") for name, entry in (manifest.get("files") or {}).items()
              if isinstance(entry, dict)}
    if STORE_MEMBER not in listed:
        raise BadInput(f"{archive} holds no store")
    for name in sorted(set(listed) | set(seen)):
        if listed.get(name) != seen.get(name):
            state = "is missing" if name not in seen else "is not in the manifest" if name not in listed else "is damaged"
            raise BadInput(f"{archive} cannot be restored: {name} {state} (checksum)")
    return manifest


def restore_archive(archive: Path, data_dir: Path) -> dict[str, Any]:
    """Restore a backup into an empty (or new) data folder; nothing is written unless every checksum matches."""
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise BadInput(f"{data_dir} is not empty; restore works into an empty or new data folder only")
    manifest = _checked_members(archive)
    created = not data_dir.exists()
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tarfile.open(archive, mode="r:") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                with tar.extractfile(member) as f:  # type: ignore[union-attr]
                    data = f.read()
                if member.name == STORE_MEMBER:
                    name, data = DB_FILE, gzip.decompress(data)
                else:
                    name = member.name
                target = data_dir / name
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                with open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
        ProspectStore(data_dir).close()  # it must open, or nothing stays
    except BaseException as exc:
        for child in list(data_dir.iterdir()) if data_dir.exists() else []:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        if created and data_dir.exists():
            data_dir.rmdir()
        if isinstance(exc, OSError):
            raise StorageError(f"could not restore into {data_dir}: {exc.strerror or exc}") from None
        raise
    return manifest
