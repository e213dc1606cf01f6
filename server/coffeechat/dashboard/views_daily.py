"""The daily loop's routes: Today's Done / Snooze / Reschedule, priorities, log edits, saved draft edits, name picker."""

from typing import Any

from flask import jsonify, redirect, render_template, request, url_for

from coffeechat.app import log, pages, people, prospect_view, today
from coffeechat.dashboard import bp, forms
from coffeechat.errors import BadInput
from coffeechat.web.context import now, store


def _today_again(exc: BadInput, item: str):
    page = pages.today_page(store(), now())
    return render_template("today.html", page=page, form_name=item, form_errors=forms.problems(exc),
                           typed_form=request.form.to_dict()), 400


def _item_name() -> str:
    return f"{request.form.get('rule', '')}-{(request.view_args or {}).get('prospect_id')}"


@bp.post("/today/<int:prospect_id>/done")
def today_done(prospect_id: int):
    form = request.form
    try:
        today.done(store(), prospect_id, form.get("rule", ""), now().date(), form.get("draft_kind") or None,
                   form.get("at") or None)
    except BadInput as exc:
        return _today_again(exc, _item_name())
    forms.done("today", f"Logged: {store().get(prospect_id).get('full_name') or 'done'}.")
    return redirect(url_for(".today") + "#today", 303)


@bp.post("/today/<int:prospect_id>/snooze")
def today_snooze(prospect_id: int):
    form = request.form
    try:
        until = today.snooze_until(form.get("for", ""), form.get("until"), now().date())
        today.snooze(store(), prospect_id, form.get("rule", ""), until)
    except BadInput as exc:
        return _today_again(forms.FieldProblem("until", exc.message), _item_name())
    forms.done("today", f"Snoozed until {until.day} {until:%b}.")
    return redirect(url_for(".today") + "#today", 303)


@bp.post("/today/<int:prospect_id>/reschedule")
def today_reschedule(prospect_id: int):
    try:
        if not request.form.get("when"):
            raise forms.FieldProblem("when", "Pick the new date and time.")
        today.reschedule(store(), prospect_id, request.form["when"])
    except BadInput as exc:
        return _today_again(exc, f"meeting-{prospect_id}")
    forms.done("today", "Meeting moved.")
    return redirect(url_for(".today") + "#today", 303)


@bp.post("/prospects/<int:prospect_id>/priority")
def priority(prospect_id: int):
    today.set_priority(store(), prospect_id, request.form.get("on") == "1")
    forms.done("stage", "Marked as a priority." if request.form.get("on") == "1" else "No longer a priority.")
    target = request.form.get("next") or ""
    return redirect(target if target.startswith("/") and target[1:2] not in ("/", "\\")
                    else url_for(".prospect", prospect_id=prospect_id), 303)


@bp.post("/prospects/<int:prospect_id>/log/<entry_id>")
def log_entry(prospect_id: int, entry_id: str):
    try:
        if request.form.get("do") == "delete":
            log.delete_entry(store(), prospect_id, entry_id)
            forms.done("log", "Removed from the log; the stage follows what is left.")
        else:
            log.edit_entry(store(), prospect_id, entry_id, request.form.to_dict())
            forms.done("log", "Log entry changed.")
    except BadInput as exc:
        return forms.prospect_again(prospect_id, f"entry-{entry_id}", exc)
    return redirect(url_for(".prospect", prospect_id=prospect_id) + "#log", 303)


@bp.post("/prospects/<int:prospect_id>/drafts/<kind>")
def save_draft(prospect_id: int, kind: str):
    reset = request.form.get("do") == "reset"
    text = "" if reset else request.form.get("text", "")
    if not reset and request.form.get("subject"):
        text = f"{request.form['subject']}\n\n{text}"
    try:
        prospect_view.save_edit(store(), prospect_id, kind, text)
    except BadInput as exc:
        return forms.prospect_again(prospect_id, f"draft-{kind}", exc)
    forms.done(f"draft-{kind}", "Back to the suggested wording." if reset else "Your version is kept.")
    args: dict[str, Any] = {**request.args, "prospect_id": prospect_id}
    return redirect(url_for(".prospect", **args) + f"#draft-{kind}", 303)


@bp.get("/people.json")
def people_json():
    return jsonify({"people": people.suggestions(store(), request.args.get("q", ""))})
