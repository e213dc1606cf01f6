"""The last check on a draft: what no person would send. A draft with a problem is not shown.

``problems`` is public so tests (and the drafting loop) ask the same question.
"""

import re
from typing import Any

from coffeechat.outreach.lexicon import is_english
from coffeechat.outreach.names import first_name, fold, role_title, strip_emoji
from coffeechat.outreach.words import article

# Places the user is asked to add something: the only brackets a draft may carry.
MARKERS = ("[add what you took away]", "[add one thing you learned]")
_MARKER_RE = re.compile("|".join(re.escape(m) for m in MARKERS))
# Words a sentence cannot end on, and a preposition followed straight by a verb: a fact went missing.
_SMALL = r"(?:because|and|or|the|a|an|your|my|our|their|of|at)"
_GAP = r"\b(?:about|at|with|of|from|as|in|on|for|like)\s+(?:was|is|were|gave|has|have|had|and|but|made)\b"
_CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a sentence ends on a small word", re.compile(rf"\b{_SMALL}\s*[.,:;!?](?!\w)", re.I)),
    ("a fact is missing mid-sentence", re.compile(_GAP, re.I)),
    ("punctuation with nothing between", re.compile(r"[,:;]\s*[.!?,:;]|\(\s*\)|\s[,.;:!?]|[.!?]\s*[,;:]|"
                                                    r"(?<!\.)\.\.(?!\.)")),
    ("a line starts with punctuation", re.compile(r"^\s*[,.;:!?)]", re.M)),
    ("empty quotes", re.compile(r"\"\s*\"|“\s*”|‘\s*’|''")),
    ("template residue", re.compile(r"\{\{|\}\}|\{%|%\}|\{[a-z_]+\}|<[A-Za-z/][^<>\n]{0,40}>|"
                                    r"\b(None|null|undefined|NaN|True|False)\b|\[[^\]\n]{1,40}\]")),
    ("a full date instead of words", re.compile(r"\b(January|February|March|April|May|June|July|August|"
                                                 r"September|October|November|December) \d{1,2}, \d{4}\b")),
    ("spaces inside a line", re.compile(r"\S {2,}\S")),
)
_DOUBLED = re.compile(r"\b([A-Za-z][\w']*)[ \t]+\1\b", re.I)
_ARTICLE = re.compile(r"\b([Aa]n?) ([A-Za-z][\w'-]*)")


def _article_ok(art: str, word: str) -> bool:
    return art.lower() == article(word)


def _titles(prospect: dict[str, Any]) -> list[str]:
    found = [role_title((prospect.get("current") or {}).get("title"))]
    found += [role_title(e.get("title")) for e in prospect.get("experience") or [] if isinstance(e, dict)]
    found += [s.strip() for s in re.split(r"[|•·]", strip_emoji(prospect.get("headline") or ""))]
    return [t for t in found if t and len(t) >= 4]


def problems(text: str, prospect: dict[str, Any], me: dict[str, Any] | None = None, *,
             to: dict[str, Any] | None = None) -> list[str]:
    """What would stop a careful person sending this draft to ``to`` (default: the prospect); [] when fine."""
    found = []
    clean = _MARKER_RE.sub("MARKER", text)
    for label, regex in _CHECKS:
        hit = regex.search(clean)
        if hit:
            found.append(f"{label}: {hit.group(0)!r}")
    for m in _DOUBLED.finditer(clean):
        if m.group(1).lower() not in {"that", "had"}:
            found.append(f"a doubled word: {m.group(0)!r}")
    for m in _ARTICLE.finditer(clean):
        if m.group(2).lower() not in {"few", "little", "lot", "bit"} and not _article_ok(m.group(1), m.group(2)):
            found.append(f"the wrong article: {m.group(0)!r}")
    headline = strip_emoji(prospect.get("headline") or "")
    first_segment = re.split(r"\s[|•·]\s", headline)[0].strip()
    for quoted in re.findall(r"[\"“]([^\"”]{3,})[\"”]", text):
        if fold(quoted) and (fold(quoted) in fold(headline) or fold(first_segment) in fold(quoted)):
            found.append("the headline is quoted back")
    if len(headline) > 60 and headline in text:
        found.append("the whole headline is pasted")
    for title in _titles(prospect):
        if not is_english(title) and re.search(rf"(?<!\w){re.escape(title)}(?!\w)", text, re.I):
            found.append(f"a title in another language: {title!r}")
    addressee = first_name((to or prospect).get("full_name"))
    if addressee and len(addressee) > 1:
        body = text.split("\n", 1)[1] if "\n" in text else re.sub(rf"^\W*\w+\s+{re.escape(addressee)}\W", "", text)
        if re.search(rf"\b{re.escape(addressee)}\b(?!@)", body):
            found.append(f"{addressee} is named in the third person in a note to them")
    return found
