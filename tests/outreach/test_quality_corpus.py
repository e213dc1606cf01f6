"""The quality corpus: four users × every profile page × every kind × every variant (× reasons).

Each defect class from issue 12 is a general rule here, checked on every draft: broken
sentences, lost signature lines, facts the record does not support, robotic wording, an
unnamed field, after-meeting mistakes, invented claims, a missing strongest reason and
evasive recruiter drafts. The check the drafting loop uses (outreach.check.problems) is one
of the rules; the others read the draft against the record independently.
"""

import re
from datetime import date, timedelta

import pytest
from corpus import USERS, after_meeting, contacted, people

from coffeechat.outreach import DRAFT_KINDS, drafts_for
from coffeechat.outreach.check import problems
from coffeechat.outreach.lexicon import is_english
from coffeechat.outreach.names import company_name, first_name, fold, role_title
from coffeechat.outreach.person import person
from coffeechat.outreach.reasons import same_entity, same_place
from coffeechat.timeline import captured_on

FIRST_MESSAGES = ("connection_note", "message", "inmail", "email")
TOOK = "your advice to start with quick usability tests on a real form gave me a first project"
NOTE = "{first} said the first hire matters most and that he would never skip user interviews"
# Stand-ins a draft uses when it does not know the person's field.
STAND_INS = re.compile(r"\byour (line of work|field|industry|area|domain)\b", re.I)
# Two facts about them strung together: "You X, and you Y" / "you X and that you Y".
FACT_LIST = re.compile(r"\byou(?:'ve|'re| \w+)[^.!?\n]*,? and (?:that )?you(?:'ve|'re| (?!can|could|would|might|may)\w+)",
                       re.I)
# Claims that something happened between them, true only when the log says so.
CONTACT_CLAIMS = re.compile(r"\b(I wrote|I've written|I've reached out|I reached out|we spoke|we talked|"
                            r"and I spoke|our conversation|since we talked|my earlier note|my note)\b", re.I)
HEARSAY = re.compile(r"\b(several|many|a few|other) conversations\b|\bcome up\b", re.I)
EXPLORER_JOB_TALK = re.compile(r"\b(job|position|opening|vacanc\w*|hire me|interview for|refer me|apply|"
                               r"application|resume|work for you)\b", re.I)
RECRUITER_PITCH = re.compile(r"\b(we're hiring|we are hiring|open position|great fit|candidate|salary|"
                             r"perfect for|interested in joining|evaluate|your availability)\b", re.I)
DAY_WORDS = {"today": 0, "yesterday": 1}
# A stated length of time: "four years at", "over a year in", "18 months as".
DURATION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|a couple of|a few) "
                      r"(years?|months?) (at|in|as|of)\b", re.I)


def _cases():
    return [(key, user) for key in sorted(people()) for user in USERS]


def _today(prospect: dict) -> date:
    return captured_on(prospect) + timedelta(days=3)


def _drafts(prospect: dict, me: dict, today: date, **kw) -> list[dict]:
    found = []
    for kind in DRAFT_KINDS:
        for variant in (0, 1):
            found += drafts_for(prospect, me, kind=kind, variant=variant, today=today,
                                referrer=kw.get("referrer"), reason=kw.get("reason"))["drafts"]
    return found


def _signature_kept(body: str, me: dict) -> bool:
    lines = me["signature"].split("\n")
    return body.split("\n")[-len(lines):] == lines


def _check_facts(text: str, prospect: dict, me: dict, who: dict, label: str) -> None:
    """Every fact the draft states about them, or about what they share, is true of the record."""
    schools = [e.get("school") for e in prospect.get("education") or [] if isinstance(e, dict)]
    companies = [company_name(e.get("company")) for e in prospect.get("experience") or [] if isinstance(e, dict)]
    companies.append(company_name((prospect.get("current") or {}).get("company")))
    if who["primary"] and who["primary"]["company"]:
        companies.append(who["primary"]["company"])
    for m in re.finditer(r"[Ww]e both studied at (?:the )?([^.,;!?]+(?:, [A-Z][\w ]+)?)", text):
        school = m.group(1).strip()
        assert any(same_entity(s, school) for s in me["schools"]), label
        assert any(same_entity(s, school) for s in schools), label
    for m in re.finditer(r"[Ww]e've both worked at (?:the )?([^.,;!?]+)", text):
        assert any(same_entity(c, m.group(1)) for c in me["employers"]), label
        assert any(same_entity(c, m.group(1)) for c in companies), label
    if re.search(r"[Ww]e're both (?:based )?in ", text):
        assert same_place(me["city"], prospect.get("location") or ""), label
    if "both speak" in text:
        raise AssertionError(f"a shared language is claimed: {label}")
    for m in re.finditer(r"\b(?:[Yy]ou're|[Yy]ou've been) (?!in your|studying)(?:an? )?(?:at )?([^.,]+?) at (?:the )?"
                         r"([A-Z][^.,;!?]*)", text):
        assert any(fold(m.group(2)) in fold(c) or fold(c) in fold(m.group(2)) for c in companies if c), label
    for m in re.finditer(r"\bsince ((?:19|20)\d\d)\b", text):
        assert not who["stale"], f"a duration from an old capture: {label}"
        starts = [e.get("start") or "" for e in prospect.get("experience") or [] if isinstance(e, dict)]
        assert any(s.startswith(m.group(1)) for s in starts), label
    if who["stale"]:
        assert not re.search(r"\b(joined|started|co-founded) [^.]* in [A-Z][a-z]+ (19|20)\d\d", text), label
        assert not DURATION.search(text), label
    for row in who["positions"]:
        if row["kind"] == "self_employed":
            raw = company_name(next((e.get("company") for e in prospect["experience"]
                                     if role_title(e.get("title")) == row["title"]), ""))
            if raw:
                assert f"at {raw}" not in text, label
        if row["club"]:
            assert row["company"] not in text, label
    if who["kind"] == "founder":
        assert not re.search(r"\byou work (at|for)\b", text, re.I), label
    if who["kind"] in ("student", "between_roles"):
        assert not DURATION.search(text), label
        assert not re.search(r"\byou're an? [^.]*(engineer|analyst|manager|scientist)\b", text, re.I), label


def _check(draft: dict, prospect: dict, me: dict, who: dict, today: date, referrer: dict | None = None,
           reasons: list | None = None, reason: str | None = None) -> None:
    body, subject = draft["body"], draft["subject"] or ""
    text = f"{subject}\n{body}"
    label = f"{draft['kind']} v{draft['variant']} for {prospect['key']}:\n{text}"
    to = referrer if draft["kind"] == "referral_thanks" else prospect
    # 1, 4 (partly), 5 (titles), 6 (third person): the drafting loop's own check finds nothing.
    assert problems(body, prospect, me, to=to) == [], label
    assert not subject or problems(subject, prospect, me, to={}) == [], label
    # The channel's limit, a subject where the channel has one.
    assert draft["length"] == len(body) and (draft["limit"] is None or len(body) <= draft["limit"]), label
    if draft["channel"] in ("linkedin_inmail", "email"):
        assert subject, label
    # 2: the signature keeps its lines (connection notes carry none).
    if draft["kind"] != "connection_note":
        assert _signature_kept(body, me), label
    # 3, 7: what it says about them and about what they share is true of the record and the log.
    _check_facts(text, prospect, me, who, label)
    logged = bool(prospect.get("log"))
    if not logged:
        assert not CONTACT_CLAIMS.search(body), label
    assert not HEARSAY.search(body), label
    # 4: no fact lists, the user's own role in the case they typed it.
    assert not FACT_LIST.search(body), label
    role = me["current_role"]
    intro = re.search(rf"I'm {first_name(me['name'])}, an? ([^.]+)", body)
    if role and intro:
        assert intro.group(1).startswith((role, role[:1].lower() + role[1:])), label
    # 5: the field is named, never a stand-in.
    assert not STAND_INS.search(text), label
    # 6: the private note is never pasted; days are named as they were.
    if logged:
        note = NOTE.format(first=first_name(prospect.get("full_name")) or "They")
        assert note not in body and "would never skip" not in body, label
        met = next((e for e in prospect["log"] if e["type"] == "meeting_held"), None)
        for word, gap in DAY_WORDS.items():
            if re.search(rf"\b{word}\b", body) and met:
                assert (today - date.fromisoformat(met["at"][:10])).days == gap, label
    # Explorer and recruiter guarantees; 9: recruiter first messages name the company and the reason.
    if me["persona"] == "explorer":
        assert not EXPLORER_JOB_TALK.search(text), label
    else:
        assert not RECRUITER_PITCH.search(text), label
        if draft["kind"] in FIRST_MESSAGES:
            assert "no pitch" in body.lower(), label
            if me["company"]:
                assert me["company"] in body, label
                if draft["kind"] != "connection_note":
                    assert me["recruiting_for"] in body, label
    # 8: a first message leads with the strongest reason (or the one asked for).
    if draft["kind"] in FIRST_MESSAGES and reasons:
        wanted = next(r for r in reasons if r["id"] == (reason or reasons[0]["id"]))
        assert any(f["kind"] == wanted["fact"]["kind"] for f in draft["facts_used"]), label
        assert draft["facts_used"], label
    for fact in draft["facts_used"]:
        if fact["kind"] == "shared_school":
            assert any(same_entity(fact["text"], s) for s in me["schools"]), label


@pytest.mark.parametrize(("key", "user"), _cases())
def test_every_draft_before_contact_reads_clean_and_true(key, user):
    prospect, me = people()[key], USERS[user]
    today = _today(prospect)
    who = person(prospect, today)
    result = drafts_for(prospect, me, today=today)
    reasons = result["reasons"]
    # Before any contact only first messages are offered; the rest come on request, warned.
    assert [d["kind"] for d in result["drafts"]] == list(FIRST_MESSAGES)
    from coffeechat.outreach.reasons import ranked
    full = ranked(who, prospect, me)
    for draft in _drafts(prospect, me, today):
        _check(draft, prospect, me, who, today, reasons=full)
        if draft["kind"] in ("thank_you", "keep_in_touch", "follow_up"):
            assert draft["warnings"], draft["body"]
    # Every other reason can lead instead (the dashboard's choices).
    for choice in reasons[1:]:
        for kind in ("connection_note", "message"):
            draft = drafts_for(prospect, me, kind=kind, reason=choice["id"], today=today)["drafts"][0]
            _check(draft, prospect, me, who, today, reasons=full, reason=choice["id"])


@pytest.mark.parametrize(("key", "user"), _cases())
def test_every_draft_after_a_meeting_uses_the_users_words(key, user):
    base, me = people()[key], USERS[user]
    today = _today(base)
    first = first_name(base.get("full_name")) or "They"
    prospect = after_meeting(base, today, 1, took_away=TOOK, note=NOTE.format(first=first))
    who = person(prospect, today)
    offered = [d["kind"] for d in drafts_for(prospect, me, today=today)["drafts"]]
    assert "thank_you" in offered and "keep_in_touch" in offered and "follow_up" not in offered
    for draft in _drafts(prospect, me, today):
        _check(draft, prospect, me, who, today)
        if draft["kind"] == "thank_you":
            assert "Your advice to start with quick usability tests" in draft["body"], draft["body"]
            assert "yesterday" in draft["body"], draft["body"]
    # Days later, with only a private note: no "yesterday", no pasted note, a marked gap and a warning.
    later = after_meeting(base, today, 4, note=NOTE.format(first=first))
    for variant in (0, 1):
        draft = drafts_for(later, me, kind="thank_you", variant=variant, today=today)["drafts"][0]
        _check(draft, later, me, who, today)
        assert "[add what you took away]" in draft["body"] and "yesterday" not in draft["body"]
        assert any("[add what you took away]" in w for w in draft["warnings"])


@pytest.mark.parametrize(("key", "user"), _cases()[::3])
def test_follow_ups_stop_after_the_rules_number(key, user):
    base, me = people()[key], USERS[user]
    today = _today(base)
    once = contacted(base, today)
    assert "follow_up" in [d["kind"] for d in drafts_for(once, me, today=today)["drafts"]]
    for draft in drafts_for(once, me, kind="follow_up", today=today)["drafts"]:
        _check(draft, once, me, person(once, today), today)
    twice = {**once, "log": once["log"] + [{"id": 5, "type": "follow_up_sent", "at": f"{today.isoformat()}T09:00:00"}]}
    assert "follow_up" not in [d["kind"] for d in drafts_for(twice, me, today=today)["drafts"]]
    assert "follow_up" in [d["kind"] for d in drafts_for(twice, me, today=today, rules={"max_follow_ups": 2})["drafts"]]


@pytest.mark.parametrize("key", sorted(people()))
def test_an_old_capture_gives_no_durations_and_asks_for_a_new_one(key):
    prospect = people()[key]
    today = _today(prospect) + timedelta(days=400)
    who = person(prospect, today)
    assert who["stale"]
    result = drafts_for(prospect, USERS["teacher"], today=today)
    assert any("capture it again" in w for w in result["warnings"])
    for draft in result["drafts"]:
        _check(draft, prospect, USERS["teacher"], who, today)


def test_a_referrer_leads_and_is_thanked():
    people_ = people()
    prospect = people_["founder-2025"]
    referrer = people_["profile-2022-self"]
    today = _today(prospect)
    who = person(prospect, today)
    from coffeechat.outreach.reasons import ranked
    for me in USERS.values():
        full = ranked(who, prospect, me, referrer)
        assert full[0]["id"] == "referrer"
        for draft in _drafts(prospect, me, today, referrer=referrer):
            _check(draft, prospect, me, who, today, referrer=referrer, reasons=full)
            if draft["kind"] in FIRST_MESSAGES:
                assert "Kireet Agrawal" in draft["body"], draft["body"]


def test_titles_in_other_languages_are_read_into_english():
    prospect = people()["profile-pt-2024"]
    who = person(prospect, _today(prospect))
    assert not is_english(who["primary"]["title"]) and who["primary"]["title_en"] == "senior UX researcher"
    assert who["field"] == "UX research"
    body = drafts_for(prospect, USERS["nurse"], kind="message", today=_today(prospect))["drafts"][0]["body"]
    assert "senior UX researcher" in body and "Pesquisadora" not in body
