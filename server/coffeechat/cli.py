"""The `coffeechat` command: thin click commands over the library."""

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click

from coffeechat import __version__
from coffeechat.config import load_config
from coffeechat.errors import CoffeechatError
from coffeechat.settings import BY_NAME, LOOPBACK


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


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="coffeechat")
def main() -> None:
    """coffeechat: capture LinkedIn pages, draft outreach, keep track of informational interviews."""


@main.command()
@click.option("--port", type=int, help=BY_NAME["port"].help)
@click.option("--host", help=BY_NAME["host"].help)
@click.option("--allow-remote", is_flag=True, help="Allow --host to be a non-loopback address.")
@_data_dir_option
def serve(port: int | None, host: str | None, allow_remote: bool, data_dir: Path | None) -> None:
    """Start the local server (waitress) and print how to pair the extension."""
    import waitress

    from coffeechat.pairing import get_token
    from coffeechat.webapp import create_app

    config = load_config({"port": port, "host": host, "data_dir": data_dir})
    if config["host"] not in LOOPBACK:
        if not allow_remote:
            _fail(f"refusing to listen on {config['host']}: other machines could reach your prospects. "
                  "Add --allow-remote if you really mean it.")
        click.echo(f"WARNING: listening on {config['host']}: anyone who can reach this address and has the "
                   "pairing token can read and change your prospects.", err=True)
    app = create_app({"port": config["port"], "host": config["host"], "data_dir": config["data_dir"]})
    shown_host = "127.0.0.1" if config["host"] in LOOPBACK else config["host"]
    url = f"http://{shown_host}:{config['port']}/"
    extension = Path(__file__).resolve().parents[2] / "extension"
    click.echo(f"coffeechat {__version__} is running.\n\n"
               f"  Dashboard:     {url}\n"
               f"  Pairing token: {get_token(config['data_dir'])}\n"
               f"  Data folder:   {config['data_dir']}\n\n"
               "Load the extension: open chrome://extensions, turn on Developer mode, click "
               f"'Load unpacked' and pick {extension}\n"
               "(Firefox: about:debugging > This Firefox > Load Temporary Add-on > extension/manifest.json).\n"
               "Then open the extension's options, paste the pairing token and click Test connection.\n"
               "Press Ctrl+C to stop.", )
    try:
        waitress.serve(app, host=config["host"], port=config["port"], threads=config["threads"],
                       ident=f"coffeechat/{__version__}", _quiet=True)
    except OSError as exc:
        _fail(f"cannot listen on {config['host']}:{config['port']}: {exc.strerror or exc}. "
              "Is coffeechat already running? Pick another port with --port.")
    finally:
        app.extensions["coffeechat_store"].close()


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
