"""Insights across hand-made people: exact counts, shares, typical years and the links behind each number."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from people_helpers import NOW

from coffeechat.app import insights
from coffeechat.app.advice import save_me


def _bars(section):
    return {b["label"]: (b["count"], b["share"], b["ids"]) for b in section["bars"]}


def _people_behind(client, url: str) -> set[int]:
    """Follow a number's link as the prospects list's JSON twin reads it."""
    query = dict(parse_qsl(urlsplit(url).query))
    body = client.get("/api/v1/prospects", query_string={**query, "limit": 500}).get_json()
    return {p["id"] for p in body["items"]}


def test_paths_in_and_next_are_counted_exactly(client, people):
    page = client.get("/api/v1/insights", query_string={"role": "data scientist"}).get_json()
    p = people
    assert page["people"] == 6 and page["enough"] is True
    assert set(page["ids"]) == {p["ana"], p["ben"], p["cai"], p["dee"], p["eve"], p["fay"]}
    titles = {b["label"]: b for b in page["paths_in"]["title"]["bars"]}
    assert titles["Data Analyst"]["count"] == 3
    assert titles["Data Analyst"]["ids"] == sorted([p["ana"], p["ben"], p["cai"]])
    # Experience before the move: 108, 48 and 60 months → the median is five years.
    assert titles["Data Analyst"]["years"] == 5.0
    assert titles["Software Engineer"]["ids"] == [p["dee"]]
    functions = _bars(page["paths_in"]["function"])
    assert functions["data work"][:2] == (3, 0.5)
    assert functions["no earlier role on record"][2] == [p["eve"]]
    onward = _bars(page["next"]["function"])
    assert onward["product management"][2] == [p["ben"]]
    assert onward["still in that role"][0] == 5


def test_skills_most_common_first_with_shares(client, people):
    page = client.get("/api/v1/insights", query_string={"role": "data scientist"}).get_json()
    skills = page["skills"]["bars"]
    assert [(b["label"], b["count"], b["share"]) for b in skills] == [
        ("Python", 5, 0.8333), ("SQL", 3, 0.5), ("dbt", 2, 0.3333)]
    locations = _bars(page["locations"])
    assert locations["Lisbon"][0] == 3 and locations["London"][0] == 2


def test_every_number_links_to_exactly_its_people(client, people):
    page = client.get("/api/v1/insights", query_string={"role": "data scientist"}).get_json()
    checked = 0
    for section in (page["paths_in"]["title"], page["paths_in"]["employer"], page["skills"], page["schools"],
                    page["next"]["function"], page["locations"], page["experience"]):
        for bar in section["bars"]:
            assert _people_behind(client, bar["url"]) == set(bar["ids"]), bar["key"]
            checked += 1
    assert checked > 15
    assert _people_behind(client, page["url"]) == set(page["ids"])


def test_too_few_people_to_say(client, people, browser):
    page = client.get("/api/v1/insights", query_string={"company": "Gamma"}).get_json()
    assert page["people"] == 1 and page["enough"] is False
    html = browser.get("/insights?company=Gamma").get_data(as_text=True)
    assert "Too few people to say" in html and "<svg" not in html
    # A section with too few people says so even when the whole target has enough.
    html = browser.get("/insights?role=data+scientist").get_data(as_text=True)
    assert html.count("Too few people to say") >= 1 and "<svg" in html


def test_targets_by_tag_stage_function_and_company(client, people):
    by_stage = client.get("/api/v1/insights", query_string={"stage": "met"}).get_json()
    assert set(by_stage["ids"]) == {people["ana"], people["cai"]}
    by_tag = client.get("/api/v1/insights", query_string={"tag": "data"}).get_json()
    assert by_tag["ids"] == [people["ana"]]
    design = client.get("/api/v1/insights", query_string={"function": "design"}).get_json()
    assert set(design["ids"]) == {people["gus"], people["hal"]}
    at_acme = client.get("/api/v1/insights", query_string={"company": "acme"}).get_json()
    assert set(at_acme["ids"]) == {people["ana"], people["ben"], people["dee"]}
    bad = client.get("/api/v1/insights", query_string={"stage": "nope"})
    assert bad.status_code == 400 and "unknown stage" in bad.get_json()["error"]["message"]


def test_recruiter_pool_by_stage_and_skill(client, store, people):
    save_me(store, {"persona": "recruiter", "name": "Rae"})
    page = client.get("/api/v1/insights", query_string={"role": "data scientist"}).get_json()
    pool = page["pool"]
    assert page["moves"] is None and pool["met"] == 2
    stages = _bars(pool["stages"])
    assert stages["Met"][2] == sorted([people["ana"], people["cai"]]) and stages["Contacted"][0] == 1
    python = next(s for s in pool["skills"] if s["label"] == "Python")
    assert (python["count"], python["met"]) == (5, 2)
    assert _people_behind(client, python["met_url"]) == {people["ana"], people["cai"]}
    html = client.get("/insights?role=data+scientist").get_data(as_text=True)
    assert "5 people with Python</a>, <a" in html and "2 of them met" in html and 'id="pool-skills"' in html


def test_explorer_sees_people_who_made_the_move(client, store, people):
    save_me(store, {"persona": "explorer", "current_role": "High school teacher",
                    "goal": "moving from teaching into UX research"})
    page = client.get("/api/v1/insights").get_json()
    moves = page["moves"]
    assert (moves["from"], moves["to"]) == ("teaching", "design")
    assert moves["ids"] == sorted([people["gus"], people["hal"]]) and moves["enough"] is False
    assert _people_behind(client, moves["url"]) == {people["gus"], people["hal"]}
    html = client.get("/insights").get_data(as_text=True)
    assert "People who made your move" in html and "Gus Gray" in html


@pytest.mark.parametrize("goal,current,expected", [
    ("from teaching into UX research", "", ("teaching", "design")),
    ("move into data science", "Accountant", ("accounting", "data")),
    ("grow as a teacher", "Teacher", None),
])
def test_goal_move(goal, current, expected):
    from coffeechat.insights import goal_move
    assert goal_move(goal, current) == expected


def test_the_page_shows_what_the_json_says(client, browser, people):
    data = client.get("/api/v1/insights", query_string={"role": "data scientist"}).get_json()
    html = browser.get("/insights?role=data+scientist").get_data(as_text=True)
    for bar in data["skills"]["bars"] + data["paths_in"]["title"]["bars"]:
        assert bar["url"].replace("&", "&amp;") in html
        assert f"{bar['label']}: {bar['count']} " in html  # the text alternative says the same number
    assert f"<strong>{data['people']}</strong>" in html


def test_reports_follow_changes(store, people):
    first = insights.insights_page(store, {"role": "data scientist"}, NOW.date())
    store.patch(people["eve"], {"skills": ["SQL", "dbt"]})
    again = insights.insights_page(store, {"role": "data scientist"}, NOW.date())
    dbt = lambda page: next(b for b in page["skills"]["bars"] if b["label"] == "dbt")["count"]  # noqa: E731
    assert (dbt(first), dbt(again)) == (2, 3)
    store.delete(people["eve"])
    assert insights.insights_page(store, {"role": "data scientist"}, NOW.date())["people"] == 5


def test_the_ids_filter_lists_exactly_those_people(client, people):
    wanted = [people["ana"], people["eve"]]
    listed = client.get("/api/v1/prospects", query_string={"ids": ",".join(map(str, wanted))}).get_json()
    assert sorted(p["id"] for p in listed["items"]) == sorted(wanted)
    bad = client.get("/api/v1/prospects", query_string={"ids": "1,two"})
    assert bad.status_code == 400 and "prospect numbers" in bad.get_json()["error"]["message"]
    stale = client.get("/api/v1/prospects", query_string={"in_role": "data scientist", "bucket": "skill/cobol"})
    assert stale.status_code == 400 and "no longer on the insights page" in stale.get_json()["error"]["message"]
