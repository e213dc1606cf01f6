"""The README stays honest: every CLI command and API route appears in it."""

from coffeechat.cli import main
from coffeechat.webapp import create_app
from helpers import ROOT


def test_every_cli_command_is_documented():
    readme = (ROOT / "README.md").read_text()
    for name in main.commands:
        assert f"`coffeechat {name}" in readme, name


def test_every_api_route_is_documented(tmp_path):
    readme = (ROOT / "README.md").read_text()
    app = create_app({"data_dir": tmp_path})
    try:
        for rule in app.url_map.iter_rules():
            if not rule.rule.startswith("/api/"):
                continue
            path = rule.rule.replace("<int:prospect_id>", "<id>")
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                assert f"{method} {path}" in readme or f"`{method} {path}`" in readme, f"{method} {path}"
    finally:
        app.extensions["coffeechat_store"].close()
