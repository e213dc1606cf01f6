"""The one table of settings, read by the CLI, the config loader and the README."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    env: str | None = None
    cli: str | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("port", 5757, "TCP port of the local server (5000 is often taken on Macs).",
            env="COFFEECHAT_PORT", cli="--port"),
    Setting("host", "127.0.0.1", "Address to bind. Anything but loopback needs --allow-remote.",
            env="COFFEECHAT_HOST", cli="--host"),
    Setting("data_dir", None, "Where prospects, captures and the pairing token live "
            "(default: the per-user data folder, e.g. ~/.local/share/coffeechat).",
            env="COFFEECHAT_HOME", cli="--data-dir"),
    Setting("max_body_mb", 8, "Largest request body accepted, in MB (a saved page is 0.3-3 MB).",
            env="COFFEECHAT_MAX_BODY_MB"),
    Setting("threads", 8, "Worker threads of the waitress server.", env="COFFEECHAT_THREADS"),
    Setting("compact_mb", 64, "Journal size in MB after which the store is compacted into a new snapshot.",
            env="COFFEECHAT_COMPACT_MB"),
    Setting("pairing_seconds", 300, "How long a pairing request from the extension waits for your answer "
            "on the dashboard, in seconds.", env="COFFEECHAT_PAIRING_SECONDS"),
)

# The names of this machine's loopback interface: the only addresses served without --allow-remote.
LOOPBACK: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def markdown_table() -> str:
    """Render the settings as the Markdown table embedded in the README."""
    rows = ["| setting | default | environment | CLI | meaning |", "|---|---|---|---|---|"]
    for s in SETTINGS:
        default = "per-user data folder" if s.default is None else f"`{s.default}`"
        rows.append(f"| `{s.name}` | {default} | `{s.env or ''}` | `{s.cli or ''}` | {s.help} |")
    return "\n".join(rows)
