"""Acceptance for drafts: every fixture × persona × kind × user fits, is specific and stays honest."""

import re
from datetime import date

import pytest
from outreach_people import PROFILES, TODAY, insider, load_parsed_prospect, load_prospect, stranger

from coffeechat.errors import BadInput
from coffeechat.me import normalize_me
from coffeechat.outreach import DRAFT_KINDS, best_connection_note, drafts_for
from coffeechat.outreach.drafts import _cut_sentences
from coffeechat.outreach.kinds import EMAIL_SUBJECT_LIMIT, INMAIL_SUBJECT_LIMIT

FIRST = {"profile-2018-self": "Austin", "profile-2022-self": "Kireet",
         "profile-2026-first-degree": "Janice", "public-2023": "Dulitha"}
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\[[A-Z][A-Za-z ]*\]|<[^<>\n]{1,40}>|\bNone\b|\bnull\b|"
                      r"\bundefined\b|\s[,.]|\.\.(?!\.)|^\s*$\n^\s*$\n")
# An explorer asks for advice, never for a job, a position, an interview for a role or a referral.
EXPLORER_FORBIDDEN = ("job", "position", "opening", "vacanc", "hiring", "hire me", "interview",
                      "refer me", "referral", "apply", "application", "resume", "cv ", "role at your",
                      "open role", "work for you", "recommend me", "your post")
# A recruiter explores the field; no pitch, no evaluation.
RECRUITER_FORBIDDEN = ("we're hiring", "we are hiring", "open position", "opportunity", "great fit",
                       "your resume", "your cv", "apply", "candidate", "salary", "your post",
                       "perfect for", "interested in joining", "evaluate")
GROUND_WORDS = ("we both", "we've both", "we're both", "fellow",
                "suggested I", "suggested you", "introduction from", "pointed me")


def _referrer():
    return load_prospect("profile-2018-self", id=99, full_name="Dana Lee")


CASES = [(name, persona, who) for name in PROFILES for persona in ("explorer", "recruiter")
         for who in ("stranger", "insider")]


@pytest.mark.parametrize(("name", "persona", "who"), CASES)
@pytest.mark.parametrize("variant", [0, 1])
@pytest.mark.parametrize("source", ["expected", "parsed"])
def test_every_kind_is_fit_to_send(name, persona, who, variant, source):
    me = (stranger if who == "stranger" else insider)(persona=persona)
    referrer = _referrer() if who == "insider" else None
    prospect = load_prospect(name) if source == "expected" else load_parsed_prospect(name)
    offered = drafts_for(prospect, me, variant=variant, today=TODAY[name], referrer=referrer)
    # Nothing is logged: first messages (and the referrer's thanks) are offered; the rest on request.
    assert [d["kind"] for d in offered["drafts"]] == [
        k for k in DRAFT_KINDS if k in ("connection_note", "message", "inmail", "email") or
        (referrer and k == "referral_thanks")]
    drafts = [d for k in DRAFT_KINDS
              for d in drafts_for(prospect, me, kind=k, variant=variant, today=TODAY[name], referrer=referrer)["drafts"]]
    assert [d["kind"] for d in drafts] == [k for k in DRAFT_KINDS if referrer or k != "referral_thanks"]
    # Congratulations are offered only once a re-capture showed a new job (tests/insights/test_job_changes.py).
    assert "congratulations" not in [d["kind"] for d in offered["drafts"]]
    for draft in drafts:
        body, subject = draft["body"], draft["subject"] or ""
        text = f"{subject}\n{body}"
        label = f"{draft['kind']} v{variant}:\n{text}"
        assert draft["length"] == len(body)
        if draft["limit"] is not None:
            assert len(body) <= draft["limit"], label
        if draft["channel"] == "linkedin_inmail":
            assert subject and len(subject) <= INMAIL_SUBJECT_LIMIT, label
        if draft["channel"] == "email":
            assert subject and len(subject) <= EMAIL_SUBJECT_LIMIT, label
        if draft["kind"] == "connection_note":
            assert draft["limit"] == 200 and "\n" not in body
        assert not LEFTOVER.search(text), label
        greeted = "Dana" if draft["kind"] == "referral_thanks" else FIRST[name]
        assert body.split("\n")[0].startswith(("Hi ", "Dear ", "Hello ")) and greeted in body.split("\n")[0], label
        assert FIRST[name] in body, label
        if draft["kind"] in ("connection_note", "message", "inmail", "email"):
            assert draft["facts_used"], label
        if draft["kind"] in ("thank_you", "keep_in_touch", "follow_up"):
            assert draft["warnings"], label  # nothing logged: asked for, so warned
        for fact in draft["facts_used"]:
            assert fact["text"], label
        lowered = text.lower()
        for phrase in (EXPLORER_FORBIDDEN if persona == "explorer" else RECRUITER_FORBIDDEN):
            assert phrase not in lowered, f"{phrase!r} in {label}"
        if who == "stranger":
            # A stranger shares no school, employer or place; a career move like theirs may be shared.
            assert not any(f["common_ground"] and f["kind"] != "similar_change" for f in draft["facts_used"]), label
            for words in GROUND_WORDS:
                assert words not in text, f"{words!r} claimed in {label}"
        assert not body.rstrip().endswith((",", " and", " the", "—")), label


def test_shared_school_is_claimed_only_with_a_shared_school():
    prospect = load_prospect("profile-2018-self")
    shares = stranger(schools=["Queen's University"])
    note = drafts_for(prospect, shares, kind="connection_note", variant=0, today=TODAY["profile-2018-self"])
    body = note["drafts"][0]["body"]
    assert "we both studied at Queen's University" in body.replace("We both", "we both")
    assert {"kind": "shared_school", "text": "Queen's University", "common_ground": True} in \
        note["drafts"][0]["facts_used"]
    none = drafts_for(prospect, stranger(schools=[]), kind="connection_note", variant=0,
                      today=TODAY["profile-2018-self"])
    assert "studied" not in none["drafts"][0]["body"]


def test_shared_employer_is_claimed_only_with_a_shared_employer():
    prospect = load_prospect("profile-2022-self")
    today = TODAY["profile-2022-self"]
    shares = drafts_for(prospect, stranger(employers=["Stripe"]), kind="message", variant=0, today=today)
    assert "we've both worked at Stripe" in shares["drafts"][0]["body"].replace("We've", "we've")
    apart = drafts_for(prospect, stranger(employers=["Stripey Things"]), kind="message", variant=0, today=today)
    assert "both worked" not in apart["drafts"][0]["body"]


def test_premium_allows_longer_notes_and_keeps_more_ground():
    prospect = load_prospect("profile-2026-first-degree")
    today = TODAY["profile-2026-first-degree"]
    free = drafts_for(prospect, insider(), kind="connection_note", variant=1, today=today)["drafts"][0]
    premium = drafts_for(prospect, insider(linkedin_account="premium"), kind="connection_note", variant=1,
                         today=today)["drafts"][0]
    assert free["limit"] == 200 and premium["limit"] == 300
    assert len(premium["body"]) <= 300
    assert len(premium["facts_used"]) >= len(free["facts_used"])


def test_long_names_are_shortened_by_dropping_clauses_not_words():
    prospect = load_prospect("profile-2022-self", current={"title": "Principal Staff Software Engineer",
                                                             "company": "Extremely Long Company Name " * 3})
    prospect["experience"][0]["company"] = prospect["current"]["company"]
    prospect["experience"][0]["title"] = prospect["current"]["title"]
    me = insider(goal="move from teaching high school mathematics into backend software engineering")
    for variant in (0, 1):
        draft = drafts_for(prospect, me, kind="connection_note", variant=variant,
                           today=TODAY["profile-2022-self"])["drafts"][0]
        assert len(draft["body"]) <= 200
        assert draft["body"].endswith("?") or draft["body"].endswith(".)")
        assert draft["facts_used"]
        for word in draft["body"].split():
            assert word.strip(".,!?()—") in f"{prospect['current']['company']} {me['goal']} " \
                   f"{draft['body']}"


def test_cut_sentences_keeps_whole_sentences_with_facts():
    facts = [{"phrases": {"company": "Gantry"}}]
    body = "Hi Kim! Filler sentence that goes on. You work at Gantry. Another long aside here. Open to a call?"
    cut = _cut_sentences(body, 60, facts)
    assert cut == "Hi Kim! You work at Gantry. Open to a call?"


def test_tones_change_the_wording():
    prospect = load_prospect("profile-2022-self")
    bodies = {tone: drafts_for(prospect, stranger(tone=tone), kind="message", variant=0,
                               today=TODAY["profile-2022-self"])["drafts"][0]["body"] for tone in
              ("warm", "concise", "formal")}
    assert len(set(bodies.values())) == 3
    assert bodies["formal"].startswith("Dear Kireet,")
    assert "Kind regards," in bodies["formal"] and "Warmly," in bodies["warm"] and "Best," in bodies["concise"]


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_variants_differ_in_opening_and_structure(kind):
    # A first message is logged, so the follow-up has something to follow.
    prospect = load_prospect("public-2023", log=[{"id": 1, "type": "message_sent", "at": "2023-05-15T10:00:00"}])
    referrer = _referrer()
    one, two = (drafts_for(prospect, stranger(), kind=kind, variant=v, today=TODAY["public-2023"],
                           referrer=referrer)["drafts"][0] for v in (0, 1))
    def opening(body: str) -> str:
        """The first sentence after the greeting."""
        sentences = re.split(r"(?<=[.!?,])\s+", body)
        return sentences[1] if sentences[0].startswith(("Hi ", "Dear ", "Hello ")) else sentences[0]

    assert opening(one["body"]) != opening(two["body"])
    assert one["body"] != two["body"]


def test_default_variant_is_deterministic_and_variant_wraps():
    prospect = load_prospect("public-2023")
    today = TODAY["public-2023"]
    first = drafts_for(prospect, stranger(), kind="inmail", today=today)["drafts"][0]
    again = drafts_for(prospect, stranger(), kind="inmail", today=today)["drafts"][0]
    assert first == again
    count = first["variants"]
    wrapped = drafts_for(prospect, stranger(), kind="inmail", variant=first["variant"] + count, today=today)
    assert wrapped["drafts"][0]["body"] == first["body"]
    nxt = drafts_for(prospect, stranger(), kind="inmail", variant=first["variant"] + 1, today=today)
    assert nxt["drafts"][0]["variant"] == (first["variant"] + 1) % count


def test_unknown_kind_and_bad_variant_raise():
    prospect = load_prospect("public-2023")
    with pytest.raises(BadInput, match="Unknown draft kind 'tweet'"):
        drafts_for(prospect, stranger(), kind="tweet", today=TODAY["public-2023"])
    with pytest.raises(BadInput):
        drafts_for(prospect, stranger(), variant=-1, today=TODAY["public-2023"])


def test_referral_thanks_needs_a_referrer():
    prospect = load_prospect("public-2023")
    result = drafts_for(prospect, stranger(), kind="referral_thanks", today=TODAY["public-2023"])
    assert result["drafts"] == [] and "referrer" in result["warnings"][-1]
    with_ref = drafts_for(prospect, stranger(), kind="referral_thanks", today=TODAY["public-2023"],
                          referrer=_referrer())["drafts"][0]
    assert with_ref["body"].startswith("Hi Dana,") and "Dulitha" in with_ref["body"]


def test_missing_user_facts_are_warned_about():
    prospect = load_prospect("profile-2018-self")
    result = drafts_for(prospect, normalize_me({}), today=TODAY["profile-2018-self"])
    assert "Add your school(s) in Settings to find shared schools." in result["warnings"]
    assert any("goal" in w for w in result["warnings"])
    full = drafts_for(prospect, insider(), today=TODAY["profile-2018-self"])
    assert not any("Settings" in w for w in full["warnings"])
    for draft in result["drafts"]:
        assert not LEFTOVER.search(draft["body"]), draft["body"]


@pytest.mark.parametrize(("full_name", "first"), [
    ("AUSTIN O'BOYLE", "Austin"), ("🚀 Austin O'Boyle ⚡️", "Austin"), ("austin o'boyle", "Austin"),
])
def test_names_in_caps_or_with_emoji(full_name, first):
    prospect = load_prospect("profile-2018-self", full_name=full_name)
    for draft in drafts_for(prospect, stranger(), today=TODAY["profile-2018-self"])["drafts"]:
        assert first in draft["body"].split("\n")[0]
        assert "AUSTIN" not in draft["body"]


def test_prospect_without_name_or_history_still_gets_clean_drafts():
    prospect = {"id": 5, "full_name": None, "headline": "Data Scientist 📊 | Climate", "log": None}
    result = drafts_for(prospect, stranger(), today=date(2026, 1, 5))
    assert any("no name" in w for w in result["warnings"])
    for draft in result["drafts"]:
        assert draft["body"].startswith(("Hi there", "Hello")), draft["body"]
        assert not LEFTOVER.search(draft["body"]), draft["body"]
        assert "Data Scientist" in draft["body"]
        assert draft["facts_used"]


def _log(*entries):
    return [{"id": n, "at": at, "type": kind, **extra} for n, (at, kind, extra) in enumerate(entries, 1)]


def test_timing_warnings_follow_the_stage_history():
    prospect = load_prospect("profile-2022-self", log=_log(("2022-04-08T09:00:00Z", "invitation_sent", {})))
    early = drafts_for(prospect, stranger(), kind="follow_up", today=date(2022, 4, 10))["drafts"][0]
    assert any("wait until April 15, 2022" in w for w in early["warnings"])
    later = drafts_for(prospect, stranger(), kind="follow_up", today=date(2022, 4, 16))["drafts"][0]
    assert not later["warnings"] or not any("wait" in w for w in later["warnings"])
    assert "April 8, 2022" in later["body"] or "nudge" in later["body"]


def test_thank_you_speaks_the_users_own_words_and_never_the_private_note():
    note = "Kireet said he ships small tools the team will actually use"
    took = "your advice to ship small tools the team will actually use gave me my first project"
    prospect = load_prospect("profile-2022-self", log=_log(
        ("2022-04-01T09:00:00Z", "message_sent", {}),
        ("2022-04-08T16:00:00Z", "meeting_held", {"note": note, "took_away": took})))
    for variant in (0, 1):
        draft = drafts_for(prospect, stranger(), kind="thank_you", variant=variant,
                           today=date(2022, 4, 9))["drafts"][0]
        assert "Your advice to ship small tools the team will actually use gave me my first project." in draft["body"]
        assert note not in draft["body"] and "took_away" in {f["kind"] for f in draft["facts_used"]}
        assert "yesterday" in draft["body"]
        later = drafts_for(prospect, stranger(), kind="thank_you", variant=variant, today=date(2022, 4, 12))
        assert "yesterday" not in later["drafts"][0]["body"] and "on Friday" in later["drafts"][0]["body"]
    bare = load_prospect("profile-2022-self", log=_log(("2022-04-08T16:00:00Z", "meeting_held", {"note": note})))
    draft = drafts_for(bare, stranger(), kind="thank_you", today=date(2022, 4, 8))["drafts"][0]
    assert "[add what you took away]" in draft["body"] and "today" in draft["body"]
    assert note not in draft["body"] and any("[add what you took away]" in w for w in draft["warnings"])


def test_stale_capture_is_flagged():
    prospect = load_prospect("profile-2018-self", captures=[{"id": 1, "at": "2019-01-02T00:00:00Z"}])
    result = drafts_for(prospect, stranger(), kind="message", today=date(2026, 1, 5))
    assert any("captured on January 2, 2019" in w for w in result["warnings"])


def test_best_connection_note_prefers_common_ground():
    prospect = load_prospect("public-2023")
    best = best_connection_note(prospect, insider(), today=TODAY["public-2023"])
    assert best["kind"] == "connection_note" and len(best["body"]) <= 200
    assert any(f["common_ground"] for f in best["facts_used"])
    lonely = best_connection_note(prospect, normalize_me({}), today=TODAY["public-2023"])
    assert any("Settings" in w for w in lonely["warnings"])


@pytest.mark.parametrize("variant", [0, 1])
def test_keep_in_touch_shares_where_the_user_landed(variant):
    prospect = load_prospect("profile-2022-self")
    landed = stranger(landed="a UX research role at Acme.")
    body = drafts_for(prospect, landed, kind="keep_in_touch", variant=variant,
                      today=TODAY["profile-2022-self"])["drafts"][0]["body"]
    assert "I've landed a UX research role at Acme." in body
    assert "I'm still" not in body  # the news replaces the old "still looking" update
    before = drafts_for(prospect, stranger(), kind="keep_in_touch", variant=variant,
                        today=TODAY["profile-2022-self"])["drafts"][0]["body"]
    assert "landed" not in before


def test_landed_is_validated_like_other_text():
    assert normalize_me({"landed": "  a role   at Acme "})["landed"] == "a role at Acme"
    with pytest.raises(BadInput, match="landed"):
        normalize_me({"landed": "x" * 500})
