"""Undo after a delete: the confirmation offers it for a while, and one button brings the people back."""

from typing import Any

from flask import flash, redirect, request, url_for

from coffeechat.app import undo
from coffeechat.dashboard import bp, forms
from coffeechat.errors import CoffeechatError
from coffeechat.web.context import store

UNDO_FLASH = "undo"  # its message is the undo token: the names stay in this process, not in the cookie


def offer_undo(offer: dict[str, Any]) -> None:
    """Show the delete's confirmation with its Undo button on the next page."""
    flash(offer["token"], UNDO_FLASH)


@bp.app_template_global()
def undo_offer(token: str) -> dict[str, Any] | None:
    """The delete behind a confirmation, with the words to show, while it can still be undone."""
    offer = undo.offer(store(), token)
    if offer is None:
        return None
    return {**offer, "deleted": f"Deleted {offer['who']}{',' if len(offer['names']) > 1 else ''} and their saved pages.",
            "lasts": f"Undo works for {undo.UNDO_MINUTES} minutes while coffeechat is running."}


@bp.post("/prospects/undo-delete")
def undo_delete():
    try:
        done = undo.undo(store(), request.form.get("token"))
    except CoffeechatError as exc:
        flash(exc.message[:1].upper() + exc.message[1:], "error")
    else:
        flash(f"{done['who']} {'is' if len(done['names']) == 1 else 'are'} back.", "ok")
    return redirect(forms.local(request.form.get("next"), url_for(".prospects")), 303)


@bp.context_processor
def undo_words() -> dict[str, Any]:
    """How long an undo lasts, for the delete confirmation's words."""
    return {"undo_minutes": undo.UNDO_MINUTES}
