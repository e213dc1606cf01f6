"""The insights charts in a real headless Chromium: drawn, linked, readable, and within the CSP."""

import pytest
from playwright.sync_api import expect

from invented_pages import profile

pytestmark = pytest.mark.browser

PEOPLE = [  # invented people: (name, roles, skills, location)
    ("Ana Alves", [("Teacher", "Escola Sul", "Jan 2010 - Dec 2015"), ("Data Analyst", "Acme", "Jan 2016 - Dec 2018"),
                   ("Data Scientist", "Beta", "Jan 2019 - Present")], ["Python", "SQL", "dbt"], "Lisbon, Portugal"),
    ("Ben Brown", [("Data Analyst", "Acme", "Jan 2014 - Dec 2017"), ("Data Scientist", "Gamma", "Jan 2018 - Dec 2021"),
                   ("Product Manager", "Delta", "Jan 2022 - Present")], ["Python", "dbt"], "Lisbon, Portugal"),
    ("Cai Chen", [("Data Analyst", "Zeta", "Jan 2015 - Dec 2019"), ("Data Scientist", "Beta", "Jan 2020 - Present")],
     ["Python"], "Porto, Portugal"),
    ("Dee Diaz", [("Software Engineer", "Eta", "Jan 2012 - Dec 2016"), ("Data Scientist", "Acme", "Jan 2017 - Present")],
     ["Python", "SQL"], "London"),
    ("Eve Evans", [("Data Scientist", "Beta", "Jan 2019 - Present")], ["SQL"], "London"),
    ("Fay Fox", [("Physics Researcher", "Uni Lab", "Jan 2013 - Dec 2017"),
                 ("Senior Data Scientist", "Beta", "Jan 2018 - Present")], ["Python"], "Lisbon"),
]
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def server(coffeechat_server):
    for name, roles, skills, location in PEOPLE:
        slug = name.lower().replace(" ", "-")
        status, body = coffeechat_server.request("POST", "/api/v1/captures", {
            "url": f"https://www.linkedin.com/in/{slug}/", "html": profile(roles, name=name)})
        assert status == 201, body
        status, body = coffeechat_server.request("PATCH", f"/api/v1/prospects/{body['prospect']['id']}",
                                                 {"skills": skills, "location": location})
        assert status == 200, body
    return coffeechat_server


def test_charts_render_without_csp_violations(browser_context, server, artifacts_dir):
    page = browser_context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    page.add_init_script(WATCH_CSP)
    page.goto(server.url + "/insights?role=data+scientist")
    expect(page.locator("#matched")).to_contain_text("6 people")
    skills = page.locator("#skills-chart")
    expect(skills).to_be_visible()
    assert skills.get_attribute("role") == "img"
    expect(skills.locator("title").first).to_have_text("Skills they list")
    assert skills.locator("rect.bar").count() == 3
    # The bars are drawn with their colours from the stylesheet, not left black by a refused style.
    fill = skills.locator("rect.bar").first.evaluate("r => getComputedStyle(r).fill")
    assert fill not in ("rgb(0, 0, 0)", "none", ""), fill
    widths = [float(w) for w in skills.locator("rect.bar").evaluate_all("rs => rs.map(r => r.getAttribute('width'))")]
    assert widths[0] > widths[1] > widths[2]  # Python 5, SQL 3, dbt 2
    expect(page.locator("#paths-chart")).to_be_visible()
    assert page.locator("#paths-chart path.flow").count() >= 4
    expect(page.locator("#schools")).to_contain_text("Too few people to say")
    page.screenshot(path=str(artifacts_dir / "insights-data-scientist.png"), full_page=True)
    page.set_viewport_size({"width": 800, "height": 900})
    page.screenshot(path=str(artifacts_dir / "insights-data-scientist-800.png"), full_page=True)

    # A bar is a link to exactly its people.
    skills.locator("a.bar-link").nth(2).click()
    expect(page.locator("table.prospects tbody tr")).to_have_count(2)
    expect(page.locator("table.prospects")).to_contain_text("Ana Alves")
    expect(page.locator("table.prospects")).to_contain_text("Ben Brown")
    page.screenshot(path=str(artifacts_dir / "insights-bar-followed.png"), full_page=True)

    # A recruiter's pool: by stage, and by skill with how many of them were met.
    ana = next(p["id"] for p in server.prospects() if p["full_name"] == "Ana Alves")
    assert server.request("PATCH", f"/api/v1/prospects/{ana}", {"stage": "met"})[0] == 200
    assert server.request("PUT", "/api/v1/me", {"persona": "recruiter", "name": "Rae Lin"})[0] == 200
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server.url + "/insights?role=data+scientist")
    expect(page.locator("#pool")).to_contain_text("5 people with Python, 1 of them met")
    expect(page.locator("#pool-skills rect.bar-inner").first).to_be_visible()
    page.locator("#pool").screenshot(path=str(artifacts_dir / "insights-recruiter-pool.png"))

    page.goto(server.url + "/insights?company=Gamma")
    expect(page.locator("main")).to_contain_text("Too few people to say")
    assert page.evaluate("window.__csp") == []
    assert [m for m in messages if m.startswith(("error", "pageerror")) or "Content Security Policy" in m] == []
