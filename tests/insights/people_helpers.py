"""Hand-made people for the insights tests: invented careers stored as captures would store them."""

from datetime import datetime

NOW = datetime(2026, 3, 10, 9, 30)


def person(store, slug: str, roles: list[tuple[str, str, str, str | None]], *, skills=(), schools=(),
           location: str = "", stage: str | None = None, tags=()) -> int:
    """Store one invented person; ``roles`` are (title, company, start YYYY-MM, end or None), oldest first."""
    experience = [{"title": t, "company": c, "start": s, "end": e} for t, c, s, e in reversed(roles)]
    current = next(({"title": t, "company": c} for t, c, _, e in reversed(roles) if e is None), None)
    parsed = {"kind": "profile", "full_name": slug.replace("-", " ").title(), "experience": experience,
              "current": current, "skills": list(skills), "location": location,
              "education": [{"school": s, "degree": d, "start": None} for s, d in schools],
              "profile_url": f"https://www.linkedin.com/in/{slug}/"}
    prospect, _, _ = store.save_capture(parsed, f"https://www.linkedin.com/in/{slug}/",
                                        f"https://www.linkedin.com/in/{slug}/", f"test-{slug}")
    edits = {}
    if stage:
        edits["stage"] = stage
    if tags:
        edits["tags"] = list(tags)
    if edits:
        store.patch(prospect["id"], edits)
    return prospect["id"]


def data_scientists(store) -> dict[str, int]:
    """Six data scientists with known paths, and three people in other work."""
    return {
        "ana": person(store, "ana-alves", [("Teacher", "Escola Sul", "2010-01", "2015-12"),
                                           ("Data Analyst", "Acme", "2016-01", "2018-12"),
                                           ("Data Scientist", "Beta", "2019-01", None)],
                      skills=["Python", "SQL", "dbt"], schools=[("University of Lisbon", "MSc")],
                      location="Lisbon, Portugal", stage="met", tags=["data"]),
        "ben": person(store, "ben-brown", [("Data Analyst", "Acme", "2014-01", "2017-12"),
                                           ("Data Scientist", "Gamma", "2018-01", "2021-12"),
                                           ("Product Manager", "Delta", "2022-01", None)],
                      skills=["Python", "dbt"], schools=[("University of Lisbon", "BSc")],
                      location="Lisbon, Portugal", stage="contacted"),
        "cai": person(store, "cai-chen", [("Data Analyst", "Zeta", "2015-01", "2019-12"),
                                          ("Data Scientist", "Beta", "2020-01", None)],
                      skills=["Python"], location="Porto, Portugal", stage="met"),
        "dee": person(store, "dee-diaz", [("Software Engineer", "Eta", "2012-01", "2016-12"),
                                          ("Data Scientist", "Acme", "2017-01", None)],
                      skills=["Python", "SQL"], schools=[("Imperial College", "MSc")], location="London"),
        "eve": person(store, "eve-evans", [("Data Scientist", "Beta", "2019-01", None)],
                      skills=["SQL"], location="London"),
        "fay": person(store, "fay-fox", [("Physics Researcher", "Uni Lab", "2013-01", "2017-12"),
                                         ("Senior Data Scientist", "Beta", "2018-01", None)],
                      skills=["Python"], location="Lisbon"),
        "gus": person(store, "gus-gray", [("Teacher", "Escola Norte", "2008-01", "2016-12"),
                                          ("UX Designer", "Northwind", "2017-01", None)], skills=["Figma"]),
        "hal": person(store, "hal-hill", [("Teacher", "Escola Sul", "2005-01", "2012-12"),
                                          ("UX Researcher", "Beta", "2013-01", None)], skills=["Figma"]),
        "ivy": person(store, "ivy-ito", [("Account Executive", "Omega", "2019-01", None)], skills=["Sales"]),
    }
