"""`python -m tests.regenerate`: writes a page's pair from the parser's output, in stable order."""

import json
import shutil

import pytest

from fixture_pages import page_path
from regenerate import expected_pair, main, regenerate


def test_a_new_page_gets_its_pair_and_a_second_run_changes_nothing(tmp_path):
    page = tmp_path / "profile" / "new-layout.html"
    page.parent.mkdir()
    shutil.copy(page_path("public-2016"), page)
    assert regenerate(page, "https://www.linkedin.com/in/priyaraman/") is True
    pair = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert pair["url"] == "https://www.linkedin.com/in/priyaraman/"
    assert pair["expected"]["full_name"] == "Priya Raman"
    assert list(pair["expected"])[:2] == ["kind", "full_name"]  # the parser's own key order
    before = page.with_suffix(".json").read_text(encoding="utf-8")
    assert regenerate(page) is False  # the recorded address is kept
    assert page.with_suffix(".json").read_text(encoding="utf-8") == before


def test_a_refused_page_records_the_refusal():
    pair = expected_pair(page_path("error-response"), None)
    assert pair["error"].startswith("an error page") and pair["error_kind"] == "error"


def test_unknown_names_are_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["no-such-page"])
    assert exit_.value.code == 2
    assert "0 fixture pages named no-such-page.html" in capsys.readouterr().err
