"""Drafts for one prospect: choose a variant, render it, fit it to the channel, list the facts used."""

import hashlib
import re
from datetime import date
from pathlib import Path
from typing import Any

from coffeechat.errors import BadInput, TemplateProblem
from coffeechat.me import DEFAULT_ME, missing_fact_hints
from coffeechat.outreach.check import problems
from coffeechat.outreach.context import build_context
from coffeechat.outreach.facts import gather
from coffeechat.outreach.kinds import DRAFT_KINDS, channel_for, has_subject, limits_for
from coffeechat.outreach.names import first_name
from coffeechat.outreach.person import person
from coffeechat.outreach.plans import STEPS, sentences, took_away
from coffeechat.outreach.reasons import ranked
from coffeechat.outreach.templates import BUILTIN_DIR, builtin_names, render
from coffeechat.outreach.timing import STALE_CAPTURE, timing_warnings
from coffeechat.timeline import DEFAULT_RULES, captured_on, key_dates, when_words

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


def _render(name: str, context: dict[str, Any], templates_dir: Path | None) -> tuple[str, list[str], bool]:
    """The user's override when it works (third value True), else the built-in template with a warning saying why."""
    if templates_dir and (templates_dir / name).is_file():
        try:
            text = _tidy(render(templates_dir, name, context))
            leftover = _UNFINISHED.search(text)
            if leftover:
                raise TemplateProblem(f"Template {templates_dir}/{name} left \"{leftover.group(0)}\" "
                                      "in the draft.")
            return text, [], True
        except TemplateProblem as problem:
            return _tidy(render(BUILTIN_DIR, name, context)), [
                f"{problem.message} Using the built-in template meanwhile."], False
    return _tidy(render(BUILTIN_DIR, name, context)), [], False


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


def _chosen(reasons: list[dict[str, Any]], wanted: str | None) -> list[dict[str, Any]]:
    """The lead reason (the one asked for, else the strongest) and at most one more that adds something."""
    if not reasons:
        return []
    lead = next((r for r in reasons if r["id"] == wanted), reasons[0])
    if not lead["fact"]["common_ground"]:
        return [lead]  # one fact about them is a reason; two read as a list
    overlap = {"recent": {"role"}, "interests": {"about"}, "about": {"interests"}}
    rest = [r for r in reasons if r is not lead and r["id"] not in overlap.get(lead["id"], set())]
    # After shared ground, the move they made says more than a second shared place.
    rest.sort(key=lambda r: r["id"] != "similar_change")
    return [lead] + rest[:1]


def _context(kind: str, persona_plan: dict[str, Any], step: dict[str, bool]) -> dict[str, Any]:
    """The old flat context (kept for the user's own templates) with the plan's sentences over it."""
    base = persona_plan["base"]
    said = sentences(kind, persona_plan["person"], persona_plan["chosen"], persona_plan["me"],
                     persona_plan["prospect"], persona_plan["seen"], persona_plan["today"], step,
                     persona_plan["referrer"], every=persona_plan["reasons"])
    said["thanks_line"] = said["thanks_line"].format(thanks=base["thanks"])
    if not step["names"]:
        base = {**base, "ask_names": ""}
    return {**base, **said, "signature": persona_plan["me"].get("signature") or persona_plan["me"].get("name") or ""}


def _candidate(kind: str, name: str, plan: dict[str, Any], step: dict[str, bool], channel: str,
               templates_dir: Path | None) -> dict[str, Any]:
    context = _context(kind, plan, step)
    text, notes, override = _render(name, context, templates_dir)
    subject, body = _split_subject(text, has_subject(channel))
    to = plan["referrer"] if kind == "referral_thanks" and plan["referrer"] else plan["prospect"]
    bad = problems(body, plan["prospect"], plan["me"], to=to)
    if subject:
        bad += problems(subject, plan["prospect"], plan["me"], to={})
    if override and bad:
        text, more, _ = _render(name, context, None)
        subject, body = _split_subject(text, has_subject(channel))
        notes = [f"Your template {name} gave a draft with a problem ({bad[0]}); using the built-in one meanwhile."]
        bad = problems(body, plan["prospect"], plan["me"], to=to)
    return {"subject": subject, "body": body, "notes": notes, "problems": bad}


def _draft(kind: str, plan: dict[str, Any], variant: int | None, templates_dir: Path | None,
           rules: dict[str, int]) -> dict[str, Any]:
    prospect, me, seen, today, referrer = (plan[k] for k in ("prospect", "me", "seen", "today", "referrer"))
    names = builtin_names(kind, me["persona"])
    index = variant % len(names) if variant is not None else default_variant(prospect, kind, len(names))
    channel = channel_for(kind, prospect)
    subject_limit, body_limit = limits_for(kind, channel, me)
    warnings = _kind_warnings(kind, channel, prospect, seen, today, referrer, rules)
    chosen = None
    tried = []
    # This variant's plan from fullest to shortest, then the other variant's, then the same with
    # the shortest reason leading: the first clean draft that fits wins.
    shortest = min(plan["reasons"], key=lambda r: len(r["short"]), default=None)
    fallbacks = [plan] + ([{**plan, "chosen": [shortest]}] if shortest and plan["chosen"] != [shortest] else [])
    for option in fallbacks:
        for n in [index] + [i for i in range(len(names)) if i != index]:
            for step in STEPS:
                result = _candidate(kind, names[n], option, step, channel, templates_dir)
                fits = (body_limit is None or len(result["body"]) <= body_limit) and (
                    subject_limit is None or result["subject"] is None or len(result["subject"]) <= subject_limit)
                tried.append((fits, result))
                if fits and not result["problems"]:
                    chosen = result
                    break
            if chosen:
                break
        if chosen:
            break
    if chosen is None:
        chosen = next((r for fits, r in tried if fits), tried[-1][1])
        if body_limit is not None and len(chosen["body"]) > body_limit:
            chosen["body"] = _cut_sentences(chosen["body"], body_limit, plan["facts"])
            warnings.append("Shortened to fit; read it through before sending.")
        if chosen["problems"]:
            warnings.append(f"Read this one through before sending: {chosen['problems'][0]}.")
    subject, body = chosen["subject"], chosen["body"]
    if "[add what you took away]" in body:
        first = first_name(prospect.get("full_name")) or "them"
        warnings.append(f"Write what you took away where the draft says [add what you took away], in your own "
                        f"words to {first} (or log it with the meeting as \"what you took away\").")
    return {
        "kind": kind, "channel": channel, "subject": subject, "body": body, "length": len(body),
        "limit": body_limit, "variant": index, "variants": len(names),
        "facts_used": _facts_used(plan["facts"], f"{subject or ''}\n{body}"),
        "warnings": chosen["notes"] + warnings,
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


def offered(kind: str, seen: dict[str, Any], rules: dict[str, int], referrer: dict[str, Any] | None) -> bool:
    """Whether a kind fits where the relationship stands (others are drafted only on request)."""
    if kind == "follow_up":
        return bool(seen["contacted"]) and not (seen["replied"] or seen["met"]) and \
            len(seen["follow_ups"]) < rules.get("max_follow_ups", DEFAULT_RULES["max_follow_ups"])
    if kind == "thank_you":
        return bool(seen["met"])
    if kind == "keep_in_touch":
        return bool(seen["replied"] or seen["met"])
    if kind == "referral_thanks":
        return bool(referrer)
    return True


def drafts_for(prospect: dict[str, Any], me: dict[str, Any], *, kind: str | None = None,
               variant: int | None = None, reason: str | None = None, today: date,
               referrer: dict[str, Any] | None = None, templates_dir: Path | None = None,
               rules: dict[str, int] | None = None) -> dict[str, Any]:
    """Tailored drafts of the kinds that fit (or one kind) for a prospect, the reasons to choose from, and warnings."""
    if kind is not None and kind not in DRAFT_KINDS:
        raise BadInput(f"Unknown draft kind '{kind}'; choose one of: {', '.join(DRAFT_KINDS)}.")
    if variant is not None and (isinstance(variant, bool) or not isinstance(variant, int) or variant < 0):
        raise BadInput("'variant' must be a whole number, 0 or more.")
    rules = {**DEFAULT_RULES, **(rules or {})}
    me = {**DEFAULT_ME, **(me or {})}
    who = person(prospect, today)
    reasons = ranked(who, prospect, me, referrer)
    if reason is not None and reason not in {r["id"] for r in reasons}:
        known = ", ".join(r["id"] for r in reasons) or "none"
        raise BadInput(f"There is no reason '{reason}' to write to this person; choose one of: {known}.")
    warnings = missing_fact_hints(me) + _profile_warnings(prospect, today)
    seen = key_dates(prospect)
    if kind:
        kinds = [kind]
        if kind == "referral_thanks" and not referrer:
            warnings.append("A referral thank-you needs a referrer: set who referred this prospect.")
            kinds = []
    else:
        kinds = [k for k in DRAFT_KINDS if offered(k, seen, rules, referrer)]
        if not any(e.get("type") == "job_changed" for e in prospect.get("log") or ()):
            kinds = [k for k in kinds if k != "congratulations"]  # offered once a re-capture showed a new job
    gathered = gather(prospect, me, today, referrer)
    chosen = _chosen(reasons, reason)
    facts = [r["fact"] for r in reasons]
    took = took_away(prospect)
    if took:
        facts.append({"kind": "took_away", "text": took, "common_ground": False, "phrases": {"took_away": took}})
    old_facts = gathered["common"] + gathered["specific"]
    base = build_context(prospect, me, old_facts, gathered["career"], seen, today)
    plan = {"prospect": prospect, "me": me, "seen": seen, "today": today, "referrer": referrer,
            "person": who, "reasons": reasons, "chosen": chosen, "facts": facts, "base": base}
    drafts = [_draft(k, plan, variant, templates_dir, rules) for k in kinds]
    return {"drafts": drafts, "warnings": warnings,
            "reasons": [{"id": r["id"], "label": r["label"], "chosen": r is (chosen[0] if chosen else None)}
                        for r in reasons]}


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
