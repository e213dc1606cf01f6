"""The dashboard's approval page for pairing requests: the user allows or denies an extension."""

from flask import render_template, request

from coffeechat.dashboard import bp
from coffeechat.errors import BadInput
from coffeechat.pairing import get_token
from coffeechat.web.context import pairing_requests, store


@bp.get("/pair/<request_id>")
def pairing_request(request_id: str):
    return render_template("pair.html", pairing=pairing_requests().get(request_id), answered=None)


@bp.post("/pair/<request_id>")
def answer_pairing_request(request_id: str):
    # guard.check_write has already refused other sites and a missing CSRF token.
    decision = request.form.get("decision")
    if decision not in ("allow", "deny"):
        raise BadInput("choose Allow or Deny")
    answered = pairing_requests().answer(request_id, decision == "allow", get_token(store().data_dir))
    return render_template("pair.html", pairing=answered, answered=decision)
