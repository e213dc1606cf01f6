"""The prospect page's drafts: the one for the next step first, each with its wordings, the user's edit,
what "Mark as sent" logs and a mail link; and the research notes as sections to render."""

from datetime import date
from typing import Any, Mapping
from urllib.parse import quote

from coffeechat.app import advice
from coffeechat.errors import BadInput, CoffeechatError
from coffeechat.labels import SENT_ACTIONS
from coffeechat.store import ProspectStore

# When no follow-up names a draft, the stage says which one comes next.
NEXT_BY_STAGE = {"saved": "connection_note", "contacted": "follow_up", "replied": "message", "met": "thank_you",
                 "thanked": "keep_in_touch", "in_touch": "keep_in_touch"}


def next_kind(prospect: dict[str, Any], follow_ups: list[dict[str, Any]]) -> str | None:
    """The draft kind of the next step."""
    kind = next((i["draft_kind"] for i in follow_ups if i.get("draft_kind")), None) or NEXT_BY_STAGE.get(
        prospect.get("stage") or "saved")
    # Already connected: a message, not an invitation.
    if kind == "connection_note" and str(prospect.get("connection_degree") or "").startswith("1"):
        return "message"
    return kind


def _one(store: ProspectStore, pid: int, kind: str, variant: int | None, reason: str | None,
         today: date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    made = advice.drafts(store, pid, kind=kind, variant=variant, today=today, reason=reason)
    return made["drafts"], made.get("reasons") or []


def _number(raw: Any) -> int | None:
    return int(raw) if isinstance(raw, str) and raw.isdigit() else None


def mailto(email: str | None, subject: str | None, body: str) -> str | None:
    """A mail link with the draft filled in, when the email address is known."""
    if not email:
        return None
    query = (f"subject={quote(subject)}&" if subject else "") + f"body={quote(body)}"
    return f"mailto:{quote(email, safe='@.+-_')}?{query}"


def draft_groups(store: ProspectStore, prospect: dict[str, Any], drafts: list[dict[str, Any]],
                 args: Mapping[str, Any], today: date, first: str | None,
                 reasons: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One entry per draft kind (the next step's first), in the wording and reason the page asked for, with the
    user's edit; ``reasons`` are the reasons to write to this person, the one leading marked ``chosen``."""
    pid, edits = prospect["id"], prospect.get("draft_edits") or {}
    out = []
    for d in drafts:
        kind = d["kind"]
        variant, reason = _number(args.get(f"v_{kind}")), args.get(f"r_{kind}") or None
        problem, offered = None, reasons or []
        if variant is not None or reason:
            try:
                made, offered = _one(store, pid, kind, variant, reason, today)
                d = (made or [d])[0]
            except (BadInput, CoffeechatError) as exc:
                problem = exc.message
        chosen = next((r["id"] for r in offered if r.get("chosen")), None)
        edited = edits.get(kind)
        body = d["body"]
        subject = d.get("subject")
        if edited:
            subject, _, rest = edited.partition("\n\n") if subject else (None, "", edited)
            body = rest if subject else edited
        count = d.get("variants") or 1
        choices = [{"value": r["id"], "label": r["label"]} for r in offered] if len(offered) > 1 else []
        out.append({
            "kind": kind, "draft": d, "subject": subject, "body": body, "edited": bool(edited),
            "variant": d.get("variant") or 0, "variants": count, "next_variant": ((d.get("variant") or 0) + 1) % count,
            "reason": reason or chosen, "reasons": choices, "problem": problem,
            "sent_action": SENT_ACTIONS.get(kind),
            "sent_to": prospect.get("referred_by") if kind == "referral_thanks" else pid,
            "mailto": mailto(prospect.get("email"), subject, body) if d.get("channel") in ("email", None) or kind in (
                "email", "thank_you", "keep_in_touch", "follow_up", "referral_thanks") else None,
            "is_next": kind == first,
        })
    out.sort(key=lambda g: not g["is_next"])
    return out


def save_edit(store: ProspectStore, prospect_id: int, kind: str, text: str | None) -> dict[str, Any]:
    """Keep the user's edited text of one draft (empty text goes back to the suggestion)."""
    if kind not in SENT_ACTIONS:
        raise BadInput(f"there is no draft called {kind!r}")
    edits = dict(store.get(prospect_id).get("draft_edits") or {})
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > 8000:
        raise BadInput("a draft can be at most 8,000 characters")
    if text:
        edits[kind] = text
    else:
        edits.pop(kind, None)
    return store.patch(prospect_id, {"draft_edits": edits})


def notes_view(notes: dict[str, Any] | None) -> dict[str, Any] | None:
    """The research notes' sections, with each question listed once."""
    if not notes:
        return None
    questions = list(dict.fromkeys(q for q in notes.get("questions") or [] if q))
    return {**notes["sections"], "questions": questions, "markdown": notes.get("markdown")}
