"""Company pages: 2018 About tab, public JSON-LD pages, 2019–2025 and 2026 About layouts."""

import pytest

from coffeechat.parsing.company import FIELDS, parse_company, split_specialties
from fixture_pages import ground_truth, page_html


def test_shared_2018_about_tab():
    name = "company-about-2018"
    html = page_html(name)
    expected = ground_truth(name)
    result = parse_company(html)
    assert list(result) == ["kind", *FIELDS, "sources", "warnings"]
    assert {k: result[k] for k in FIELDS} == {k: expected[k] for k in FIELDS}
    assert result["warnings"] == []
    assert result["sources"]["industry"] == "dom-definition-list"


def test_json_ld_fills_what_the_page_does_not_show():
    ld = ('{"@context": "http://schema.org", "@type": "Corporation", "name": "Vandelay",'
          ' "sameAs": ["https://www.linkedin.com/company/vandelay", "https://vandelay.example"],'
          ' "foundingDate": "1989", "address": {"addressLocality": "New York",'
          ' "addressRegion": "NY"}}')
    html = (f'<script type="application/ld+json">{ld}</script>'
            '<main><h1>Vandelay Industries</h1>'
            '<dl><dt>Industry</dt><dd>Import/Export</dd></dl></main>')
    result = parse_company(html)
    assert result["company_name"] == "Vandelay"
    assert (result["industry"], result["headquarters"], result["website"], result["founded"]) == (
        "Import/Export", "New York, NY", "https://vandelay.example", "1989")
    assert result["sources"]["industry"] == "dom-definition-list"
    assert result["sources"]["website"] == "json-ld"


def test_home_tab_falls_back_to_the_top_card():
    html = """<main><section class="org-top-card">
      <h1 class="org-top-card-summary__title">Globex</h1>
      <div class="org-top-card-summary-info-list__info-item">Utilities</div>
      <div class="org-top-card-summary-info-list__info-item">Springfield</div>
      <div class="org-top-card-summary-info-list__info-item">1,024 followers</div>
    </section></main>"""
    result = parse_company(html)
    assert (result["company_name"], result["industry"], result["headquarters"]) == (
        "Globex", "Utilities", "Springfield")
    assert result["specialties"] == []
    assert result["sources"]["industry"] == "dom-top-card"


def test_title_is_the_last_resort_for_the_name():
    result = parse_company("<title>Initech: About | LinkedIn</title><p>nothing</p>")
    assert result["company_name"] == "Initech"
    assert result["sources"]["company_name"] == "title"
    assert result["warnings"] == ["no company details found: save the company's About tab "
                                  "for industry, size and specialties"]


def test_broken_json_ld_is_ignored():
    html = ('<script type="application/ld+json">{"@type": "Organization", "name": </script>'
            '<main><h1>Umbrella</h1></main>')
    assert parse_company(html)["company_name"] == "Umbrella"


SPECIALTIES = [
    ("A, B, and C", ["A", "B", "C"]),
    ("A, B e C", ["A", "B", "C"]),
    ("A, B y C", ["A", "B", "C"]),
    ("A, B et C", ["A", "B", "C"]),
    ("A, B und C", ["A", "B", "C"]),
    ("A, B i C", ["A", "B", "C"]),
    ("A; B; C", ["A", "B", "C"]),
    ("Research and Development", ["Research and Development"]),
    ("A, Research and Development, and C", ["A", "Research and Development", "C"]),
    ("Pesquisa e Desenvolvimento", ["Pesquisa e Desenvolvimento"]),
    ("  ", []),
]


@pytest.mark.parametrize(("text", "items"), SPECIALTIES)
def test_split_specialties(text, items):
    assert split_specialties(text) == items
