"""Settings: one table, layered defaults, the per-user data folder and the pairing token."""

import os
import stat
from pathlib import Path

import pytest

from coffeechat.config import default_data_dir, load_config
from coffeechat.errors import BadInput
from coffeechat.pairing import get_token, rotate_token, token_matches
from coffeechat.settings import SETTINGS, markdown_table
from helpers import ROOT


def test_data_dir_follows_xdg_then_env_then_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "coffeechat"
    assert load_config({}, env={})["data_dir"] == tmp_path / "xdg" / "coffeechat"
    env = {"COFFEECHAT_HOME": str(tmp_path / "env")}
    assert load_config({}, env=env)["data_dir"] == tmp_path / "env"
    assert load_config({"data_dir": tmp_path / "flag"}, env=env)["data_dir"] == tmp_path / "flag"


def test_bad_port_is_a_clear_error():
    with pytest.raises(BadInput, match="port"):
        load_config({"port": 70000}, env={})
    with pytest.raises(BadInput, match="whole number"):
        load_config({}, env={"COFFEECHAT_PORT": "fifty"})


def test_readme_holds_the_settings_table():
    readme = (ROOT / "README.md").read_text()
    assert markdown_table() in readme
    assert all(s.help for s in SETTINGS)


def test_token_is_private_stable_and_rotates(tmp_path: Path):
    token = get_token(tmp_path)
    assert len(token) >= 32
    mode = stat.S_IMODE(os.stat(tmp_path / "token").st_mode)
    assert mode == 0o600
    assert get_token(tmp_path) == token
    new = rotate_token(tmp_path)
    assert new != token and get_token(tmp_path) == new
    assert token_matches(new, new) and not token_matches(new, token) and not token_matches(new, None)
