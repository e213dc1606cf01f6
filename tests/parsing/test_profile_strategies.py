"""Embedded data, JSON-LD and the field-by-field merge, on small hand-written pages."""

import html
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.parsing import parse_page
from coffeechat.parsing.page import load, strip_noise
from fixture_pages import page_html

URL = "https://www.linkedin.com/in/ana-silva/"


def code_block(payload: dict, escape: bool) -> str:
    text = json.dumps(payload)
    return f'<code style="display: none">{html.escape(text) if escape else text}</code>'


def voyager(slug: str, first: str, headline: str, distance: str) -> dict:
    urn = f"urn:li:fsd_profile:{slug}"
    return {"data": {"*elements": [urn]}, "included": [
        {"entityUrn": urn, "publicIdentifier": slug, "firstName": first, "lastName": "Silva",
         "headline": headline, "objectUrn": "urn:li:member:42",
         "geoLocation": {"*geo": "urn:li:fsd_geo:1"}, "*memberRelationship": f"rel:{slug}"},
        {"entityUrn": "urn:li:fsd_geo:1", "defaultLocalizedName": "Lisbon, Portugal"},
        {"entityUrn": f"rel:{slug}",
         "memberRelationshipUnion": {"noConnection": {"memberDistance": distance}}},
    ]}


def profile_page(blocks: str, dom_headline: str = "Shown headline") -> str:
    return (f"<html><head><title>Ana Silva | LinkedIn</title></head><body>{blocks}"
            "<main><section class='artdeco-card pv-top-card'><div class='pv-text-details__left-panel'>"
            f"<h1>Ana Silva</h1><div class='text-body-medium'>{dom_headline}</div></div>"
            "<span class='text-body-small'>Porto</span><a href='/in/ana-silva/overlay/contact-info/'>"
            "Contact info</a></section></main></body></html>")


def test_embedded_reads_the_subject_not_the_viewer():
    viewer = voyager("someone-else", "Viewer", "Recruiter", "DISTANCE_1")
    subject = voyager("ana-silva", "Ana", "Data engineer", "DISTANCE_2")
    for escape in (True, False):
        page = profile_page(code_block(viewer, escape) + code_block(subject, escape))
        r = parse_page(page, URL)
        assert (r["headline"], r["location"], r["member_urn"], r["connection_degree"]) == (
            "Data engineer", "Lisbon, Portugal", "urn:li:member:42", "2nd")
        assert r["sources"]["headline"] == "embedded"
        assert r["sources"]["full_name"] == "embedded"


def test_without_the_subjects_data_the_dom_is_read():
    viewer = voyager("someone-else", "Viewer", "Recruiter", "DISTANCE_1")
    r = parse_page(profile_page(code_block(viewer, True)), URL)
    assert (r["headline"], r["location"], r["member_urn"]) == ("Shown headline", "Porto", None)
    assert r["sources"]["headline"] == "dom_2021"


def test_json_ld_subject_is_the_page_person_not_an_article_author():
    graph = {"@context": "http://schema.org", "@graph": [
        {"@type": "Article", "author": {"@type": "Person", "name": "Ana Silva"}},
        {"@type": "Person", "name": "Bo Tan", "url": "https://www.linkedin.com/in/bo-tan"},
        {"@type": "Person", "name": "Ana Silva", "url": "https://pt.linkedin.com/in/ana-silva",
         "address": {"addressLocality": "Lisbon"}, "jobTitle": ["CTO"],
         "worksFor": [{"@type": "Organization", "name": "Acme"}],
         "knowsLanguage": [{"@type": "Language", "name": "Portuguese"}]},
    ]}
    page = ("<html><head><title>Ana Silva - CTO - Acme | LinkedIn</title>"
            f'<script type="application/ld+json">{json.dumps(graph)}</script></head>'
            "<body><p>x</p></body></html>")
    r = parse_page(page, URL)
    assert (r["full_name"], r["location"], r["profile_url"]) == (
        "Ana Silva", "Lisbon", "https://www.linkedin.com/in/ana-silva/")
    # No experience on the page: the current job comes from worksFor/jobTitle.
    assert r["current"] == {"title": "CTO", "company": "Acme"}
    assert r["sources"]["current"] == "jsonld"
    assert r["languages"] == [{"language": "Portuguese", "proficiency": None}]


def test_current_is_the_ongoing_role_with_the_latest_start():
    items = "".join(
        "<li class='artdeco-list__item'><div><span><span aria-hidden='true'>"
        f"{title}</span></span><span><span aria-hidden='true'>{company}</span></span>"
        f"<span><span aria-hidden='true'>{dates}</span></span></div></li>"
        for title, company, dates in [("Board member", "Club", "Jan 2015 - Present"),
                                      ("Engineer", "Old Co", "Jan 2018 - Mar 2020"),
                                      ("CTO", "New Co", "Apr 2020 - Present")])
    page = profile_page(f"<main><section class='artdeco-card'><div id='experience' "
                        f"class='pv-profile-card-anchor'>x</div><h2>Experience</h2>"
                        f"<ul class='pvs-list'>{items}</ul></section></main>")
    r = parse_page(page, URL)
    assert [e["title"] for e in r["experience"]] == ["Board member", "Engineer", "CTO"]
    assert r["current"] == {"title": "CTO", "company": "New Co"}


def test_noise_is_cut_before_any_tree_is_built():
    raw = ("<p>a</p><script>var x = '<p>b</p>';</script><!-- <p>c</p> --><code>{\"d\": 1}</code>"
           "<svg><text>e</text></svg><style>p{}</style><p>f</p><script src=x>")
    assert strip_noise(raw) == "<p>a</p><p>f</p>"


def test_only_the_profile_part_reaches_the_soup():
    page = load(profile_page("") .replace(
        "</main>", "<section><h2>People also viewed</h2><h1>Other Person</h1></section></main>"),
        URL, "profile")
    assert page.topcard is not None and "Other Person" not in page.topcard.get_text()
    assert set(page.sections) == set()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_strategy_crashes_on_damaged_profile_pages(data):
    base = profile_page(code_block(voyager("ana-silva", "Ana", "Data engineer", "DISTANCE_3"), True))
    start = data.draw(st.integers(0, len(base)))
    end = data.draw(st.integers(start, len(base)))
    damaged = base[:start] + data.draw(st.text(max_size=40)) + base[end:]
    try:
        r = parse_page(damaged, data.draw(st.sampled_from([URL, None, "https://x.test/"])))
    except Exception as exc:  # only ParseError may come out, and not from a crash
        assert type(exc).__name__ == "ParseError" and exc.__cause__ is None, repr(exc.__cause__)
    else:
        assert not [w for w in r.get("warnings", []) if "could not read" in w]


def test_2026_top_card_company_needs_both_logo_entries():
    # One logo entry (no current position, or an empty company line) cannot say whether it
    # is the company or the school: no current company is guessed.
    html = page_html("profile-2026-stripped-topcard").replace("<span>Northwind</span>", "<span></span>")
    assert parse_page(html)["current"] == {"title": None, "company": None}


def test_a_details_page_keeps_to_its_own_section():
    # The embedded data of a /details/skills/ page also holds the roles: they are the
    # profile's business, read from the profile page, not from here.
    data = voyager("ana-silva", "Ana", "Data engineer", "DISTANCE_2")
    data["included"] += [
        {"$type": "com.linkedin.voyager.dash.identity.profile.Position", "title": "CTO",
         "entityUrn": "urn:li:fsd_position:(ana-silva,1)", "companyName": "Acme",
         "dateRange": {"start": {"month": 1, "year": 2020}}},
        {"$type": "com.linkedin.voyager.dash.identity.profile.Skill", "name": "SQL",
         "entityUrn": "urn:li:fsd_skill:(ana-silva,1)"}]
    page = (f"<html><head><title>Skills | Ana Silva | LinkedIn</title></head><body>"
            f"{code_block(data, True)}<main><section><h2>Skills</h2><ul class='pvs-list'>"
            "<li class='pvs-list__paged-list-item'><span>Python</span></li></ul></section>"
            "</main></body></html>")
    r = parse_page(page, URL + "details/skills/")
    assert r["kind"] == "profile-details" and r["experience"] == []
    assert r["skills"] == ["Python", "SQL"] and r["sources"]["skills"] == "dom_2021+embedded"


def test_a_list_completed_from_the_embedded_data_asks_for_no_details_page():
    data = voyager("ana-silva", "Ana", "Data engineer", "DISTANCE_2")
    data["included"] += [{"$type": "com.linkedin.voyager.dash.identity.profile.Skill", "name": name,
                          "entityUrn": f"urn:li:fsd_skill:(ana-silva,{i})"}
                         for i, name in enumerate(["Python", "SQL", "Airflow"])]
    skills = ("<main><section class='artdeco-card'><div id='skills' class='pv-profile-card-anchor'>"
              "</div><h2>Skills</h2><ul class='pvs-list'><li class='artdeco-list__item'><span>Python"
              "</span></li></ul><a href='/in/ana-silva/details/skills/'>Show all 3 skills</a></section></main>")
    shown_only = parse_page(profile_page(skills), URL)
    assert any("/details/skills/" in w for w in shown_only["warnings"])
    completed = parse_page(profile_page(code_block(data, True) + skills), URL)
    assert completed["skills"] == ["Python", "SQL", "Airflow"]
    assert not any("/details/skills/" in w for w in completed["warnings"])
