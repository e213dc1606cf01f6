"""The dashboard's HTML routes: thin layers over dashboard.pages, the store and the pipeline."""

import tempfile

from flask import Response, abort, flash, redirect, render_template, request, send_file, session, url_for

from coffeechat import pipeline
from coffeechat.app import advice, backup, exports, followups, imports, interactions, pages
from coffeechat.dashboard import bp, guard
from coffeechat.errors import BadInput
from coffeechat.outreach.templates import reset_override, save_override
from coffeechat.pairing import get_token, rotate_token
from coffeechat.web.context import now, port, store

PENDING_IMPORT = "pending-import"


def _ids() -> list[int]:
    try:
        return sorted({int(i) for i in request.form.getlist("ids")})
    except ValueError:
        raise BadInput("the selection names a prospect that does not exist") from None


def _local(target: str | None, default: str) -> str:
    """``target`` when it is a path on this site, else ``default`` (never another host or a javascript: link)."""
    target = target or ""
    # Browsers read "//host" and "/\host" as another site.
    return target if target.startswith("/") and target[1:2] not in ("/", "\\") else default


def _back(default: str):
    # Return to the page the form was on (same site only: a path, never another host).
    return redirect(_local(request.form.get("next"), default), 303)


@bp.get("/")
def prospects():
    page = pages.prospects_page(store(), request.args, now().date())
    return render_template("prospects.html", page=page, **pages.choices())


@bp.post("/prospects/bulk")
def bulk():
    ids, action, value = _ids(), request.form.get("action"), (request.form.get("value") or "").strip()
    if not ids:
        flash("Select at least one prospect first.", "error")
        return _back(url_for(".prospects"))
    if action == "stage":
        interactions.bulk_stage(store(), ids, value)
        flash(f"Moved {len(ids)} prospect(s) to {value}.", "ok")
    elif action == "tag":
        interactions.bulk_tag(store(), ids, value)
        flash(f"Tagged {len(ids)} prospect(s) “{value}”.", "ok")
    elif action == "delete":
        if request.form.get("confirm") != "yes":
            return render_template("confirm_delete.html", people=[pages.summary(store().get(i)) for i in ids],
                                   next=_local(request.form.get("next"), url_for(".prospects")))
        store().delete_many(ids)  # one compaction for the whole selection
        flash(f"Deleted {len(ids)} prospect(s) and their saved pages.", "ok")
    else:
        raise BadInput("choose what to do with the selected prospects")
    return _back(url_for(".prospects"))


@bp.get("/today")
def today():
    return render_template("today.html", page=pages.today_page(store(), now()))


@bp.get("/prospects/<int:prospect_id>")
def prospect(prospect_id: int):
    page = pages.prospect_page(store(), prospect_id, now())
    return render_template("prospect.html", page=page, p=page["prospect"], **pages.choices())


@bp.post("/prospects/<int:prospect_id>/edit")
def edit(prospect_id: int):
    form = request.form
    fields: dict = {}
    if "stage" in form:
        fields["stage"] = form["stage"]
    if "tags" in form:
        fields["tags"] = [t.strip() for t in form["tags"].split(",") if t.strip()]
    if "notes" in form:
        fields["notes"] = form["notes"]
    if "email" in form:
        fields["email"] = form["email"].strip() or None
    if "referred_by" in form:
        ref = form["referred_by"].strip()
        if ref and not ref.isdigit():
            raise BadInput("referred by: give the number (id) of another prospect, or leave it empty")
        fields["referred_by"] = int(ref) if ref else None
    store().patch(prospect_id, fields)
    flash("Saved.", "ok")
    return _back(url_for(".prospect", prospect_id=prospect_id))


@bp.post("/prospects/<int:prospect_id>/interactions")
def interaction(prospect_id: int):
    interactions.record(store(), prospect_id, request.form.get("action", ""), request.form.to_dict())
    flash(f"Added: {pipeline.ACTIONS[request.form['action']][0]}.", "ok")
    return redirect(url_for(".prospect", prospect_id=prospect_id) + "#log", 303)


@bp.post("/prospects/<int:prospect_id>/delete")
def delete(prospect_id: int):
    if request.form.get("confirm") != "yes":
        return render_template("confirm_delete.html", people=[pages.summary(store().get(prospect_id))],
                               next=url_for(".prospects"))
    store().delete(prospect_id)
    flash("Deleted the prospect, their saved pages and every link to them.", "ok")
    return redirect(url_for(".prospects"), 303)


@bp.get("/settings")
def settings():
    page = pages.settings_page(store(), get_token(store().data_dir))
    return render_template("settings.html", page=page, pending=_pending_preview())


@bp.post("/settings/me")
def save_me():
    fields = {k: v for k, v in request.form.items() if k not in ("csrf_token", "next")}
    advice.save_me(store(), fields)
    flash("Your profile is saved; drafts use it now.", "ok")
    return redirect(url_for(".settings") + "#me", 303)


@bp.post("/settings/rules")
def save_rules():
    followups.save_rules(store(), {k: v for k, v in request.form.items() if k != "csrf_token"})
    flash("Follow-up rules saved.", "ok")
    return redirect(url_for(".settings") + "#rules", 303)


@bp.post("/settings/templates")
def save_template():
    name, folder = request.form.get("name", ""), advice.templates_dir(store())
    if request.form.get("action") == "reset":
        reset_override(folder, name)
        flash(f"{name} is back to the built-in version.", "ok")
    else:
        save_override(folder, name, request.form.get("source", "").replace("\r\n", "\n"))
        flash(f"Your version of {name} is saved.", "ok")
    return redirect(url_for(".settings") + "#templates", 303)


@bp.post("/settings/token")
def new_token():
    rotate_token(store().data_dir)
    flash("New pairing token: paste it into the extension's options.", "ok")
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
            raise BadInput("choose a file to import")
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
        flash(f"Imported: {done['created']} new, {done['updated']} updated, {done['skipped']} rows skipped.", "ok")
    if step not in ("confirm", "cancel"):
        abort(400)
    return redirect(url_for(".settings") + "#import", 303)
