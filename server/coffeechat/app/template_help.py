"""The templates page: templates grouped by kind and persona with plain names, the fields a template can
use (a line each, with an example), and a preview of a template rendered for a chosen person."""

from datetime import date
from pathlib import Path
from typing import Any, Mapping

from coffeechat import outreach
from coffeechat.app import advice, followups, people
from coffeechat.errors import BadInput, CoffeechatError
from coffeechat.outreach.context import build_context
from coffeechat.outreach.facts import gather
from coffeechat.outreach.kinds import DRAFT_KINDS
from coffeechat.outreach.templates import list_templates, save_override
from coffeechat.store import ProspectStore
from coffeechat.timeline import key_dates

KIND_NAMES = {"connection_note": "Connection note", "message": "Message", "inmail": "InMail", "email": "Email",
              "follow_up": "Follow-up", "thank_you": "Thank-you", "referral_thanks": "Thanks to the referrer",
              "keep_in_touch": "Keep-in-touch"}
PERSONA_NAMES = {"explorer": "When you explore a field", "recruiter": "When you recruit"}
# What each field a template can print holds, in a line (examples come from the chosen person).
FIELDS = {
    "first_name": "Their first name", "full_name": "Their full name", "role": "Their current job title",
    "company": "Where they work now", "role_at": "Their title and company in one phrase",
    "headline": "Their LinkedIn headline", "field": "Their line of work",
    "spark": "The most specific thing you noticed about them", "spark2": "A second thing you noticed",
    "spark_cap": "The first thing you noticed, capitalized to start a sentence",
    "ground": "What you have in common (school, employer, city…)", "ground2": "A second thing in common",
    "topic": "A topic to ask them about", "topic2": "A second topic", "role_phrase": "Their role said in passing",
    "moved_from": "The field they moved from", "move_since": "When they made that move",
    "transition": "Their career change in words", "transition_short": "The same, shorter",
    "transition_to": "The field they moved into", "transition_year": "The year of that change",
    "tenure": "How long they have been in the current role", "since": "Since when they have held it",
    "field_years": "Years they have worked in the field", "about": "A phrase from their About text",
    "topics": "Topics from their profile", "their_school": "Their school", "their_study": "What they studied",
    "referrer_name": "Who referred you to them", "referrer_first": "The referrer's first name",
    "referrer_hello": "The greeting for the referrer",
    "shared_school": "The school you share (empty if none)", "shared_employer": "An employer you share",
    "similar_change": "A career change like the one you plan", "same_city": "The city you share",
    "shared_language": "A language you share", "shared_skills": "Skills you share",
    "my_intro": "Who you are, from Settings", "my_name": "Your name", "my_first": "Your first name",
    "my_role": "Your current role", "goal": "Your goal as a sentence", "has_goal": "Whether you set a goal",
    "landed": "Where you landed (explorers)", "signature": "Your signature", "minutes": "Minutes you ask for",
    "tone": "The tone you chose", "persona": "Explorer or recruiter", "met": "Whether you have met",
    "met_when": "When you met (\"yesterday\")", "contacted": "Whether you reached out",
    "contacted_when": "The day you first reached out", "meeting_note": "What you noted after the meeting",
    "followed_up": "Whether you already followed up", "brief": "Whether the draft must be short",
    "hello": "The greeting in your tone", "hello_note": "The greeting of a connection note",
    "ask_names": "The ask for one or two more names", "ask_chat": "The small ask for a short chat",
    "ask_chat_long": "The same ask, a little longer", "glad": "How you say you would be glad to",
    "no_pressure": "A line that keeps the ask light", "noticed": "How you start what you noticed",
    "noticed_cap": "The same, capitalized to start a sentence", "sign_off": "Your sign-off (Warmly, Best…)",
    "thanks": "How you say thank you", "thanks_short": "A short thank you",
}


def _plain(name: str) -> dict[str, Any]:
    kind, persona, number = name.split(".")[:3]
    return {"kind": kind, "persona": persona, "number": int(number),
            "title": f"{KIND_NAMES.get(kind, kind)}, wording {number}"}


def groups(store: ProspectStore) -> list[dict[str, Any]]:
    """Templates by kind, then persona, each with a plain name."""
    rows = [{**t, **_plain(t["name"])} for t in list_templates(advice.templates_dir(store))]
    out = []
    for kind in DRAFT_KINDS:
        for persona, label in PERSONA_NAMES.items():
            found = sorted((r for r in rows if r["kind"] == kind and r["persona"] == persona), key=lambda r: r["number"])
            if found:
                out.append({"kind": kind, "title": f"{KIND_NAMES.get(kind, kind)} · {label}", "templates": found})
    return out


def _context(prospect: dict[str, Any], me: dict[str, Any], referrer: dict[str, Any] | None,
             today: date) -> dict[str, Any]:
    gathered = gather(prospect, me, today, referrer)
    return build_context(prospect, me, gathered["common"] + gathered["specific"], gathered["career"],
                         key_dates(prospect), today)


def preview(store: ProspectStore, name: str, prospect_id: int, today: date, source: str | None) -> dict[str, Any]:
    """The draft a template makes for one person (the typed, unsaved version when given), sandboxed as always."""
    info = _plain(name)
    prospect = store.get(prospect_id)
    me = {**advice.load_me(store), "persona": info["persona"]}
    folder: Path = advice.templates_dir(store)
    if source is not None:
        folder = store.data_dir / "template-preview"
        save_override(folder, name, source.replace("\r\n", "\n"))  # checked in the sandbox before use
    result = outreach.drafts_for(prospect, me, kind=info["kind"], variant=info["number"] - 1, today=today,
                                 referrer=advice.referrer_of(store, prospect), templates_dir=folder,
                                 rules=followups.rules(store))
    draft = result["drafts"][0] if result["drafts"] else None
    return {"draft": draft, "warnings": result["warnings"],
            "context": _context(prospect, me, advice.referrer_of(store, prospect), today)}


def templates_page(store: ProspectStore, args: Mapping[str, Any], today: date,
                   source: str | None = None) -> dict[str, Any]:
    """Grouped templates, field help, and a preview when a template and a person are chosen."""
    name, who = args.get("name") or "", args.get("person") or ""
    page: dict[str, Any] = {"groups": groups(store), "name": name, "person": who, "source": source,
                            "preview": None, "problem": None, "fields": FIELDS}
    latest, _ = store.search(sort="-updated", limit=1)
    if latest:  # examples come from a real person: the chosen one, else the one changed last
        me = advice.load_me(store)
        page["examples"] = _context(latest[0], me, advice.referrer_of(store, latest[0]), today)
        page["examples_for"] = latest[0].get("full_name") or "your latest person"
    if name and who:
        try:
            pid = people.resolve(store, who)
            if pid is None:
                raise BadInput("pick a person to preview with")
            page["preview"] = preview(store, name, pid, today, source)
            page["person_id"] = pid
            page["examples"], page["examples_for"] = page["preview"]["context"], who
        except (BadInput, CoffeechatError) as exc:
            page["problem"] = exc.message[:1].upper() + exc.message[1:]
    return page
