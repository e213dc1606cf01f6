"""Forms that keep their input: a refused form comes back as typed, with the problem next to its field."""

from flask import flash, render_template, request

from coffeechat.app import pages
from coffeechat.errors import BadInput
from coffeechat.web.context import now, store


class FieldProblem(BadInput):
    """Bad input in one field of a form, said in the users' words."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def problems(exc: BadInput) -> dict[str, str]:
    """field → message ("_form" when no one field is to blame)."""
    message = exc.message[:1].upper() + exc.message[1:]
    return {getattr(exc, "field", "_form"): message}


def local(target: str | None, default: str) -> str:
    """``target`` when it is a path on this site, else ``default`` (never another host or a javascript: link)."""
    target = target or ""
    # Browsers read "//host" and "/\\host" as another site.
    return target if target.startswith("/") and target[1:2] not in ("/", "\\") else default


def done(form: str, message: str) -> None:
    """A confirmation shown next to the form that was used."""
    flash(message, f"ok:{form}")


def prospect_again(prospect_id: int, form: str, exc: BadInput):
    """The prospect page again, the refused form filled in as typed and the problem next to its field."""
    page = pages.prospect_page(store(), prospect_id, now(), request.args)
    return render_template("prospect.html", page=page, p=page["prospect"], form_name=form,
                           form_errors=problems(exc), typed_form=request.form.to_dict(), **pages.choices()), 400

