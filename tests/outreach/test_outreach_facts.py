"""Table-driven tests for names, matching of common ground, the About clause and the career reader."""

import pytest
from outreach_people import PROFILES, TODAY, insider, load_prospect, stranger

from coffeechat.outreach.about import about_clause, about_topics
from coffeechat.outreach.facts import (
    common_ground,
    gather,
    same_city,
    same_company,
    same_school,
    shared_language,
    shared_skills,
)
from coffeechat.outreach.names import company_name, company_ref, first_name, span_words, strip_emoji


@pytest.mark.parametrize(("full", "first"), [
    ("Austin O'Boyle", "Austin"),
    ("AUSTIN O'BOYLE", "Austin"),
    ("janice jiang", "Janice"),
    ("🚀 Dulitha 🧠 Wijewantha", "Dulitha"),
    ("Dr. Jane Doe, PhD", "Jane"),
    ("Jean-Luc Picard (he/him)", "Jean-Luc"),
    ("McKenzie Scott", "McKenzie"),
    ("", ""),
    (None, ""),
    ("🔥✨", ""),
])
def test_first_name(full, first):
    assert first_name(full) == first


def test_strip_emoji_keeps_text_and_lines():
    assert strip_emoji("AI/ ML Experimenter 🔬 | Web3 Degen 🧪") == "AI/ ML Experimenter | Web3 Degen"
    assert strip_emoji("Hi!🙋🏾‍♂️\nline two") == "Hi!\nline two"


@pytest.mark.parametrize(("raw", "name", "ref"), [
    ("Bounced Inc.", "Bounced", "Bounced"),
    ("Aristotle - Co-Pilot for Cold Sales", "Aristotle", "Aristotle"),
    ("Financial Accounting Standards Board", "Financial Accounting Standards Board",
     "the Financial Accounting Standards Board"),
    ("Queen's Centre for Advanced Computing", "Queen's Centre for Advanced Computing",
     "Queen's Centre for Advanced Computing"),
    ("University of Illinois Urbana-Champaign", "University of Illinois Urbana-Champaign",
     "the University of Illinois Urbana-Champaign"),
])
def test_company_names(raw, name, ref):
    assert company_name(raw) == name
    assert company_ref(raw) == ref


@pytest.mark.parametrize(("mine", "theirs", "same"), [
    ("Queen's University", "Queen's University", True),
    ("queens university", "Queen's University", True),
    ("University of Illinois Urbana-Champaign",
     "Gies College of Business - University of Illinois Urbana-Champaign", True),
    ("University of California, Berkeley", "University of California, Los Angeles", False),
    ("University", "Queen's University", False),
    ("University of California", "University of California, Berkeley", False),
    ("Queen's University", "Don Mills Collegiate Institute", False),
    ("", "Queen's University", False),
])
def test_same_school(mine, theirs, same):
    assert same_school(mine, theirs) is same


@pytest.mark.parametrize(("mine", "theirs", "same"), [
    ("Stripe", "Stripe", True),
    ("Pedalheads Bike Camps", "Pedalheads Bike Camps Inc.", True),
    ("Aristotle", "Aristotle - Co-Pilot for Cold Sales", True),
    ("Queen's University", "Queen's Centre for Advanced Computing", False),
    ("Group", "DSI Samson Group - Sri Lanka", False),
    ("Stripe", "Striped Bass Co", False),
])
def test_same_company(mine, theirs, same):
    assert same_company(mine, theirs) is same


@pytest.mark.parametrize(("mine", "location", "same"), [
    # A city counts only with its region: the same name is found in many places.
    ("Toronto, Ontario", "Toronto, Ontario, Canada", True),
    ("Toronto", "Toronto, Canada Area", False),
    ("Toronto, ON", "Kingston, ON, Canada", False),
    ("Berkeley, CA", "Berkeley, California, United States", True),
    ("Norwalk, CT", "Norwalk, California, United States", False),
    ("Norwalk, Connecticut", "Norwalk, Connecticut, United States", True),
    ("Singapore", "", False),
])
def test_same_city(mine, location, same):
    assert same_city(mine, location) is same


def test_languages_and_skills():
    theirs = [{"language": "Chinese (Mandarin)", "proficiency": "Professional working proficiency"},
              {"language": "English", "proficiency": "Native or bilingual proficiency"},
              {"language": "French", "proficiency": "Limited working proficiency"}, {"language": "Hindi"}]
    assert shared_language(["Mandarin"], theirs) == "Chinese (Mandarin)"
    # A limited level, or none given, is not a shared language.
    assert shared_language(["Hindi"], theirs) == ""
    assert shared_language(["English"], theirs) == ""  # not common ground in an English note
    assert shared_language(["French"], theirs) == ""
    assert shared_skills(["python", "Tableau", "Go"], ["Python (Programming Language)", "Tableau"]) == \
        ["python", "Tableau"]


@pytest.mark.parametrize(("about", "clause"), [
    ("I support the XBRL team in developing and maintaining the U.S. GAAP Taxonomy. More.",
     "you support the XBRL team in developing and maintaining the U.S. GAAP Taxonomy"),
    ("In order to help, I co-founded CabbageApps, as a technology partner.", "you co-founded CabbageApps"),
    ("I am also a student athlete, playing varsity baseball.", "you are a student athlete"),
    ("I'm interested in summer internships and full-time positions.", ""),
    ("To contact me, please email me@example.com", ""),
    (None, ""),
])
def test_about_clause(about, clause):
    assert about_clause(about) == clause


def test_about_topics():
    assert about_topics("Talk to me about:\n⚡️Fintech\n⚡️Product Development\n⚡️UI/UX") == \
        ["Fintech", "Product Development", "UI/UX"]


@pytest.mark.parametrize(("months", "words"), [
    (None, ""), (2, "a couple of months"), (5, "five months"), (12, "about a year"),
    (20, "over a year"), (23, "almost two years"), (36, "three years"), (41, "over three years"),
    (59, "almost five years"),
])
def test_span_words(months, words):
    assert span_words(months) == words


def test_career_of_a_founder():
    path = gather(load_prospect("public-2023"), stranger(), TODAY["public-2023"])["career"]
    assert path["current"]["company"] == "Aristotle"
    assert [(m["from"], m["to"], m["year"]) for m in path["transitions"]] == [("engineering", "founder", 2017)]
    assert path["total_months"] // 12 == 12


def test_student_roles_and_clubs_are_not_career_moves():
    path = gather(load_prospect("profile-2026-first-degree"), stranger(), TODAY["profile-2026-first-degree"])["career"]
    assert path["transitions"] == []
    assert path["recent_move"]["to_company"] == "Financial Accounting Standards Board"


def test_common_ground_only_when_true(profile_name):
    prospect = load_prospect(profile_name)
    today = TODAY[profile_name]
    assert gather(prospect, stranger(), today)["common"] == []
    kinds = {f["kind"] for f in gather(prospect, insider(), today)["common"]}
    assert {"shared_school", "shared_employer"} <= kinds


def test_referrer_is_common_ground():
    prospect, referrer = load_prospect("profile-2022-self"), load_prospect("public-2023")
    path = gather(prospect, stranger(), TODAY["profile-2022-self"])["career"]
    found = common_ground(prospect, stranger(), path, referrer)
    assert found[0]["kind"] == "referrer" and found[0]["text"] == "Dulitha Wijewantha"


def test_similar_change_needs_both_ends():
    prospect = load_prospect("public-2023")
    path = gather(prospect, stranger(), TODAY["public-2023"])["career"]
    planned = stranger(goal="go from engineering to founding a startup", current_role="")
    assert "similar_change" in {f["kind"] for f in common_ground(prospect, planned, path)}
    unrelated = stranger(goal="start a company", current_role="Nurse")
    assert "similar_change" not in {f["kind"] for f in common_ground(prospect, unrelated, path)}


def test_all_fixtures_yield_specific_facts():
    for name in PROFILES:
        specific = gather(load_prospect(name), stranger(), TODAY[name])["specific"]
        assert {"current_role", "their_school"} <= {f["kind"] for f in specific}
