"""Drafts for one prospect: choose a variant, render it, fit it to the channel, list the facts used."""

import hashlib
import re
from datetime import date
from pathlib import Path
from typing import Any

from coffeechat.errors import BadInput, TemplateProblem
from coffeechat.me import DEFAULT_ME, missing_fact_hints
from coffeechat.outreach.context import build_context, context_note
from coffeechat.outreach.facts import gather
from coffeechat.outreach.kinds import DRAFT_KINDS, channel_for, has_subject, limits_for
from coffeechat.outreach.names import first_name
from coffeechat.outreach.templates import BUILTIN_DIR, builtin_names, render
from coffeechat.outreach.timing import STALE_CAPTURE, timing_warnings
from coffeechat.timeline import DEFAULT_RULES, captured_on, key_dates, when_words

# Shortening ladder: each step drops more optional material, least telling first.
_LOW = {"topics", "years_in_field", "shared_skills", "shared_language", "their_school"}
_MID = _LOW | {"same_city", "about", "tenure", "similar_change"}
_LADDER: tuple[dict[str, Any], ...] = (
    {"drop": set(), "brief": False, "grounds": 2},
    {"drop": _LOW, "brief": False, "grounds": 1},
    {"drop": _LOW, "brief": True, "grounds": 1},
    {"drop": _MID, "brief": True, "grounds": 1},
    # A shorter fact about them (their role instead of the move) before giving up common ground.
    {"drop": _MID | {"recent_move", "years_in_field"}, "brief": True, "grounds": 1},
    {"drop": _MID | {"recent_move", "years_in_field", "shared_employer", "shared_school"}, "brief": True,
     "grounds": 0},
    {"drop": _MID | {"recent_move", "years_in_field", "shared_employer", "shared_school"}, "brief": True,
     "grounds": 0, "shortest": True},
)
# Left-over template syntax or placeholders in an override's output: never shown to a prospect.
_UNFINISHED = re.compile(r"\{\{|\}\}|\{%|%\}|\[[A-Z][A-Za-z ]{1,30}\]|<[A-Za-z][^<>]{0,30}>|\b(None|null)\b")
_SPACES = re.compile(r"[ \t]+")


def _tidy(text: str) -> str:
    """Collapse stray spaces and blank lines that optional clauses leave behind."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "").split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    text = re.sub(r" ([,.;:!?])", r"\1", text)
    text = re.sub(r"([?!])\.", r"\1", text)
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)


def _split_subject(text: str, wants_subject: bool) -> tuple[str | None, str]:
    """Take a leading "Subject: …" line off the text; channels without subjects drop it."""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        subject = first.split(":", 1)[1].strip()
        return (subject[:1].upper() + subject[1:] if wants_subject else None), rest.strip()
    return None, text


def _render(name: str, context: dict[str, Any], templates_dir: Path | None) -> tuple[str, list[str]]:
    """The user's override when it works, else the built-in template with a warning saying why."""
    if templates_dir and (templates_dir / name).is_file():
        try:
            text = _tidy(render(templates_dir, name, context))
            leftover = _UNFINISHED.search(text)
            if leftover:
                raise TemplateProblem(f"Template {templates_dir}/{name} left \"{leftover.group(0)}\" "
                                      "in the draft.")
            return text, []
        except TemplateProblem as problem:
            return _tidy(render(BUILTIN_DIR, name, context)), [
                f"{problem.message} Using the built-in template meanwhile."]
    return _tidy(render(BUILTIN_DIR, name, context)), []


def _cut_sentences(body: str, limit: int, facts: list[dict[str, Any]]) -> str:
    """Last resort: drop whole sentences, those naming no fact first, keeping the greeting and ask."""
    sentences = re.split(r"(?<=[.!?])\s+", body)
    phrases = [v for f in facts for v in f["phrases"].values() if len(v) >= 3]
    for wanted in (False, True):
        for i in range(len(sentences) - 2, 0, -1):
            if len(" ".join(sentences)) <= limit:
                break
            if wanted or not any(p in sentences[i] for p in phrases):
                del sentences[i]
    return " ".join(sentences)


def _facts_used(facts: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Facts whose wording appears in the draft; the list never claims more than the text says."""
    used = []
    for fact in facts:
        # A phrase may open a sentence, so its capitalized form counts too.
        if any(len(v) >= 3 and (v in text or v[:1].upper() + v[1:] in text)
               for v in fact["phrases"].values()):
            used.append({"kind": fact["kind"], "text": fact["text"],
                         "common_ground": fact["common_ground"]})
    return used


def default_variant(prospect: dict[str, Any], kind: str, count: int) -> int:
    """The variant a person gets by default: stable for them, different across people."""
    seed = f"{prospect.get('key') or prospect.get('id') or prospect.get('full_name')}|{kind}"
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % count


def _kind_warnings(kind: str, channel: str, prospect: dict[str, Any], seen: dict[str, Any],
                   today: date, referrer: dict[str, Any] | None, rules: dict[str, int]) -> list[str]:
    first = first_name(prospect.get("full_name")) or "them"
    degree = (prospect.get("connection_degree") or "").strip().lower()
    notes = timing_warnings(kind, prospect, seen, today, rules)
    if kind == "connection_note" and degree.startswith("1"):
        notes.append(f"You're already connected with {first}; send a message instead.")
    if kind == "message" and degree and not degree.startswith("1"):
        notes.append(f"LinkedIn messages need a 1st-degree connection; {first} is {degree}. "
                     "Use the connection note or InMail.")
    if channel == "email" and not prospect.get("email"):
        notes.append(f"Add {first}'s email address to the prospect to send this by email.")
    if kind == "referral_thanks" and referrer:
        notes.append(f"This one goes to {first_name(referrer.get('full_name')) or 'your referrer'}, "
                     f"who suggested you talk with {first}.")
    return notes


def _draft(kind: str, prospect: dict[str, Any], me: dict[str, Any], gathered: dict[str, Any],
           seen: dict[str, Any], variant: int | None, today: date, referrer: dict[str, Any] | None,
           templates_dir: Path | None, rules: dict[str, int]) -> dict[str, Any]:
    names = builtin_names(kind, me["persona"])
    index = variant % len(names) if variant is not None else default_variant(prospect, kind, len(names))
    channel = channel_for(kind, prospect)
    subject_limit, body_limit = limits_for(kind, channel, me)
    facts = gathered["common"] + gathered["specific"]
    if seen["meeting_note"]:
        # What the user learned in the meeting is the most specific thing a later draft can say.
        note = context_note(seen["meeting_note"])
        facts = facts + [{"kind": "meeting_note", "text": note, "common_ground": False,
                          "phrases": {"meeting_note": note}}]
    warnings = _kind_warnings(kind, channel, prospect, seen, today, referrer, rules)
    for step in _LADDER:
        kept = [f for f in facts if f["kind"] not in step["drop"]]
        if not any(not f["common_ground"] for f in kept):
            kept = facts  # never drop the last specific fact about the person
        context = build_context(prospect, me, kept, gathered["career"], seen, today,
                                brief=step["brief"], ground_limit=step["grounds"], spark_offset=index,
                                shortest=step.get("shortest", False))
        text, template_notes = _render(names[index], context, templates_dir)
        subject, body = _split_subject(text, has_subject(channel))
        if (body_limit is None or len(body) <= body_limit) and (
                subject_limit is None or subject is None or len(subject) <= subject_limit):
            break
    else:
        body = _cut_sentences(body, body_limit or len(body), kept)
        warnings.append("Shortened to fit; read it through before sending.")
    return {
        "kind": kind, "channel": channel, "subject": subject, "body": body, "length": len(body),
        "limit": body_limit, "variant": index, "variants": len(names),
        "facts_used": _facts_used(facts, f"{subject or ''}\n{body}"),
        "warnings": template_notes + warnings,
    }


def _profile_warnings(prospect: dict[str, Any], today: date) -> list[str]:
    notes = []
    if not first_name(prospect.get("full_name")):
        notes.append("This prospect has no name on record; drafts greet them generically.")
    captured = captured_on(prospect)
    if captured and today - captured > STALE_CAPTURE:
        notes.append(f"Their profile was captured on {when_words(captured)}; capture it again to "
                     "check the current role before writing.")
    return notes


def drafts_for(prospect: dict[str, Any], me: dict[str, Any], *, kind: str | None = None,
               variant: int | None = None, today: date, referrer: dict[str, Any] | None = None,
               templates_dir: Path | None = None, rules: dict[str, int] | None = None) -> dict[str, Any]:
    """Tailored drafts of every kind (or one kind) for a prospect, with what would improve them."""
    if kind is not None and kind not in DRAFT_KINDS:
        raise BadInput(f"Unknown draft kind '{kind}'; choose one of: {', '.join(DRAFT_KINDS)}.")
    if variant is not None and (isinstance(variant, bool) or not isinstance(variant, int) or variant < 0):
        raise BadInput("'variant' must be a whole number, 0 or more.")
    me = {**DEFAULT_ME, **(me or {})}
    warnings = missing_fact_hints(me) + _profile_warnings(prospect, today)
    kinds = [kind] if kind else list(DRAFT_KINDS)
    if not referrer:
        if kind == "referral_thanks":
            warnings.append("A referral thank-you needs a referrer: set who referred this prospect.")
        kinds = [k for k in kinds if k != "referral_thanks"]
    if kind is None and not any(e.get("type") == "job_changed" for e in prospect.get("log") or ()):
        kinds = [k for k in kinds if k != "congratulations"]  # offered once a re-capture showed a new job
    gathered = gather(prospect, me, today, referrer)
    seen = key_dates(prospect)
    drafts = [_draft(k, prospect, me, gathered, seen, variant, today, referrer, templates_dir, rules or DEFAULT_RULES)
              for k in kinds]
    return {"drafts": drafts, "warnings": warnings}


def best_connection_note(prospect: dict[str, Any], me: dict[str, Any], *, today: date,
                         referrer: dict[str, Any] | None = None, templates_dir: Path | None = None,
                         rules: dict[str, int] | None = None) -> dict[str, Any]:
    """The connection note that uses the most common ground, then the most facts."""
    first = drafts_for(prospect, me, kind="connection_note", today=today, referrer=referrer,
                       templates_dir=templates_dir, rules=rules)
    candidates = [first["drafts"][0]] + [
        drafts_for(prospect, me, kind="connection_note", variant=n, today=today, referrer=referrer,
                   templates_dir=templates_dir, rules=rules)["drafts"][0]
        for n in range(first["drafts"][0]["variants"]) if n != first["drafts"][0]["variant"]]

    def score(draft: dict[str, Any]) -> tuple[int, int]:
        """Common ground used, then facts used."""
        used = draft["facts_used"]
        return sum(f["common_ground"] for f in used), len(used)

    best = max(candidates, key=score)  # max keeps the first (default) variant on ties
    return {**best, "warnings": best["warnings"] + first["warnings"]}
