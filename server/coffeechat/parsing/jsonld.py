"""JSON-LD `Person` of public profiles (public-2023.html): name, place, photo, current job.

The @graph also holds articles whose authors are Persons too; only a top-level Person that is
the page's subject (same profile URL, or the only one) is read.
"""

import html as htmlmod
import json

from coffeechat.parsing.page import Page
from coffeechat.parsing.text import clean
from coffeechat.parsing.urls import canonical_profile_url

NAME = "jsonld"


def _nodes(block: str) -> list[dict]:
    """Top-level objects of one JSON-LD block (a @graph is flattened one level)."""
    try:
        data = json.loads(block)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    out = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(n for n in graph if isinstance(n, dict))
            else:
                out.append(item)
    return out


def _subject(page: Page) -> dict | None:
    """The Person the page is about."""
    persons = [n for block in page.json_ld for n in _nodes(block) if n.get("@type") == "Person"]
    wanted = canonical_profile_url(page.url)
    for person in persons:
        if wanted and canonical_profile_url(_str(person.get("url"))) == wanted:
            return person
    return persons[0] if len(persons) == 1 else None


def _str(value: object) -> str | None:
    """A JSON value as clean text, or None when it is not a string."""
    return clean(htmlmod.unescape(value)) if isinstance(value, str) else None


def _first(value: object) -> object:
    """The first item of a list, or the value itself."""
    return value[0] if isinstance(value, list) and value else value


def parse(page: Page) -> dict:
    """Fields from the subject's JSON-LD Person."""
    person = _subject(page)
    if person is None:
        return {}
    out: dict = {"full_name": _str(person.get("name")),
                 "profile_url": canonical_profile_url(_str(person.get("url")))}
    address = person.get("address")
    if isinstance(address, dict):
        out["location"] = _str(address.get("addressLocality"))
    image = person.get("image")
    out["photo_url"] = _str(image.get("contentUrl")) if isinstance(image, dict) else _str(image)
    employer = _first(person.get("worksFor"))
    if isinstance(employer, dict):
        out["current"] = {"title": _str(_first(person.get("jobTitle"))),
                          "company": _str(employer.get("name"))}
    languages = person.get("knowsLanguage")
    if isinstance(languages, list):
        names = (_str(lang.get("name")) for lang in languages if isinstance(lang, dict))
        out["languages"] = [{"language": n, "proficiency": None} for n in names if n]
    return out
