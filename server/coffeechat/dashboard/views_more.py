"""Companies, the pipeline board and the templates page."""

from flask import redirect, render_template, request, url_for

from coffeechat.app import board, companies, pages, template_help
from coffeechat.dashboard import bp, forms
from coffeechat.errors import BadInput
from coffeechat.labels import STAGE_LABELS
from coffeechat.web.context import now, store


@bp.get("/companies")
def companies_list():
    return render_template("companies.html", page=companies.companies_page(store()))


@bp.get("/companies/<int:company_id>")
def company(company_id: int):
    return render_template("company.html", page=companies.company_page(store(), company_id))


@bp.get("/board")
def board_view():
    return render_template("board.html", page=board.board_page(store()), **pages.choices())


@bp.post("/board/<int:prospect_id>")
def board_move(prospect_id: int):
    try:
        moved = board.move(store(), prospect_id, request.form.get("stage", ""))
    except BadInput as exc:
        return render_template("board.html", page=board.board_page(store()), form_name="board",
                               form_errors=forms.problems(exc), **pages.choices()), 400
    forms.done("board", f"Moved {moved.get('full_name') or 'them'} to {STAGE_LABELS[moved['stage']]}.")
    return redirect(url_for(".board_view") + f"#stage-{moved['stage']}", 303)


@bp.get("/templates")
def templates_page():
    page = template_help.templates_page(store(), request.args, now().date())
    return render_template("templates.html", page=page)


@bp.post("/templates/preview")
def template_preview():
    page = template_help.templates_page(store(), request.form, now().date(), source=request.form.get("source"))
    return render_template("templates.html", page=page)
