"""In-memory index over prospects: identity lookups, search text and sort keys."""

import heapq
import sys
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from typing import Any

from coffeechat.errors import BadInput
from coffeechat.model import STAGES

SORTS = ("name", "updated", "created", "stage", "company", "next_due")
MAX_LIMIT = 500


@dataclass(slots=True)
class Entry:
    key: str
    urn: str | None
    name: str
    company: str
    stage: str
    tags: tuple[str, ...]
    text: bytes  # UTF-8: one accented letter would make a str take two or four bytes for every character
    created: str
    updated: str
    # Stage, referrer and the log without its free text: what date queries read, kept here so
    # they never decode documents. Replaced (never mutated) on every change of the prospect.
    timeline: dict[str, Any] = field(default_factory=dict)
    companies: tuple[str, ...] = ()


def _entry(doc: dict[str, Any]) -> Entry:
    current = doc.get("current") or {}
    company = (current.get("company") or "") if isinstance(current, dict) else ""
    # Interned: a few dozen tags and nine stages recur across 50,000 prospects; one copy each.
    tags = tuple(sys.intern(t.lower()) for t in doc.get("tags") or [] if isinstance(t, str))
    return Entry(doc.get("key") or "", doc.get("member_urn"), (doc.get("full_name") or "").lower(),
                 company.lower(), sys.intern(doc.get("stage") or "saved"), tags, index_text(doc),
                 doc.get("created_at") or "", doc.get("updated_at") or "", timeline_fields(doc),
                 companies_of(doc))


# Words too common to find anyone by: left out of the index text to keep it small.
_COMMON = frozenset("a an and are as at be by for from has have i in is it its my of on or our so that the "
                    "their they this to was we were with you your".split())


def search_parts(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, text) of everything a user may remember a prospect by, in the order snippets prefer."""
    parts: list[tuple[str, Any]] = [("Name", doc.get("full_name")), ("Headline", doc.get("headline")),
                                    ("Location", doc.get("location"))]
    current: dict[str, Any] = doc["current"] if isinstance(doc.get("current"), dict) else {}
    parts.append(("Now", " at ".join(x for x in (current.get("title"), current.get("company")) if x)))
    for role in doc.get("experience") or ():
        if isinstance(role, dict):
            parts.append(("Worked", " at ".join(str(x) for x in (role.get("title"), role.get("company")) if x)))
    for school in doc.get("education") or ():
        if isinstance(school, dict):
            parts.append(("Studied", ", ".join(str(x) for x in (school.get("school"), school.get("degree"),
                                                                 school.get("field_of_study")) if x)))
    skills = [s.get("name") if isinstance(s, dict) else s for s in doc.get("skills") or ()]
    parts.append(("Skills", ", ".join(str(s) for s in skills if s)))
    parts.append(("Tags", ", ".join(t for t in doc.get("tags") or () if isinstance(t, str))))
    parts.append(("Your notes", doc.get("notes")))
    for entry in doc.get("log") or ():
        if isinstance(entry, dict):
            parts += [("Log", entry.get(k)) for k in ("note", "where") if entry.get(k)]
    parts.append(("About", doc.get("about")))
    return [(where, str(text)) for where, text in parts if text]


def index_text(doc: dict[str, Any]) -> bytes:
    """The words a prospect is found by, each once and lowercased, as UTF-8 (50,000 of these stay in memory)."""
    # One join, lower and split for the whole prospect: per-part loops made opening 50,000 slow.
    words = dict.fromkeys(" ".join(text for _, text in search_parts(doc)).lower().split())
    return " ".join(w for w in words if w not in _COMMON).encode()


def companies_of(doc: dict[str, Any]) -> tuple[str, ...]:
    """Every company the prospect works or worked at, folded (shared strings: the same names recur)."""
    names = [(doc.get("current") or {}).get("company") if isinstance(doc.get("current"), dict) else None]
    names += [r.get("company") for r in doc.get("experience") or () if isinstance(r, dict)]
    return tuple(dict.fromkeys(sys.intern(" ".join(n.split()).casefold()) for n in names if isinstance(n, str) and n.strip()))


def snippet(doc: dict[str, Any], q: str | None, width: int = 90) -> dict[str, str] | None:
    """Where the search words were found and the text around them; None when the name or headline shows it."""
    # The longest word first: it matches fewest, so most prospects are ruled out by one scan.
    words = sorted(set((q or "").lower().split()), key=len, reverse=True)
    if not words:
        return None
    parts = search_parts(doc)
    # The first place holding every word, else the first holding any.
    ranked = [p for p in parts if all(w in p[1].lower() for w in words)] or parts
    for where, text in ranked:
        low = text.lower()
        at = next((low.find(w) for w in words if w in low), -1)
        if at < 0:
            continue
        if where in ("Name", "Headline"):
            return None
        start = max(0, at - width // 3)
        piece = " ".join(text[start:start + width].split())
        return {"where": where, "text": ("…" if start else "") + piece + ("…" if start + width < len(text) else "")}
    return None


_LOG_KEYS = ("type", "at", "when", "where", "prospect_id", "to_company")


class LogLine:
    """One log entry without its free text, read like the entry's dict (``get``, ``[]``, ``in``).

    Slots instead of a dict: 50,000 prospects with a few entries each would otherwise hold
    about 20 MB more of small dicts in the server.
    """

    __slots__ = _LOG_KEYS

    def __init__(self, entry: dict[str, Any]):
        for key in _LOG_KEYS:
            value = entry.get(key)
            # Interned: a dozen types recur in every log, one copy of each.
            setattr(self, key, sys.intern(value) if key == "type" and isinstance(value, str) else value)

    def get(self, key: str, default: Any = None) -> Any:
        value = getattr(self, key, None) if key in _LOG_KEYS else None
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def keys(self) -> list[str]:
        return [k for k in _LOG_KEYS if getattr(self, k) is not None]

    def __iter__(self):
        return iter(self.keys())


def timeline_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """The part of a prospect that date queries read: stage, referrer, the log without free text."""
    log = tuple(LogLine(e) for e in doc.get("log") or () if isinstance(e, dict))
    out = {"stage": sys.intern(doc.get("stage") or "saved"), "referred_by": doc.get("referred_by"), "log": log,
           "updated_at": doc.get("updated_at"), "created_at": doc.get("created_at")}
    # Only when set: most prospects have neither, and 50,000 empty dicts would cost memory.
    if doc.get("priority"):
        out["priority"] = True
    if str(doc.get("connection_degree") or "").startswith("1"):  # reaching out is a message, not an invitation
        out["connection_degree"] = "1st"
    if doc.get("snoozed"):
        out["snoozed"] = dict(doc["snoozed"])
    return out


class Index:
    """id → Entry, plus identity maps; kept in step with the table by the store."""

    def __init__(self) -> None:
        self.entries: dict[int, Entry] = {}
        self.by_key: dict[str, int] = {}
        self.by_urn: dict[str, int] = {}
        # referrer id → the ids they referred: a prospect's page and follow-ups ask on every capture,
        # and scanning 50,000 entries for it cost ~10 ms each time.
        self.referred: dict[int, set[int]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, doc_id: int, doc: dict[str, Any]) -> None:
        self.remove(doc_id)
        entry = _entry(doc)
        self.entries[doc_id] = entry
        if entry.key:
            self.by_key[entry.key] = doc_id
        if entry.urn:
            self.by_urn[entry.urn] = doc_id
        referrer = entry.timeline.get("referred_by")
        if isinstance(referrer, int):
            self.referred.setdefault(referrer, set()).add(doc_id)

    def remove(self, doc_id: int) -> None:
        entry = self.entries.pop(doc_id, None)
        if entry:
            if self.by_key.get(entry.key) == doc_id:
                del self.by_key[entry.key]
            if entry.urn and self.by_urn.get(entry.urn) == doc_id:
                del self.by_urn[entry.urn]
            referrer = entry.timeline.get("referred_by")
            if isinstance(referrer, int) and referrer in self.referred:
                self.referred[referrer].discard(doc_id)
                if not self.referred[referrer]:
                    del self.referred[referrer]

    def referred_by(self, referrer: int) -> list[int]:
        """Ids of the prospects ``referrer`` referred the user to, in id order."""
        return sorted(self.referred.get(referrer, ()))

    def lookup(self, key: str | None, urn: str | None = None) -> int | None:
        if key and key in self.by_key:
            return self.by_key[key]
        if urn and urn in self.by_urn:
            return self.by_urn[urn]
        return None


def select(index: Index, *, q: str | None = None, stage: str | None = None, tag: str | None = None,
           company: str | None = None, sort: str = "-updated", limit: int = 50, offset: int = 0,
           only: Container[int] | None = None, due_order: Mapping[int, str] | None = None) -> tuple[list[int], int]:
    """Ids of one page of matching prospects, and how many match in all.

    ``only`` keeps just those ids (the application layer's "due today" filter); the ``next_due``
    sort orders by ``due_order`` (id → ISO due date), computed above the store.
    """
    if stage and stage not in STAGES:
        raise BadInput(f"unknown stage {stage!r}; stages are: {', '.join(STAGES)}")
    field = (sort or "-updated").lstrip("-")
    if field not in SORTS:
        raise BadInput(f"cannot sort by {sort!r}; use one of {', '.join(SORTS)} (prefix - for descending)")
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise BadInput(f"limit must be 1-{MAX_LIMIT} and offset 0 or more")
    # The longest word first: it matches fewest, so most prospects are ruled out by one scan.
    words = [w.encode() for w in sorted(set((q or "").lower().split()), key=len, reverse=True)]
    tag_l, company_l = (tag or "").lower(), (company or "").lower()
    hits = [
        (doc_id, e) for doc_id, e in index.entries.items()
        if (not stage or e.stage == stage) and (not tag_l or tag_l in e.tags)
        and (not company_l or any(company_l in c for c in e.companies)) and all(w in e.text for w in words)
        and (only is None or doc_id in only)
    ] if stage or tag_l or company_l or words or only is not None else index.entries.items()
    # Unfiltered, the view is passed as is: a list of 50,000 (id, entry) tuples outliving the request
    # gets promoted to the oldest generation and sets off a full garbage collection every other request.
    total = len(hits)
    if field == "next_due":
        order = due_order or {}
        # Prospects without a follow-up go last in either direction.
        dated = sorted((h for h in hits if h[0] in order), key=lambda h: (order[h[0]], h[1].name),
                       reverse=sort.startswith("-"))
        wanted = max(0, offset + limit - len(dated))  # only as many undated ones as the page shows
        page = dated + heapq.nsmallest(wanted, (h for h in hits if h[0] not in order), key=lambda h: h[1].name)
        return [doc_id for doc_id, _ in page[offset:offset + limit]], total
    attr = {"name": "name", "updated": "updated", "created": "created", "stage": "stage", "company": "company"}[field]
    key = ((lambda h: (STAGES.index(h[1].stage), h[1].name)) if field == "stage"
           else (lambda h: (getattr(h[1], attr), h[0])))
    # Only the first offset+limit are shown: a heap selects them in O(n log k), the same
    # result as sorting all 50,000 and slicing (heapq documents nsmallest/nlargest as exactly that).
    pick = heapq.nlargest if sort.startswith("-") else heapq.nsmallest
    page = pick(offset + limit, hits, key=key)
    return [doc_id for doc_id, _ in page[offset:offset + limit]], total
