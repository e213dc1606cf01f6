"""In-memory index over prospects: identity lookups, search text and sort keys."""

import heapq
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
    text: str
    created: str
    updated: str
    # Stage, referrer and the log without its free text: what date queries read, kept here so
    # they never decode documents. Replaced (never mutated) on every change of the prospect.
    timeline: dict[str, Any] = field(default_factory=dict)


def _entry(doc: dict[str, Any]) -> Entry:
    current = doc.get("current") or {}
    company = (current.get("company") or "") if isinstance(current, dict) else ""
    tags = tuple(t.lower() for t in doc.get("tags") or [] if isinstance(t, str))
    text = " ".join(str(part) for part in (
        doc.get("full_name"), doc.get("headline"), company, doc.get("location"), " ".join(tags),
        doc.get("notes")) if part).lower()
    return Entry(doc.get("key") or "", doc.get("member_urn"), (doc.get("full_name") or "").lower(),
                 company.lower(), doc.get("stage") or "saved", tags, text,
                 doc.get("created_at") or "", doc.get("updated_at") or "", timeline_fields(doc))


_LOG_KEYS = ("type", "at", "when", "where", "prospect_id", "to_company")


def timeline_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """The part of a prospect that date queries read: stage, referrer, the log without free text."""
    log = tuple({k: e.get(k) for k in _LOG_KEYS if k in e} for e in doc.get("log") or () if isinstance(e, dict))
    return {"stage": doc.get("stage") or "saved", "referred_by": doc.get("referred_by"), "log": log,
            "updated_at": doc.get("updated_at")}


class Index:
    """id → Entry, plus identity maps; kept in step with the table by the store."""

    def __init__(self) -> None:
        self.entries: dict[int, Entry] = {}
        self.by_key: dict[str, int] = {}
        self.by_urn: dict[str, int] = {}

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

    def remove(self, doc_id: int) -> None:
        entry = self.entries.pop(doc_id, None)
        if entry:
            if self.by_key.get(entry.key) == doc_id:
                del self.by_key[entry.key]
            if entry.urn and self.by_urn.get(entry.urn) == doc_id:
                del self.by_urn[entry.urn]

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
    words = (q or "").lower().split()
    tag_l, company_l = (tag or "").lower(), (company or "").lower()
    hits = [
        (doc_id, e) for doc_id, e in index.entries.items()
        if (not stage or e.stage == stage) and (not tag_l or tag_l in e.tags)
        and (not company_l or company_l in e.company) and all(w in e.text for w in words)
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
