"""Layered configuration: defaults from the settings table, then environment, then CLI/test values."""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

from coffeechat.errors import BadInput
from coffeechat.settings import SETTINGS


def default_data_dir() -> Path:
    """The platform's per-user data folder for coffeechat (XDG on Linux, Application Support on macOS,
    LOCALAPPDATA on Windows), as platformdirs defines it."""
    return platformdirs.user_data_path("coffeechat", appauthor=False)


def _coerce(value: Any, default: Any, name: str) -> Any:
    if isinstance(default, int) and not isinstance(value, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise BadInput(f"setting {name!r} must be a whole number, got {value!r}") from None
    return value


def load_config(overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Resolve every setting: default < environment variable < explicit override (CLI flag)."""
    environ: Mapping[str, str] = os.environ if env is None else env
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    config: dict[str, Any] = {}
    for s in SETTINGS:
        value = s.default
        if s.env and environ.get(s.env):
            value = environ[s.env]
        if s.name in overrides:
            value = overrides[s.name]
        config[s.name] = _coerce(value, s.default, s.name) if value is not None else None
    data_dir = config["data_dir"]
    config["data_dir"] = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
    if not 0 < config["port"] < 65536:
        raise BadInput(f"port must be between 1 and 65535, got {config['port']}")
    return config
