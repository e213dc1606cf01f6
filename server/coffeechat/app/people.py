"""Finding a stored person by what the user types: a name (a referral, "referred by") or a number."""

from typing import Any

from coffeechat.errors import BadInput
from coffeechat.store import ProspectStore

MAX_SUGGESTIONS = 12


def suggestions(store: ProspectStore, typed: str) -> list[dict[str, Any]]:
    """Up to a dozen people whose name or company matches what was typed, for a name picker."""
    if not typed.strip():
        return []
    found, _ = store.search(q=typed, sort="name", limit=MAX_SUGGESTIONS)
    return [{"id": p["id"], "label": label(p)} for p in found]


def label(p: dict[str, Any]) -> str:
    """How a person is named in a picker: "Jane Doe (Acme)"."""
    company = (p.get("current") or {}).get("company")
    return f"{p.get('full_name') or '(no name)'}" + (f" ({company})" if company else "")


def resolve(store: ProspectStore, typed: Any, what: str = "that person") -> int | None:
    """The id of the stored person a typed name (or number, or picker label) means; None when empty."""
    text = " ".join(str(typed or "").split())
    if not text:
        return None
    if text.lstrip("#").isdigit():
        pid = int(text.lstrip("#"))
        if store.find_by_id(pid):
            return pid
        raise BadInput(f"no saved person has number {pid}")
    name = text.rsplit(" (", 1)[0] if text.endswith(")") else text
    found, total = store.search(q=name, sort="name", limit=20)
    exact = [p for p in found if (p.get("full_name") or "").casefold() == name.casefold()]
    exact = [p for p in exact if label(p).casefold() == text.casefold()] or exact
    if len(exact) == 1:
        return exact[0]["id"]
    if len(exact) > 1:
        raise BadInput(f"{len(exact)} saved people are named {name}: pick one from the list (with their company)")
    if total == 1:
        return found[0]["id"]
    raise BadInput(f"no saved person is named “{text}”: type part of the name and pick from the list"
                   if not total else f"“{text}” matches {total} people: pick one from the list")
