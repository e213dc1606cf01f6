"""Something specific from a prospect's About text, rewritten from "I …" into "you …"."""

import re

from coffeechat.outreach.names import strip_emoji

# Sentences end at .!? followed by a capital; "U.S. GAAP" survives because "S." is upper case.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z\"“(])|\n+")
# Clauses that say what the person does or did, most telling first.
_DOING = re.compile(
    r"\bI (?:also |currently |now )?(support|lead|led|build|built|run|ran|manage|managed|teach|"
    r"taught|research|write|wrote|design|designed|develop|developed|co-founded|cofounded|founded|"
    r"started|launched|work on|work with|work in|help|helped|am on|am part of|organi[sz]e)\b",
    re.I)
_BEING = re.compile(r"\bI(?: am|'m|’m) (?:also |currently |now )?(an? |the )", re.I)
_TOPICS = re.compile(r"talk to me about\s*:?\s*(.+)$", re.I | re.S)
_SWAPS = ((r"\bI am\b", "you are"), (r"\bI['’]m\b", "you're"), (r"\bI['’]ve\b", "you've"),
          (r"\bI\b", "you"), (r"\bmy\b", "your"), (r"\bmyself\b", "yourself"), (r"\bme\b", "you"))
_MAX_CLAUSE = 90
# Contact details and hiring talk are not something to quote back to a person.
_SKIP = re.compile(r"@|https?://|\bemail\b|\bcontact me\b|\bhiring\b|\binterested in\b|"
                   r"\bpositions?\b|\binternships?\b|\bjob\b", re.I)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _second_person(clause: str) -> str:
    for pattern, repl in _SWAPS:
        clause = re.sub(pattern, repl, clause)
    return clause


def _trim(clause: str) -> str:
    """Keep the main clause: up to its first comma, or cut at "and" before the limit, never mid-word."""
    clause = re.sub(r"^(you(?: are|'re|'ve)?) (?:also|currently|now) ", r"\1 ", clause)
    clause = clause.strip().rstrip(".!?;: ")
    head, comma, _ = clause.partition(",")
    if comma and len(head.split()) >= 3:
        clause = head
    if len(clause) <= _MAX_CLAUSE:
        return clause
    head = clause[:_MAX_CLAUSE]
    cut = max(head.rfind(","), head.rfind(" and "), head.rfind(" with "), head.rfind(" in "))
    return clause[:cut].rstrip(" ,") if cut > 30 else ""


def about_clause(about: str | None) -> str:
    """One thing they say they do, as "you support the XBRL team …", or "" when none reads well."""
    text = strip_emoji(about).replace("#", "") if about else ""
    for pattern in (_DOING, _BEING):
        for sentence in _sentences(text):
            m = pattern.search(sentence)
            if not m or _SKIP.search(sentence):
                continue
            clause = _trim(_second_person(sentence[m.start():]))
            if clause and len(clause.split()) >= 3:
                return clause
    return ""


def about_topics(about: str | None, limit: int = 3) -> list[str]:
    """Topics they invite people to talk about ("Talk to me about: Fintech, UI/UX …")."""
    m = _TOPICS.search(about or "")
    if not m:
        return []
    parts = re.split(r"[\n,;•⚡]+", strip_emoji(m.group(1)))
    return [p.strip(" .-:") for p in parts if 1 < len(p.strip(" .-:")) <= 40][:limit]
