"""Reading request bodies and query strings with clear 400s (API routes)."""

from typing import Any

from flask import g, request

from coffeechat.errors import BadInput


def json_object(required: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON body as an object, with the named keys present."""
    data = g.get("json")
    if not isinstance(data, dict):
        raise BadInput("send a JSON object in the request body")
    missing = [k for k in required if data.get(k) in (None, "")]
    if missing:
        raise BadInput(f"missing field(s): {', '.join(missing)}")
    return data


def int_arg(name: str, default: int) -> int:
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadInput(f"{name} must be a whole number, got {raw!r}") from None
