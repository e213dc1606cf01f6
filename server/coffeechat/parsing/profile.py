"""Profile pages: run every strategy, then merge field by field in order of trust."""

from collections.abc import Callable
from typing import Any

from coffeechat.parsing import dom_2016, dom_2018, dom_2021, dom_2026, dom_public_2023, embedded, fallback, jsonld
from coffeechat.parsing import selectors as sel
from coffeechat.parsing.errors import ParseError
from coffeechat.parsing.page import Page, load
from coffeechat.parsing.text import fold

# Newest first: a page matches one generation's markers, and the first that reads it wins.
DOM_READERS = (dom_2026.READER, dom_2021.READER, dom_2018.READER, dom_public_2023.READER,
               dom_2016.READER)
# Structure alone (what the 2026 reader does) reads whatever the readers of the page's
# generation left empty: a page no generation's markers describe (class names renamed,
# hashed or stripped), or one whose markers survived but not the classes of its fields.
STRUCTURE = dom_2026.READER
STRUCTURE_NAME = "dom_structure"  # in sources: read by structure, no generation's classes
SCALARS = ("full_name", "headline", "location", "about", "connection_degree", "profile_url",
           "member_urn", "photo_url")
LISTS = ("experience", "education", "skills", "languages")
# Embedded data is exact where it exists; the DOM is what the person saw, and the only source
# of the lists with every detail (JSON-LD languages lack proficiency, its place lacks region).
_IDENTITY_FIRST = ("embedded", "jsonld", "dom", "fallback")
_FIELD_ORDER = {
    "location": ("embedded", "dom", "jsonld", "fallback"),
    **{name: ("dom", "embedded", "jsonld", "fallback") for name in ("about", *LISTS)},
}
# What a /details/<section>/ page is about besides its section.
_DETAILS_SCALARS = ("full_name", "profile_url", "member_urn")


def parse_profile(html: str, url: str | None, kind: str) -> dict[str, Any]:
    """Parse a profile or profile-details page into the result shape."""
    page = load(html, url, kind)
    found, warnings = _run_strategies(page)
    result: dict[str, Any] = {"kind": kind}
    sources: dict[str, str] = {}
    for name in (*SCALARS, *LISTS):
        if kind == "profile-details" and name in SCALARS and name not in _DETAILS_SCALARS:
            result[name] = None
            continue
        if kind == "profile-details" and name in LISTS and page.sections and name not in page.sections:
            # A /details/skills/ page is about the skills: the embedded data's roles there
            # would replace the richer ones read from the profile itself.
            result[name] = []
            continue
        value, source = _pick(name, found)
        if name in LISTS:
            value, source = _complete(name, value, source, found)
        result[name] = value if value is not None else ([] if name in LISTS else None)
        if source:
            sources[name] = source
    result["current"], current_source = _current(result["experience"], found, kind,
                                                 result["headline"])
    if current_source:
        sources["current"] = current_source
    if kind == "profile" and not result["full_name"] and not any(result[n] for n in LISTS):
        raise ParseError("a LinkedIn profile page, but no part of the profile could be read"
                         " from it (a new page layout, or a page saved before it loaded)")
    warnings.extend(_partial_sections(page, result, sources))
    result["sources"] = sources
    result["warnings"] = warnings
    return {key: result[key] for key in ("kind", *SCALARS, "current", *LISTS, "sources",
                                         "warnings")}


def _run_strategies(page: Page) -> tuple[list[tuple[str, str, dict]], list[str]]:
    """(group, strategy name, fields) for every strategy that read something."""
    found: list[tuple[str, str, dict]] = []
    warnings: list[str] = []

    def run(group: str, name: str, parse: Callable[[Page], dict]) -> None:
        try:
            fields = parse(page)
        except Exception as exc:  # one strategy's bug must not lose what the others read
            warnings.append(f"{name} could not read this page: {type(exc).__name__}")
            return
        if fields:
            found.append((group, name, fields))

    run("embedded", embedded.NAME, embedded.parse)
    run("jsonld", jsonld.NAME, jsonld.parse)
    readers = [reader for reader in DOM_READERS if reader.applies(page)]
    for reader in readers:
        run("dom", reader.NAME, reader.read)
    # Only the parts the generation's readers left empty: structure costs a walk of them.
    wanted = _unread(page, [fields for group, _, fields in found if group == "dom"])
    if wanted and STRUCTURE not in readers:
        run("dom", STRUCTURE_NAME, lambda page: STRUCTURE.read(page, wanted))
    run("fallback", fallback.NAME, fallback.parse)
    return found, warnings


def _unread(page: Page, read: list[dict]) -> frozenset[str]:
    """The page's parts ("topcard", section names) no DOM reader got anything from."""
    def got(*names: str) -> bool:
        return any(fields.get(name) for fields in read for name in names)

    parts = {key for key in page.sections if not got(key)}
    if page.topcard is not None and not got("full_name", "headline"):
        parts.add("topcard")
    return frozenset(parts)


def _pick(name: str, found: list[tuple[str, str, dict]]) -> tuple[Any, str | None]:
    """The first non-empty value of a field, strategies taken in the field's order of trust."""
    for group in _FIELD_ORDER.get(name, _IDENTITY_FIRST):
        for strategy_group, strategy, fields in found:
            value = fields.get(name)
            if strategy_group == group and value not in (None, "", []):
                return value, strategy
    return None, None


def _complete(name: str, value: list | None, source: str | None,
              found: list[tuple[str, str, dict]]) -> tuple[list | None, str | None]:
    """A list the page shows in part ("Show all 20 skills", a collapsed role), completed with
    the embedded data's items it lacks; the source then names both strategies."""
    extra = next((fields.get(name) for group, _, fields in found if group == "embedded"), None)
    if not extra or source == embedded.NAME:
        return value, source
    shown = value or []
    seen = {_identity(name, item) for item in shown}
    missing = [item for item in extra if _identity(name, item) not in seen]
    if not missing:
        return value, source
    return [*shown, *missing], f"{source}+{embedded.NAME}" if source else embedded.NAME


def _identity(name: str, item: dict | str) -> tuple:
    """What makes two items of a list the same item, whichever strategy read them."""
    if isinstance(item, str):
        return (fold(item),)
    keys = {"experience": ("title", "start"), "education": ("school", "start"),
            "languages": ("language",)}[name]
    return tuple(fold(item.get(key) or "") for key in keys)


def _current(experience: list[dict], found: list, kind: str,
             headline: str | None = None) -> tuple[dict, str | None]:
    """The ongoing role, else what the page's data says.

    Of several ongoing roles: the one the headline names ("CEO at Keel Robotics"), then a
    job over a board or advisory seat, then the latest start.
    """
    ongoing = [role for role in experience if role.get("start") and role.get("end") is None]
    if ongoing:
        said = fold(headline or "")

        def rank(role: dict) -> tuple:
            # A company shows in a headline by its main name ("Aristotle" for "Aristotle -
            # Co-Pilot for Cold Sales"); a title is the weaker sign ("Co-Founder" fits many).
            company = sel.COMPANY_NAME_TAIL.split(role["company"] or "")[0].strip()
            by_company = bool(company) and fold(company) in said
            by_title = bool(role["title"]) and fold(role["title"]) in said
            seat = bool(sel.NON_EMPLOYEE_TITLE.search(role["title"] or ""))
            return by_company, by_title, not seat, (role["start"] + "-00")[:7]

        best = max(ongoing, key=rank)
        return {"title": best["title"], "company": best["company"]}, "experience"
    if kind == "profile":
        value, source = _pick("current", found)
        if value:
            return value, source
    return {"title": None, "company": None}, None


def _partial_sections(page: Page, result: dict, sources: dict[str, str]) -> list[str]:
    """Warnings for sections the page shows only in part ("Show all 21 skills") and the
    embedded data did not complete."""
    warnings = []
    for name in LISTS:
        section = page.sections.get(name)
        completed = sources.get(name, "").endswith(embedded.NAME)
        if section is not None and not completed and \
                section.select_one(f'a[href*="{sel.DETAILS_LINK}{name}"]'):
            warnings.append(f"this page shows only part of the {name}: capture "
                            f"/details/{name}/ for the rest")
    if page.kind == "profile" and not result["experience"]:
        warnings.append("no experience found on this page")
    return warnings
