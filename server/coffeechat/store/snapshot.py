"""Documents held as compact JSON bytes in memory, and the snapshot file laid out one document per line.

Why bytes: 50,000 prospects as Python dicts take about 600 MB (a 3 KB record becomes ~12 KB of
small objects) and every full garbage collection walks those millions of objects. In memory a
document is its compact JSON, zlib-compressed with a preset dictionary of the field names every
record repeats (``_SHAPE``): about 1.13 KB instead of 3.3 KB, where plain zlib gave 1.36 KB (the
bench's 50,000 prospects: 66 MB → 55 MB). A document is decoded when it is read
(decompress + json.loads of 3 KB costs ~30-50 µs, less than the deep copy every read needed
before); the search index (store/query.py) keeps what listing, search and sorting need. The
journal and the snapshot file hold plain JSON: ``unpack`` gives it back.

The snapshot stays one valid JSON document, but is written one document per line, so opening it
splits lines instead of building every document:

    {"app":"coffeechat","schema":1,"tables":{
    "prospects":{
    "1":{...},
    "2":{...}
    },
    "settings":{
    }
    }}

A snapshot in any other layout (earlier versions wrote it on one line; a person may have
re-indented it) is read whole as JSON.
"""

import json
import re
import zlib
from collections.abc import Iterator, Mapping
from typing import Any, Callable

from coffeechat.errors import CorruptStore

_TABLES_OPEN = b',"tables":{'
_DOC_LINE = re.compile(rb'"(\d+)":(\{.*\}),?')  # used with fullmatch(raw, start, end)


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, the form documents take in memory, in the journal and in the snapshot."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


# The preset dictionary: what a stored prospect repeats in every record (zlib finds matches in it
# as if it preceded each document; the most frequent strings go last). Only the in-memory form
# uses it, and that form never leaves the process: changing it needs no migration.
_SHAPE = (b'{"photo_url":null,"connected_on":null,"priority":false,"snoozed":{},"draft_edits":{},'
          b'"languages":[{"language":"","proficiency":" proficiency"}],"skills":[],'
          b'"education":[{"school":"","degree":"","field_of_study":null,"date_range":"","description":null}],'
          b'"log":[{"type":"stage_changed","from":"","to":"","at":"+00:00","id":""},'
          b'{"type":"meeting_scheduled","when":"","where":""},{"type":"message_sent","invitation_sent",'
          b'"note":""}],"captures":[{"id":"","at":"+00:00","url":"https://www.linkedin.com/in/",'
          b'"kind":"profile","changed":["full_name","headline","experience"]}],'
          b'"experience":[{"title":"","company":"","employment_type":null,"date_range":" - Present",'
          b'"start":"","end":null,"duration":" yrs  mos","location":"","description":null}],'
          b'{"key":"https://www.linkedin.com/in/","full_name":"","headline":"","location":"",'
          b'"connection_degree":"","profile_url":"https://www.linkedin.com/in/","member_urn":"urn:li:member:",'
          b'"current":{"title":"","company":""},"about":"","stage":"saved","tags":[],"notes":"",'
          b'"referred_by":null,"email":null,"edited":[],"created_at":"","updated_at":""}')


def pack(json_bytes: bytes) -> bytes:
    """The in-memory form of a document given as compact JSON."""
    # Level 1, as before the dictionary: opening 50,000 prospects compresses each once, and level 6
    # made that ~1 s slower for 100 bytes less per document.
    packer = zlib.compressobj(1, zlib.DEFLATED, zlib.MAX_WBITS, 8, zlib.Z_DEFAULT_STRATEGY, _SHAPE)
    return packer.compress(json_bytes) + packer.flush()


def unpack(stored: bytes) -> bytes:
    """The compact JSON of a document kept in memory."""
    unpacker = zlib.decompressobj(zdict=_SHAPE)
    out = unpacker.decompress(stored)
    if not unpacker.eof:
        raise zlib.error("a stored document is cut short")
    return out


def encode(doc: Any) -> bytes:
    """The in-memory form of a document (deterministic, so equal documents compare equal)."""
    return pack(dumps(doc))


def decode(stored: bytes) -> dict[str, Any]:
    """A fresh document from its in-memory form (callers may change it freely)."""
    try:
        return json.loads(unpack(stored))
    except (ValueError, zlib.error):
        raise CorruptStore("a stored document is damaged (not valid JSON); restore from a backup") from None


class DecodedTable(Mapping):
    """Read-only view of a table of encoded documents, decoding each one on access (what TinyDB reads)."""

    def __init__(self, raw: dict[str, bytes]):
        self.raw = raw

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        return decode(self.raw[doc_id])

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.raw

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)


Offsets = dict[str, dict[str, int]]  # table -> id -> start << 24 | length of the document in the file (one int: 50,000 of them)
Reuse = Callable[[str, str], Any]  # (table, id) -> the document's JSON still right in the old file, or None


def dump(header: dict[str, Any], tables: dict[str, dict[str, bytes]], reuse: Reuse | None = None,
         offsets: Offsets | None = None) -> bytes:
    """The snapshot file: ``header`` plus every table, one encoded document per line.

    ``reuse`` hands back documents unchanged since the last snapshot as they are in that file
    (no decompression: rewriting 50,000 prospects then costs a copy); ``offsets``, when given, is
    filled with where each document lands in the new file.
    """
    parts: list[Any] = [dumps(header)[:-1] + _TABLES_OPEN + b"\n"]
    pos = len(parts[0])
    for n, (name, docs) in enumerate(tables.items()):
        opening = dumps(name) + b":{\n"
        parts.append(opening)
        pos += len(opening)
        where = offsets.setdefault(name, {}) if offsets is not None else None
        # A document over 16 MB does not fit the offset's length: it is simply not reused.
        for i, (doc_id, doc) in enumerate(docs.items()):
            prefix = b'"%s":' % doc_id.encode()
            body = (reuse(name, doc_id) if reuse else None)
            if body is None:
                body = unpack(doc)
            end = b",\n" if i < len(docs) - 1 else b"\n"
            parts += (prefix, body, end)
            start = pos + len(prefix)
            pos = start + len(body) + len(end)
            if where is not None:
                where[doc_id] = start << 24 | len(body)
        closing = b"},\n" if n < len(tables) - 1 else b"}\n"
        parts.append(closing)
        pos += len(closing)
    parts.append(b"}}\n")
    return b"".join(parts)


def load(raw: bytes, offsets: Offsets | None = None) -> dict[str, Any]:
    """The snapshot as ``{..header, "tables": {name: {id: bytes}}}``; ValueError when it is not JSON.

    ``offsets``, when given, is filled with where each document is in ``raw`` (one-per-line layout only).
    """
    data = _load_lines(raw, offsets) if raw.endswith(b"\n}}\n") else None
    if data is not None:
        return data
    if offsets is not None:
        offsets.clear()
    data = json.loads(raw)
    tables = data.get("tables") if isinstance(data, dict) else None
    if isinstance(tables, dict) and all(isinstance(t, dict) for t in tables.values()):
        data["tables"] = {name: {k: encode(v) for k, v in t.items()} for name, t in tables.items()}
    return data


def _load_lines(raw: bytes, offsets: Offsets | None = None) -> dict[str, Any] | None:
    """Read the one-document-per-line layout; None when the file is laid out some other way.

    Lines are matched in place (``pattern.fullmatch(raw, start, end)``): slicing each line first would
    copy every document twice, and the freed copies would stay in the heap as fragmentation.
    """
    first = raw.find(b"\n")
    if not raw[:first].endswith(_TABLES_OPEN):
        return None
    header = json.loads(raw[:first - len(_TABLES_OPEN)] + b"}")
    tables: dict[str, dict[str, bytes]] = {}
    current: dict[str, bytes] | None = None
    where: dict[str, int] = {}
    start, last = first + 1, len(raw) - len(b"}}\n")
    while start < last:
        end = raw.index(b"\n", start)
        if current is None:
            if raw[end - 2:end] != b":{":
                return None
            name = json.loads(raw[start:end - 2])
            current = tables.setdefault(name, {})
            where = offsets.setdefault(name, {}) if offsets is not None else {}
        elif end - start <= 2 and raw[start:end] in (b"}", b"},"):
            current = None
        else:
            match = _DOC_LINE.fullmatch(raw, start, end)
            if not match:
                return None
            doc_id = match.group(1).decode()
            current[doc_id] = pack(match.group(2))
            if offsets is not None:
                where[doc_id] = match.start(2) << 24 | (match.end(2) - match.start(2))
        start = end + 1
    if current is not None or start != last or not isinstance(header, dict):
        return None
    header["tables"] = tables
    return header
