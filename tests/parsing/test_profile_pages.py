"""Hand-made pages under tests/fixtures/pages, one per rule: a generation, a language, a trap."""

from pathlib import Path

import pytest

from coffeechat.parsing import parse_page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
RESULT_KEYS = ["kind", "full_name", "headline", "location", "about", "connection_degree",
               "profile_url", "member_urn", "photo_url", "current", "experience", "education",
               "skills", "languages", "sources", "warnings"]


def parse(name: str, url: str | None = None) -> dict:
    return parse_page((PAGES / name).read_bytes(), url)


def roles(result: dict) -> list[tuple]:
    return [(r["title"], r["company"], r["employment_type"], r["start"], r["end"], r["location"])
            for r in result["experience"]]


def test_portuguese_2022_page_reads_groups_dates_and_labels():
    r = parse("profile-2022-pt.html")
    assert list(r) == RESULT_KEYS
    assert (r["full_name"], r["location"], r["connection_degree"]) == (
        "Mariana Costa", "São Paulo, Brasil", "2nd")
    assert r["profile_url"] == "https://www.linkedin.com/in/mariana-costa-42/"  # br. host, case
    assert roles(r) == [
        ("Engenheira de dados sênior", "Nubank", "Tempo integral", "2022-01", None, "São Paulo, Brasil"),
        ("Engenheira de dados", "Nubank", "Tempo integral", "2021-03", "2021-12", "São Paulo, Brasil"),
        ("Analista de dados", "Itaú Unibanco", "Estágio", "2019-02", "2021-02", "Rio de Janeiro, Brasil"),
    ]
    assert r["experience"][0]["date_range"] == "jan. de 2022 - o momento"
    assert r["experience"][0]["duration"] == "2 anos 3 meses"
    # The "Competências: …" line under a role is not its description.
    assert r["experience"][0]["description"] == "Lidero a plataforma de streaming."
    assert r["education"][0]["degree"] == "Bacharelado"
    assert r["education"][0]["field_of_study"] == "Ciência da Computação"
    assert r["skills"] == ["Apache Spark", "Python"]
    assert r["languages"] == [{"language": "Inglês", "proficiency": "Nível avançado"}]
    assert r["about"] == "Construo pipelines de dados.\nAntes, fui analista."


def test_noise_sections_are_not_the_subject():
    r = parse("profile-2022-pt.html")
    text = repr(r)
    for other in ("Pedro Lima", "João Pereira", "Cientista de dados", "Gerente de produto"):
        assert other not in text


def test_2026_page_in_german_with_two_badges_and_connect_is_second_degree():
    r = parse("profile-2026-de-second-degree.html", "https://www.linkedin.com/in/jonas-becker-7a1/")
    assert r["connection_degree"] == "2nd"
    assert (r["full_name"], r["headline"], r["location"]) == (
        "Jonas Becker", "Produktmanager bei SAP | Ex-Siemens", "Berlin, Deutschland")
    assert roles(r) == [
        ("Senior Produktmanager", "SAP", "Vollzeit", "2023-01", None, "Berlin, Deutschland"),
        ("Produktmanager", "SAP", "Vollzeit", "2020-03", "2022-12", "Berlin, Deutschland"),
        ("Werkstudent", "Siemens", "Teilzeit", "2017-10", "2020-02", "München, Deutschland"),
    ]
    assert r["experience"][0]["description"] == (
        "Verantwortlich für die Cloud-Plattform.\nZwei Teams mit 14 Personen.")
    assert r["current"] == {"title": "Senior Produktmanager", "company": "SAP"}
    assert r["education"] == [{"school": "Technische Universität München",
                               "degree": "Master of Science - MS", "field_of_study": "Informatik",
                               "date_range": "2015 – 2017", "start": "2015", "end": "2017"}]
    assert [lang["language"] for lang in r["languages"]] == ["Deutsch", "Englisch"]
    assert "Anna Schmidt" not in repr(r)
    assert r["photo_url"].startswith("https://media.licdn.com/")
    assert any("/details/experience/" in w for w in r["warnings"])


def test_public_2016_generation():
    r = parse("public-2016.html")
    assert (r["full_name"], r["headline"], r["location"]) == (
        "Priya Raman", "Product Designer at Monzo", "London, United Kingdom")
    assert r["profile_url"] == "https://www.linkedin.com/in/priyaraman/"
    assert [(e["date_range"], e["duration"]) for e in r["experience"]] == [
        ("March 2015 – Present", "1 year 9 months"),
        ("September 2012 – February 2015", "2 years 6 months")]
    assert r["education"][0]["degree"] == "BA"
    assert r["education"][0]["field_of_study"] == "Graphic Design"
    assert r["skills"] == ["User Experience", "Sketch"]
    assert "Sam Jones" not in repr(r)
    assert r["sources"]["experience"] == "dom_2016"


def test_details_experience_page_flattens_groups_and_takes_the_name_from_the_title():
    r = parse("details-experience-2024.html", "https://www.linkedin.com/in/lena-novak/details/experience/")
    assert r["kind"] == "profile-details"
    assert list(r) == RESULT_KEYS
    assert r["full_name"] == "Lena Novak"
    assert r["profile_url"] == "https://www.linkedin.com/in/lena-novak/"
    assert roles(r) == [
        ("Staff Engineer", "Shopify", "Full-time", "2023-06", None, "Toronto, Ontario, Canada"),
        ("Senior Engineer", "Shopify", "Full-time", "2021-05", "2023-06", "Toronto, Ontario, Canada"),
        ("Software Developer", "Wealthsimple", "Contract", "2019-01", "2021-04", None),
    ]
    assert r["experience"][2]["description"] is None  # "Remote" is a work mode, not a text
    assert r["headline"] is None and r["skills"] == []
    assert "Tom Berg" not in repr(r)


@pytest.mark.parametrize("name", ["profile-2022-pt.html", "profile-2026-de-second-degree.html",
                                  "public-2016.html", "details-experience-2024.html"])
def test_every_field_names_its_strategy(name):
    r = parse(name)
    for field in ("full_name", "experience"):
        assert r["sources"][field] in {"embedded", "jsonld", "dom_2016", "dom_2018", "dom_2021",
                                       "dom_public_2023", "dom_2026", "fallback"}
    assert not [w for w in r["warnings"] if "could not read" in w]


def test_2019_top_card_without_h1_is_read_by_its_order():
    r = parse("profile-2019-list-topcard.html", "https://www.linkedin.com/in/tomray/")
    assert (r["full_name"], r["headline"], r["location"], r["connection_degree"]) == (
        "Tom Ray", "Nurse Manager at Mayo Clinic", "Rochester, Minnesota", "2nd")
    assert r["current"] == {"title": "Nurse Manager", "company": "Mayo Clinic"}
    assert r["experience"][0]["duration"] == "1 yr 3 mos"


def test_public_2016_school_subtitle_in_one_span_is_split_into_degree_and_field():
    r = parse("public-2016-one-span-degree.html")
    assert [(e["school"], e["degree"], e["field_of_study"]) for e in r["education"]] == [
        ("Lund Institute of Technology", "Master of Science (MSc)", "Computer Engineering"),
        ("Malmö Upper Secondary", "Natural Science Programme", None)]
    # The volunteer section's li.position is not a job.
    assert [e["company"] for e in r["experience"]] == ["Fjordline"]


def test_2020_employment_type_nested_in_the_company_line():
    r = parse("profile-2020-pv-employment-type.html")
    assert (r["full_name"], r["headline"], r["location"], r["connection_degree"]) == (
        "Noor Haddad", "Firmware engineer", "Amman, Jordan", "2nd")
    assert roles(r) == [
        ("Embedded Engineer", "Orbit Sensors Ltd", "Part-time", "2019-03", None, "Amman"),
        ("Intern", "Desert Labs", None, "2018-06", "2018-09", None)]
    assert r["sources"]["experience"] == "dom_2018"


def test_2024_own_profile_skips_the_verify_button_and_keeps_a_company_named_like_a_type():
    r = parse("profile-2024-self-verify-cta.html")
    assert (r["full_name"], r["headline"], r["location"]) == (
        "Ines Moreau", "Support engineer", "Lyon, Auvergne-Rhône-Alpes, France")
    assert roles(r) == [
        ("Web Designer", "Freelance", None, "2021-03", None, "Lyon, France"),
        ("Support Agent", "Helio Hosting", "Full-time", "2019-01", "2021-02", None)]
    assert r["current"] == {"title": "Web Designer", "company": "Freelance"}


def test_details_list_saved_without_its_card_is_keyed_by_the_item_ids():
    r = parse("details-education-2023-list-only.html")
    assert r["kind"] == "profile-details"
    assert [(e["school"], e["degree"], e["field_of_study"], e["start"], e["end"])
            for e in r["education"]] == [
        ("Harbour University", "Master of Science - MS", "Marine Biology", "2018-09", "2020-06"),
        ("Northside College", None, None, "2014", "2018")]
    assert r["experience"] == [] and r["skills"] == []


def test_public_2024_roles_with_unlabelled_meta_lines():
    r = parse("public-2024-experience-meta-items.html")
    assert (r["full_name"], r["headline"], r["location"]) == (
        "Lucía Ferrer", "Architect at Studio Norte", "Valencia, Valencian Community, Spain")
    assert roles(r) == [
        ("Architect", "Studio Norte", None, "2021-03", None, "Valencia, Valencian Community, Spain"),
        ("Junior Architect", "Taller Sur", None, "2017-09", "2021-02", None)]
    assert [e["duration"] for e in r["experience"]] == ["3 years 2 months", "3 years 6 months"]
    assert r["experience"][0]["description"] == "Housing retrofits and public libraries."
    assert r["sources"]["experience"] == "dom_public_2023"


def test_2020_experience_section_saved_alone_is_still_a_profile():
    r = parse("profile-2020-section-only.html")
    assert r["kind"] == "profile" and r["full_name"] is None
    assert roles(r) == [
        ("Risk Analyst II", "Lakeside Bank", None, "2018-03", None, "Geneva"),
        ("Risk Analyst", "Lakeside Bank", None, "2016-06", "2018-03", None),
        ("Intern", "Alpine Audit", None, "2016-01", "2016-05", None)]


def test_2026_top_card_stripped_to_bare_divs_is_read_by_structure():
    # No <section>, no class, no componentkey: the card is the block around the name that
    # links to no other member; the address comes from the name's own link.
    r = parse("profile-2026-stripped-topcard.html")
    assert (r["full_name"], r["headline"], r["location"], r["connection_degree"]) == (
        "Hana Kowalczyk", "Backend Engineer at Northwind | Go, Postgres",
        "Kraków, Małopolskie, Poland", "3rd+")
    assert r["profile_url"] == "https://www.linkedin.com/in/hana-kowalczyk/"
    assert r["current"] == {"title": None, "company": "Northwind"}
    assert "Olek Nowak" not in repr(r)


def test_2026_top_card_with_pronunciation_player_and_pending_invitation():
    # The name-pronunciation player's labels are not the headline; both badges are rendered
    # and an invitation is pending, so the member is not yet a 1st-degree connection.
    r = parse("profile-2026-topcard-pending-player.html")
    assert r["headline"] == "Founder at Tierra Verde Foods | Supply chains that feed cities"
    assert r["connection_degree"] == "2nd"
    assert r["location"] == "Seville, Andalusia, Spain"
    assert r["current"] == {"title": None, "company": "Tierra Verde Foods"}
    assert r["profile_url"] == "https://www.linkedin.com/in/rafael-moreno-es/"


def test_2026_top_card_company_needs_both_logo_entries():
    # One logo entry (no current position, or an empty company line) cannot say whether it
    # is the company or the school: no current company is guessed.
    html = (PAGES / "profile-2026-stripped-topcard.html").read_text(encoding="utf-8")
    html = html.replace("<span>Northwind</span>", "<span></span>")
    r = parse_page(html)
    assert r["current"] == {"title": None, "company": None}


def test_2026_custom_pronouns_before_the_badge_are_not_the_headline():
    # The capture is the card itself (top-level siblings, no wrapper); the name row holds
    # custom pronouns, and the headline is the first line after the degree badge.
    r = parse("profile-2026-stripped-name-row.html")
    assert (r["full_name"], r["headline"], r["location"], r["connection_degree"]) == (
        "Kofi Mensah", "Civil Engineer at Accra Metro | Bridges & Drainage",
        "Accra, Greater Accra, Ghana", "3rd+")
    assert r["profile_url"] == "https://www.linkedin.com/in/kofi-mensah/"
