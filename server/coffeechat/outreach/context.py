"""The small, flat context a draft template sees: plain strings, numbers and booleans only.

Every key is always present (empty when a fact is unknown), so a template can write
``{% if shared_school %}`` while StrictUndefined still catches a misspelt name.
"""

from datetime import date
from typing import Any

from coffeechat.outreach.names import clean_name, first_name
from coffeechat.outreach.phrases import (
    goal_sentence,
    ground_clauses,
    my_intro,
    role_phrase,
    spark_clauses,
    tone_phrases,
    topic_phrases,
)
from coffeechat.timeline import when_words

FACT_KEYS = (
    "role_at", "role", "company", "moved_from", "move_since", "tenure", "since", "transition",
    "transition_short", "transition_to", "transition_year", "field_years", "about", "topics",
    "their_school", "their_study", "headline", "referrer_name", "referrer_first", "shared_school",
    "shared_employer", "similar_change", "same_city", "shared_language", "shared_skills",
)


def context_note(note: str) -> str:
    """The user's meeting note as the end of a sentence: trimmed, no final stop."""
    return " ".join(note.split()).rstrip(" .!;")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _relative_day(day: date | None, today: date) -> str:
    """ "today", "yesterday", "on Tuesday" within a week; "" when longer ago (the draft omits it)."""
    if day is None or day > today:
        return ""
    gap = (today - day).days
    return "today" if gap == 0 else "yesterday" if gap == 1 else f"on {day.strftime('%A')}" if gap < 7 else ""


def build_context(prospect: dict[str, Any], me: dict[str, Any], facts: list[dict[str, Any]],
                  career: dict[str, Any], seen: dict[str, Any], today: date, *, brief: bool = False,
                  ground_limit: int = 2, spark_offset: int = 0, shortest: bool = False) -> dict[str, Any]:
    """Template context from the chosen facts, the user's profile and what happened so far."""
    by_kind = {f["kind"]: f for f in facts}
    context: dict[str, Any] = dict.fromkeys(FACT_KEYS, "")
    for fact in facts:
        context.update(fact["phrases"])
    first = first_name(prospect.get("full_name"))
    minutes = me.get("time_ask") or 15
    grounds = ground_clauses(by_kind)[:ground_limit]
    sparks = spark_clauses(by_kind)
    sparks = sparks[spark_offset:] + sparks[:spark_offset]
    if shortest and context["company"]:
        # Last resort for tight limits: the plainest true sentence about where they work.
        sparks = sorted(sparks + [f"you work at {context['company']}"], key=len)
    topics = topic_phrases(by_kind)
    field = career.get("field") or ""
    context.update({
        "first_name": first, "full_name": clean_name(prospect.get("full_name")),
        "field": field or "your line of work",
        "ground": grounds[0] if grounds else "", "ground2": grounds[1] if len(grounds) > 1 else "",
        "spark": sparks[0] if sparks else "", "spark2": sparks[1] if len(sparks) > 1 else "",
        "spark_cap": _cap(sparks[0]) if sparks else "",
        "topic": topics[0] if topics else "", "topic2": topics[1] if len(topics) > 1 else "",
        "role_phrase": role_phrase(by_kind), "my_intro": my_intro(me),
        "met": bool(seen.get("met")), "met_when": _relative_day(seen.get("met"), today),
        "contacted": bool(seen.get("contacted")),
        "contacted_when": when_words(seen["contacted"]) if seen.get("contacted") else "",
        "my_name": me.get("name") or "", "my_first": first_name(me.get("name")),
        "my_role": me.get("current_role") or "", "has_goal": bool(me.get("goal")),
        "landed": (me.get("landed") or "").rstrip("."),
        "goal": goal_sentence(me.get("goal") or "", field),
        "minutes": minutes, "tone": me.get("tone") or "warm", "persona": me.get("persona") or "explorer",
        "signature": me.get("signature") or me.get("name") or "",
        "meeting_note": context_note(seen.get("meeting_note") or ""),
        "followed_up": bool(seen.get("follow_ups")), "brief": brief,
    })
    context.update(tone_phrases(context["tone"], first, minutes))
    referrer_first = context["referrer_first"]
    context["referrer_hello"] = tone_phrases(context["tone"], referrer_first, minutes)["hello"]
    if brief:
        context["ask_names"] = ""
    return context
