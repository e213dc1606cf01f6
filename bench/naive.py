"""The naive capture path the store is measured against: html.parser on the whole page, default TinyDB.

It does the work a first version would do, in the same HTTP server and with the same drafts:
BeautifulSoup with Python's ``html.parser`` over the whole page (scripts and embedded JSON
included), then ``upsert`` into TinyDB's default ``JSONStorage``, which reads and rewrites the
whole file on every operation.
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from flask import Flask, request
from tinydb import Query, TinyDB

from coffeechat.me import normalize_me
from coffeechat.outreach import best_connection_note


def write_naive_db(path: Path, prospects: dict[str, dict[str, Any]]) -> None:
    """The same prospects in TinyDB's default file layout."""
    path.write_text(json.dumps({"_default": prospects}, ensure_ascii=False), encoding="utf-8")


def naive_parse(html: str, url: str) -> dict[str, Any]:
    """Name, headline and the text of each list item, read from a soup of the whole page."""
    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.find("h1") or soup.find("title")
    name = h1.get_text(" ", strip=True).split("|")[0].strip() if h1 else None
    headline = soup.find("div", class_="text-body-medium")
    items = [li.get_text(" ", strip=True) for section in soup.find_all("section") for li in section.find_all("li")]
    return {"key": url, "profile_url": url, "full_name": name,
            "headline": headline.get_text(" ", strip=True) if headline else None,
            "experience": [{"title": text[:120]} for text in items[:20]]}


def create_naive_app(db_path: Path) -> Flask:
    """A Flask app with one route, POST /captures, doing the naive capture."""
    app = Flask(__name__)
    db = TinyDB(db_path)
    app.extensions["naive_db"] = db

    @app.post("/captures")
    def capture():
        data = request.get_json()
        parsed = naive_parse(data["html"], data["url"])
        db.upsert(parsed, Query().key == parsed["key"])
        note = best_connection_note(parsed, normalize_me({}), today=date.today())
        return {"prospect": parsed, "connection_note": note}, 200

    return app
