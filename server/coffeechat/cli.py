"""The `coffeechat` command: thin click commands over the library."""

import errno
import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from coffeechat import __version__
from coffeechat.config import load_config
from coffeechat.errors import CoffeechatError
from coffeechat.settings import BY_NAME, LOOPBACK

# The ports the extension tries by itself when it looks for the server (README: The browser extension).
DISCOVERY_PORTS = (5757, 5758, 5759)


def _data_dir_option(f):
    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                        help=BY_NAME["data_dir"].help)(f)


def _fail(message: str) -> None:
    click.echo(f"coffeechat: {message}", err=True)
    sys.exit(1)


@contextmanager
def _open_store(data_dir: Path | None, read_only: bool = False) -> Iterator:
    from coffeechat.app.stores import open_store
    with open_store(data_dir, read_only) as store:
        for warning in store.warnings:
            click.echo(f"coffeechat: warning: {warning}", err=True)
        yield store


class _Group(click.Group):
    """Turns domain errors into one readable line and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CoffeechatError as exc:
            _fail(exc.message)
        except OSError as exc:  # a read-only or full data folder: one line, no traceback
            where = f" {exc.filename}" if exc.filename else ""
            _fail(f"cannot use{where}: {exc.strerror or exc}")


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="coffeechat")
def main() -> None:
    """coffeechat: capture LinkedIn pages, draft outreach, keep track of informational interviews."""
    os.umask(0o077)  # whatever coffeechat creates is for this user only


def _listen(host: str, port: int):
    """Bind the server's socket before anything is printed, so the banner never claims a port it lacks."""
    import socket

    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart must not wait for TIME_WAIT
    try:
        sock.bind(address)
        sock.listen(1024)
    except OSError:
        sock.close()
        raise
    return sock


def _who_holds(host: str, port: int) -> str:
    """Name what answers on a taken port: another coffeechat (by its ping) or some other program."""
    import urllib.request

    shown = "127.0.0.1" if host in LOOPBACK else host
    try:
        with urllib.request.urlopen(f"http://{shown}:{port}/api/v1/ping", timeout=2) as r:
            if r.headers.get("X-Coffeechat-Version") and json.loads(r.read()).get("app") == "coffeechat":
                return f"another coffeechat {r.headers['X-Coffeechat-Version']} is already running there"
    except (OSError, ValueError):
        pass
    return "another program is using it"


def _free_port_hint(host: str, taken: int) -> str:
    """The --port flag to use: the first free port the extension looks for by itself, else any free one."""
    for candidate in DISCOVERY_PORTS:
        if candidate != taken:
            try:
                _listen(host, candidate).close()
                return f"--port {candidate}"
            except OSError:
                continue
    return "--port with a free port number"


@main.command()
@click.option("--port", type=int, help=BY_NAME["port"].help)
@click.option("--host", help=BY_NAME["host"].help)
@click.option("--allow-remote", is_flag=True, help="Allow --host to be a non-loopback address.")
@_data_dir_option
def serve(port: int | None, host: str | None, allow_remote: bool, data_dir: Path | None) -> None:
    """Start the local server (waitress) and print how to pair the extension."""
    import waitress

    from coffeechat.heap import share_one_heap
    from coffeechat.pairing import get_token
    from coffeechat.webapp import create_app, stop_serving

    config = load_config({"port": port, "host": host, "data_dir": data_dir})
    if config["host"] not in LOOPBACK:
        if not allow_remote:
            _fail(f"refusing to listen on {config['host']}: other machines could reach your prospects. "
                  "Add --allow-remote if you really mean it.")
        click.echo(f"WARNING: listening on {config['host']}: anyone who can reach this address and has the "
                   "pairing token can read and change your prospects.", err=True)
    try:
        sock = _listen(config["host"], config["port"])
    except OSError as exc:
        _fail(f"port {config['port']} is taken ({_who_holds(config['host'], config['port'])}); "
              f"start this one with {_free_port_hint(config['host'], config['port'])}"
              if exc.errno == errno.EADDRINUSE else
              f"cannot listen on {config['host']}:{config['port']}: {exc.strerror or exc}")
    share_one_heap()  # before waitress starts its threads (see coffeechat/heap.py)
    app = create_app({"port": config["port"], "host": config["host"], "data_dir": config["data_dir"]})
    server = waitress.create_server(app, sockets=[sock], threads=config["threads"],
                                    ident=f"coffeechat/{__version__}")
    for warning in app.extensions["coffeechat_store"].warnings:
        click.echo(f"coffeechat: {warning}", err=True)
    shown_host = "127.0.0.1" if config["host"] in LOOPBACK else config["host"]
    url = f"http://{shown_host}:{config['port']}/"
    extension = Path(__file__).resolve().parents[2] / "extension"
    click.echo(f"coffeechat {__version__} is running.\n\n"
               f"  Dashboard:     {url}\n"
               f"  Pairing token: {_token_line(get_token(config['data_dir']))}\n"
               f"  Data folder:   {config['data_dir']}\n\n"
               "Load the extension: open chrome://extensions, turn on Developer mode, click "
               f"'Load unpacked' and pick {extension}\n"
               "(Firefox: about:debugging > This Firefox > Load Temporary Add-on > extension/manifest.json).\n"
               "Then open the extension's options and click Connect to coffeechat (or paste the pairing token "
               "and click Test connection).\n"
               "Press Ctrl+C to stop.", )
    # SIGTERM (systemd, docker, kill) stops like Ctrl+C: waitress finishes, the store is closed and compacted.
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    finally:
        stop_serving(app, server)


def _token_line(token: str) -> str:
    """The token itself on a terminal; in a log file only how to get it (logs are read by others)."""
    return token if sys.stdout.isatty() else "run: coffeechat token (it is not written to logs)"


def _stop(signum, frame) -> None:
    raise SystemExit(0)


@main.command()
@click.option("--rotate", is_flag=True, help="Replace the token; the extension must be paired again.")
@_data_dir_option
def token(rotate: bool, data_dir: Path | None) -> None:
    """Print the pairing token (alone on stdout)."""
    from coffeechat.pairing import get_token, rotate_token
    folder = load_config({"data_dir": data_dir})["data_dir"]
    click.echo(rotate_token(folder) if rotate else get_token(folder))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", help="The address the page was saved from (helps tell the kind of page).")
def parse(file: Path, url: str | None) -> None:
    """Parse a saved LinkedIn page and print the result as JSON."""
    from coffeechat.app.captures import parse_page
    result = parse_page(file.read_bytes(), url)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "vcard", "ics", "markdown"]), default="json",
              show_default=True, help="json is a full backup that `import` restores.")
@_data_dir_option
def export(fmt: str, data_dir: Path | None) -> None:
    """Write every prospect to stdout (json, csv, vCard, iCalendar meetings or Markdown notes)."""
    from datetime import datetime

    from coffeechat.app.exports import export as render
    config = load_config({"data_dir": data_dir})
    with _open_store(data_dir, read_only=True) as store:
        content, _, _ = render(store, fmt, config["port"], datetime.now())
    click.echo(content, nl=False)


@main.command(name="import")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--preview", is_flag=True, help="Show what a CSV import would do, and change nothing.")
@_data_dir_option
def import_(file, preview: bool, data_dir: Path | None) -> None:
    """Restore a JSON export into an empty data folder, or add people from a CSV (LinkedIn's own export too)."""
    text = file.read()
    if not text.lstrip().startswith("{"):
        _import_csv(text, preview, data_dir)
        return
    from coffeechat.exporting import parse_backup
    backup = parse_backup(text)
    with _open_store(data_dir) as store:
        count = store.import_backup(backup)
    click.echo(f"imported {count} prospects into {store.data_dir}")


def _import_csv(text: str, preview: bool, data_dir: Path | None) -> None:
    """A spreadsheet of people, or LinkedIn's Connections.csv / Invitations.csv: rows with errors are named."""
    from coffeechat.app import imports
    with _open_store(data_dir, read_only=preview) as store:
        plan = imports.preview("csv", text, store)
        for row in plan["rows"]:
            if row["errors"] or preview:
                why = "; ".join(row["errors"] + row.get("notes", [])) or row["status"]
                click.echo(f"line {row['line']}: {row['fields'].get('full_name') or '(no name)'}: {why}",
                           err=bool(row["errors"]))
        if preview:
            click.echo(f"{plan['ok']} rows ready, {plan['errors']} with errors; nothing was changed")
            return
        done = imports.apply("csv", text, store)
    click.echo(f"imported {done['created']} new, {done['updated']} updated, {done['skipped']} rows skipped")


@main.command()
@_data_dir_option
def reparse(data_dir: Path | None) -> None:
    """Re-parse every stored capture with this version's parser."""
    from coffeechat.app.captures import reparse_all
    with _open_store(data_dir) as store:
        counts = reparse_all(store)
    click.echo(f"re-parsed {counts['captures']} captures of {counts['prospects']} prospects: "
               f"{counts['changed']} prospects changed, {counts['failed']} captures could not be read")


@main.command()
@click.argument("prospect_id", type=int)
@click.option("--kind", help="Only this kind of draft (connection_note, message, email, ...).")
@click.option("--variant", type=int, help="Pick another wording (0, 1, ...).")
@_data_dir_option
def draft(prospect_id: int, kind: str | None, variant: int | None, data_dir: Path | None) -> None:
    """Print outreach drafts for one prospect."""
    from coffeechat.app import advice
    with _open_store(data_dir, read_only=True) as store:
        result = advice.drafts(store, prospect_id, kind=kind, variant=variant)
    for d in result["drafts"]:
        click.echo(f"== {d['kind']} ({d['channel']}, {d['length']}/{d['limit'] or '-'} characters, "
                   f"variant {d['variant']})")
        if d.get("subject"):
            click.echo(f"Subject: {d['subject']}")
        click.echo(d["body"] + "\n")
    for warning in result.get("warnings", []):
        click.echo(f"note: {warning}", err=True)


@main.command()
@click.argument("prospect_id", type=int)
@_data_dir_option
def notes(prospect_id: int, data_dir: Path | None) -> None:
    """Print the research notes for one prospect as Markdown."""
    from coffeechat.app import advice
    with _open_store(data_dir, read_only=True) as store:
        click.echo(advice.notes(store, prospect_id)["markdown"])


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_data_dir_option
def backup(file: Path, data_dir: Path | None) -> None:
    """Write one archive with your prospects, saved pages, templates and settings (also while the server runs)."""
    from coffeechat.app.backup import backup_folder
    folder = load_config({"data_dir": data_dir})["data_dir"]
    manifest = backup_folder(folder, file)
    pages = sum(1 for name in manifest["files"] if name.startswith("captures/"))
    click.echo(f"backed up {manifest['prospects']} prospects and {pages} saved pages into {file}")
    if manifest["missing_pages"]:
        click.echo(f"coffeechat: warning: {len(manifest['missing_pages'])} saved page(s) were already missing", err=True)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_data_dir_option
def restore(file: Path, data_dir: Path | None) -> None:
    """Restore a backup archive into an empty data folder."""
    from coffeechat.app.backup import restore_archive
    folder = load_config({"data_dir": data_dir})["data_dir"]
    manifest = restore_archive(file, folder)
    click.echo(f"restored {manifest['prospects']} prospects from {file} into {folder}; "
               "pair the extension again (coffeechat token prints the new token)")


@main.command()
@click.option("--salvage", is_flag=True, help="Rebuild the store from every intact record of a damaged journal.")
@_data_dir_option
def doctor(salvage: bool, data_dir: Path | None) -> None:
    """Check a data folder: permissions, the store, saved pages, records set aside."""
    from coffeechat.app import doctor as checks
    folder = load_config({"data_dir": data_dir})["data_dir"]
    if salvage:
        done = checks.salvage_store(folder)
        if done["aside"] is None:
            click.echo(f"nothing to salvage: every one of the {done['kept']} journal records is intact")
        else:
            click.echo(f"salvaged {done['kept']} intact records, dropped {done['skipped']} damaged ones; "
                       f"the damaged journal is kept as {done['aside']}")
    found = checks.check(folder)
    for note in found.notes:
        click.echo(f"ok: {note}")
    for problem in found.problems:
        click.echo(f"problem: {problem}")
    if found.problems:
        sys.exit(1)
    click.echo(f"{folder} is healthy")
