"""Turning a captured page into stored prospects: shared by the API and `coffeechat reparse`."""

from dataclasses import dataclass, field
from typing import Any

from coffeechat.app import job_changes
from coffeechat.errors import CoffeechatError
from coffeechat.parsing import ParseError, parse_page
from coffeechat.parsing.urls import canonical_profile_url
from coffeechat.store import ProspectStore

PROFILE_KINDS = ("profile", "profile-details")


@dataclass
class CaptureResult:
    """What one capture did: the kind of page, the prospects it touched, and notes for the user."""

    kind: str
    saved: list[tuple[dict[str, Any], bool, list[str]]] = field(default_factory=list)
    company: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    duplicate: bool = False
    job_change: dict[str, Any] | None = None


def prospect_key(parsed: dict[str, Any], url: str | None) -> str | None:
    """The identity of the person a parse describes: canonical profile URL, else member URN."""
    for candidate in (parsed.get("profile_url"), url):
        key = canonical_profile_url(candidate) if candidate else None
        if key:
            return key
    return parsed.get("member_urn")


def _search_result_as_profile(result: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "search-results", "full_name": result.get("full_name"), "headline": result.get("headline"),
            "location": result.get("location"), "connection_degree": result.get("connection_degree"),
            "profile_url": result.get("profile_url")}


def save_capture(store: ProspectStore, html: str, url: str, captured_at: str | None = None,
                 idempotency_key: str | None = None) -> CaptureResult:
    """Parse the page and store what it says; a repeated idempotency key stores nothing new.

    The page is parsed outside the store's lock (it is the slow part); checking the key and
    storing run under it, so requests sending one key at once store one capture.
    """
    if idempotency_key and (seen := _duplicate(store, idempotency_key)):
        return seen
    parsed = parse_page(html, url)
    kind = parsed["kind"]
    result = CaptureResult(kind, warnings=list(parsed.get("warnings", [])))
    key = None
    if kind in PROFILE_KINDS:
        key = prospect_key(parsed, url)
        if not key:
            raise ParseError("this profile page names no profile URL or member id, so it cannot be told apart "
                             "from others; save it from the person's LinkedIn address")
    elif kind == "company":
        result.company = {k: v for k, v in parsed.items() if k not in ("sources", "warnings")}
    with store.atomically():
        if idempotency_key and (seen := _duplicate(store, idempotency_key)):
            return seen
        if key:
            capture_id = store.save_page(html)
            known = store.find_by_key(key, parsed.get("member_urn"))
            before = store.get(known) if known else None
            saved = store.save_capture(parsed, key, url, capture_id, captured_at)
            result.job_change = job_changes.record(store, before, saved[0], captured_at)
            if result.job_change:
                saved = (store.get(saved[0]["id"]), *saved[1:])
            result.saved.append(saved)
        elif kind == "search-results":
            _save_search(store, parsed, html, url, captured_at, result)
        elif result.company and result.company.get("company_name"):  # kept so the dashboard shows a page per company
            result.company["id"] = store.save_company(result.company)["id"]
        if idempotency_key:
            store.remember_key(idempotency_key, kind, [p["id"] for p, _, _ in result.saved])
    return result


def _duplicate(store: ProspectStore, idempotency_key: str) -> CaptureResult | None:
    """What an earlier request with this key stored, as a duplicate result; None when the key is new."""
    seen = store.seen_key(idempotency_key)
    if not seen:
        return None
    prospects: list[tuple[dict[str, Any], bool, list[str]]] = [
        (store.get(i), False, []) for i in seen["ids"] if store.find_by_id(i)]
    return CaptureResult(seen["kind"], prospects, duplicate=True)


def _save_search(store: ProspectStore, parsed: dict[str, Any], html: str, url: str, captured_at: str | None,
                 result: CaptureResult) -> None:
    found = [_search_result_as_profile(r) for r in parsed.get("results", []) if r.get("profile_url")]
    people = [(p, k) for p in found if (k := prospect_key(p, None))]
    if people:
        capture_id = store.save_page(html)
        for as_profile, key in people:
            result.saved.append(store.save_capture(as_profile, key, url, capture_id, captured_at))


def reparse_all(store: ProspectStore) -> dict[str, int]:
    """Re-parse every stored capture with today's parser and merge the results again."""
    counts = {"prospects": 0, "captures": 0, "changed": 0, "failed": 0}
    for prospect in store.all():
        parsed_list = []
        for capture in prospect.get("captures", []):
            counts["captures"] += 1
            try:
                parsed = parse_page(store.capture_html(capture["id"]), capture.get("url"))
            except (CoffeechatError, OSError, EOFError):  # one unreadable old capture must not stop the rest
                counts["failed"] += 1
                continue
            if parsed["kind"] in PROFILE_KINDS:
                parsed_list.append(parsed)
            elif parsed["kind"] == "search-results":
                parsed_list += [_search_result_as_profile(r) for r in parsed.get("results", [])
                                if canonical_profile_url(r.get("profile_url") or "") == prospect["key"]]
        counts["prospects"] += 1
        if store.replace_captured(prospect["id"], parsed_list):
            counts["changed"] += 1
    return counts
