"""The dashboard's HTML routes: thin layers over dashboard.pages, the store and the pipeline."""

import tempfile
from typing import Any
from urllib.parse import parse_qsl

from flask import Response, abort, redirect, render_template, request, send_file, session, url_for

from coffeechat import pipeline
from coffeechat.app import advice, backup, board, exports, followups, imports, interactions, pages, people, undo
from coffeechat.dashboard import bp, forms, guard, views_undo
from coffeechat.errors import BadInput
from coffeechat.labels import STAGE_LABELS
from coffeechat.outreach.templates import reset_override, save_override
from coffeechat.pairing import get_token, rotate_token
from coffeechat.web.context import now, port, store

PENDING_IMPORT = "pending-import"
LIST_FIELDS = ("schools", "employers", "skills", "languages")


def _ids() -> list[int]:
    try:
        return sorted({int(i) for i in request.form.getlist("ids")})
    except ValueError:
        raise BadInput("the selection names a prospect that does not exist") from None


def _back(default: str):
    # Return to the page the form was on (same site only: a path, never another host).
    return redirect(forms.local(request.form.get("next"), default), 303)


@bp.get("/")
def prospects():
    page = pages.prospects_page(store(), request.args, now().date())
    return render_template("prospects.html", page=page, **pages.choices())


def _prospects_again(exc: BadInput):
    """The list again with the bulk form as typed and its problem next to it."""
    args = {}
    target = request.form.get("next") or ""
    if "?" in target:
        args = dict(parse_qsl(target.split("?", 1)[1]))
    page = pages.prospects_page(store(), args, now().date())
    return render_template("prospects.html", page=page, form_name="bulk", form_errors=forms.problems(exc),
                           typed_form=request.form.to_dict(), next_path=target or None, **pages.choices()), 400


@bp.post("/prospects/bulk")
def bulk():
    ids, action, value = _ids(), request.form.get("action"), (request.form.get("value") or "").strip()
    try:
        if not ids:
            raise forms.FieldProblem("ids", "Select at least one prospect first.")
        if action == "stage":
            try:
                stage = board.stage_value(request.form.get("stage") or value)
            except BadInput as exc:
                raise forms.FieldProblem("stage", exc.message) from None
            interactions.bulk_stage(store(), ids, stage)
            forms.done("bulk", f"Moved {len(ids)} prospect(s) to {STAGE_LABELS[stage]}.")
        elif action == "tag":
            if not value:
                raise forms.FieldProblem("value", "Type the tag to add.")
            interactions.bulk_tag(store(), ids, value)
            forms.done("bulk", f"Tagged {len(ids)} prospect(s) “{value}”.")
    except BadInput as exc:
        return _prospects_again(exc)
    if action == "delete":
        if request.form.get("confirm") != "yes":
            return render_template("confirm_delete.html", people=[pages.summary(store().get(i)) for i in ids],
                                   next=forms.local(request.form.get("next"), url_for(".prospects")))
        views_undo.offer_undo(undo.delete(store(), ids))  # one compaction for the whole selection
    elif action not in ("stage", "tag"):
        raise BadInput("choose what to do with the selected prospects")
    return _back(url_for(".prospects") + "#bulk")


@bp.get("/today")
def today():
    return render_template("today.html", page=pages.today_page(store(), now()))


@bp.get("/prospects/<int:prospect_id>")
def prospect(prospect_id: int):
    page = pages.prospect_page(store(), prospect_id, now(), request.args)
    return render_template("prospect.html", page=page, p=page["prospect"], **pages.choices())


@bp.post("/prospects/<int:prospect_id>/edit")
def edit(prospect_id: int):
    form, which = request.form, request.form.get("form") or "stage"
    try:
        _edit(prospect_id, form)
    except BadInput as exc:
        return forms.prospect_again(prospect_id, which, exc)
    forms.done(which, "Saved.")
    return _back(url_for(".prospect", prospect_id=prospect_id) + f"#{which}")


def _edit(prospect_id: int, form) -> None:
    fields: dict = {}
    if "stage" in form:
        try:
            fields["stage"] = board.stage_value(form["stage"])
        except BadInput as exc:
            raise forms.FieldProblem("stage", exc.message) from None
    if "tags" in form:
        fields["tags"] = [t.strip() for t in form["tags"].split(",") if t.strip()]
    if "notes" in form:
        fields["notes"] = form["notes"]
    if "email" in form:
        fields["email"] = form["email"].strip() or None
    if "referred_by" in form:
        try:
            ref = people.resolve(store(), form["referred_by"])
        except BadInput as exc:
            raise forms.FieldProblem("referred_by", exc.message) from None
        if ref == prospect_id:
            raise forms.FieldProblem("referred_by", "A person cannot be referred by themself.")
        fields["referred_by"] = ref
    if fields:
        store().patch(prospect_id, fields)


@bp.post("/prospects/<int:prospect_id>/interactions")
def interaction(prospect_id: int):
    action, data = request.form.get("action", ""), dict[str, Any](request.form.to_dict())
    which = data.get("form") or "log"
    try:
        if action == "meeting_scheduled" and not data.get("when"):
            raise forms.FieldProblem("when", "Pick the meeting’s date and time.")
        if action == "referral_given":
            try:
                data["prospect_id"] = people.resolve(store(), data.get("prospect_name") or data.get("prospect_id"))
            except BadInput as exc:
                raise forms.FieldProblem("prospect_name", exc.message) from None
            if data["prospect_id"] is None:
                raise forms.FieldProblem("prospect_name", "Pick the person they referred you to.")
        if data.get("subject") and data.get("text"):  # a draft marked as sent: what was sent, subject first
            data["text"] = f"{data['subject'].strip()}\n\n{data['text']}"
        target = int(data["to"]) if (data.get("to") or "").isdigit() else prospect_id
        interactions.record(store(), target, action, data)
    except BadInput as exc:
        return forms.prospect_again(prospect_id, which, exc)
    forms.done(which, f"Added to the log: {pipeline.ACTIONS[action][0]}.")
    if which != "log":  # a draft marked as sent: the log says so too (the draft may fold away now)
        forms.done("log", f"Added to the log: {pipeline.ACTIONS[action][0]}.")
    return _back(url_for(".prospect", prospect_id=prospect_id) + f"#{which}")


@bp.post("/prospects/<int:prospect_id>/delete")
def delete(prospect_id: int):
    if request.form.get("confirm") != "yes":
        return render_template("confirm_delete.html", people=[pages.summary(store().get(prospect_id))],
                               next=url_for(".prospects"))
    views_undo.offer_undo(undo.delete(store(), [prospect_id]))
    return redirect(url_for(".prospects"), 303)


@bp.get("/settings")
def settings():
    page = pages.settings_page(store(), get_token(store().data_dir))
    return render_template("settings.html", page=page, pending=_pending_preview())


@bp.post("/settings/me")
def save_me():
    fields = {k: v for k, v in request.form.items() if k not in ("csrf_token", "next")}
    for key in LIST_FIELDS:  # one item per line: a school's name may hold a comma
        if key in fields:
            fields[key] = [line for line in fields[key].splitlines() if line.strip()]
    try:
        advice.save_me(store(), fields)
    except BadInput as exc:
        return _settings_again("me", exc)
    forms.done("me", "Your profile is saved; drafts use it now.")
    return redirect(url_for(".settings") + "#me", 303)


def _settings_again(form: str, exc: BadInput):
    page = pages.settings_page(store(), get_token(store().data_dir))
    return render_template("settings.html", page=page, pending=_pending_preview(), form_name=form,
                           form_errors=forms.problems(exc), typed_form=request.form.to_dict()), 400


@bp.post("/settings/rules")
def save_rules():
    try:
        followups.save_rules(store(), {k: v for k, v in request.form.items() if k not in ("csrf_token", "form")})
    except BadInput as exc:
        return _settings_again("rules", exc)
    forms.done("rules", "Follow-up rules saved.")
    return redirect(url_for(".settings") + "#rules", 303)


@bp.post("/settings/templates")
def save_template():
    name, folder = request.form.get("name", ""), advice.templates_dir(store())
    if request.form.get("action") == "reset":
        reset_override(folder, name)
        forms.done(f"template-{name}", "Back to the built-in version.")
    else:
        save_override(folder, name, request.form.get("source", "").replace("\r\n", "\n"))
        forms.done(f"template-{name}", "Your version is saved; drafts use it now.")
    person = request.form.get("person") or None
    return redirect(url_for(".templates_page", name=name, person=person) + "#preview", 303)


@bp.post("/settings/token")
def new_token():
    rotate_token(store().data_dir)
    forms.done("pairing", "New pairing token: paste it into the extension's options.")
    return redirect(url_for(".settings") + "#pairing", 303)


@bp.get("/export/<fmt>")
@guard.same_origin_only
def download(fmt: str):
    content, mimetype, filename = exports.export(store(), fmt, port(), now())
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/settings/backup")
@guard.same_origin_only
def backup_archive():
    archive = tempfile.TemporaryFile()  # outside the data folder, gone once sent
    backup.write_archive(store(), archive)
    archive.seek(0)
    return send_file(archive, mimetype="application/x-tar", as_attachment=True,
                     download_name=f"coffeechat-backup-{now():%Y-%m-%d}.tar")


def _pending_text() -> str | None:
    return store().previews.read(session.get(PENDING_IMPORT))


def _pending_preview():
    text = _pending_text()
    if text is None:
        return None
    kind, _, text = text.partition("\n")
    try:
        return imports.preview(kind, text, store())
    except BadInput as exc:
        return {"kind": kind, "problem": exc.message, "rows": []}


@bp.post("/settings/import")
def import_file():
    step = request.form.get("step")
    if step == "preview":
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            return _settings_again("import", forms.FieldProblem("file", "Choose a file to import (.csv or .json)."))
        kind, text = imports.kind_of(upload.filename), upload.read().decode("utf-8-sig", "replace")
        imports.preview(kind, text, store())  # refuse an unreadable file now, with its reason
        store().previews.remove(session.get(PENDING_IMPORT))
        session[PENDING_IMPORT] = store().previews.write(f"{kind}\n{text}")
        return redirect(url_for(".settings") + "#import", 303)
    pending, name = _pending_text(), session.pop(PENDING_IMPORT, None)
    store().previews.remove(name)
    if step == "confirm" and pending is not None:
        kind, _, text = pending.partition("\n")
        done = imports.apply(kind, text, store())
        forms.done("import", f"Imported: {done['created']} new, {done['updated']} updated, "
                             f"{done['skipped']} rows skipped.")
    if step not in ("confirm", "cancel"):
        abort(400)
    return redirect(url_for(".settings") + "#import", 303)
