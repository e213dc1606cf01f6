"""Table-driven tests of the profile parser's small helpers: text, URLs, lines, badges."""

import pytest
from bs4 import BeautifulSoup

from coffeechat.parsing.entries import (
    about_from_lines,
    company_duration,
    education_entry,
    experience_entry,
    group_heading,
    location_of,
    split_company,
)
from coffeechat.parsing.fallback import name_from_title
from coffeechat.parsing.text import clean, clean_block, lines
from coffeechat.parsing.topcard import connection_degree, degree_of
from coffeechat.parsing.urls import canonical_profile_url


@pytest.mark.parametrize("url, canonical", [
    ("https://www.linkedin.com/in/kireetagrawal/", "https://www.linkedin.com/in/kireetagrawal/"),
    ("https://sg.linkedin.com/in/DulithaWijewantha", "https://www.linkedin.com/in/dulithawijewantha/"),
    ("https://www.linkedin.com/in/brunellifabio/details/skills/", "https://www.linkedin.com/in/brunellifabio/"),
    ("http://linkedin.com/in/x-1/?trk=a#b", "https://www.linkedin.com/in/x-1/"),
    ("https://www.linkedin.com/in/s%C3%B8ren-c/fr", "https://www.linkedin.com/in/søren-c/"),
    ("/in/jane/overlay/contact-info/", "https://www.linkedin.com/in/jane/"),
    ("www.linkedin.com/in/jane", "https://www.linkedin.com/in/jane/"),
    ("https://www.linkedin.com/search/results/people/headless", None),
    ("https://www.linkedin.com/company/facebook/", None),
    ("https://example.com/in/jane/", None),
    ("https://www.linkedin.com/in/", None),
    ("http://[::1", None),
    ("", None),
    (None, None),
])
def test_canonical_profile_url(url, canonical):
    assert canonical_profile_url(url) == canonical


@pytest.mark.parametrize("raw, once", [
    ("  a \n\t b  ", "a b"),
    ("", None),
    ("   ", None),
])
def test_clean(raw, once):
    assert clean(raw) == once


def test_clean_block_keeps_single_paragraph_breaks():
    assert clean_block("Hi!\n\n  I am  here.\n \nBye") == "Hi!\nI am here.\nBye"


@pytest.mark.parametrize("markup, expected", [
    # Ember doubles text for screen readers: read once.
    ('<span aria-hidden="true">Gantry</span><span class="visually-hidden">Gantry</span>', ["Gantry"]),
    # Inline tags flow into the line; a nested block is its own line.
    ('<span class="date-range"><time>Mar 2023</time> - Present<span>2 months</span></span>',
     ["Mar 2023 - Present", "2 months"]),
    # Buttons ("… more") are controls, <br> is a line break inside the line.
    ("<p><span>One<br>Two<button>… more</button></span></p>", ["One\nTwo"]),
    ("<div><p>· 1st</p><div><p>· 2nd</p></div></div>", ["· 1st", "· 2nd"]),
    # Another extension's highlights inside a word, or as custom elements, do not split it.
    ('<p><span class="hl">Automatizado</span>r de <x-mark>Coisas</x-mark></p>',
     ["Automatizador de Coisas"]),
    ('<p>Gosto de <span class="hl">pro</span>cessos</p>', ["Gosto de processos"]),
    # LinkedIn's own spans glued at a digit stay lines of their own.
    ("<p>Present<span>2 months</span></p>", ["Present", "2 months"]),
])
def test_lines(markup, expected):
    root = BeautifulSoup(f"<div>{markup}</div>", "lxml").div
    assert [text for _, text in lines(root)] == expected


@pytest.mark.parametrize("text, degree", [
    ("· 1st", "1st"), ("2nd", "2nd"), ("3rd+", "3rd+"), ("· 2º", "2nd"), ("1er", "1st"),
    ("3e+", "3rd+"), ("· 2.", "2nd"), ("1st degree connection", "1st"),
    ("1", None), ("2024", None), ("12 endorsements", None), ("Message", None),
])
def test_degree_of(text, degree):
    assert degree_of(text) == degree


@pytest.mark.parametrize("controls, degree", [
    ('<a href="https://www.linkedin.com/messaging/compose/?x=1">Message</a>', "1st"),
    ('<button aria-label="Invite Jane to connect">Connect</button>', "2nd"),
    ("<button>Follow</button>", "1st"),
])
def test_two_badges_are_decided_by_the_call_to_action(controls, degree):
    card = BeautifulSoup(f"<section><p>· 1st</p><p>· 2nd</p>{controls}</section>", "lxml").section
    assert connection_degree(card, ["· 1st", "· 2nd"]) == degree


@pytest.mark.parametrize("line, split", [
    ("Gantry · Full-time", ("Gantry", "Full-time")),
    ("Itaú Unibanco · Estágio", ("Itaú Unibanco", "Estágio")),
    ("Siemens · Teilzeit", ("Siemens", "Teilzeit")),
    ("Full-time", (None, "Full-time")),
    ("Boston Consulting Group", ("Boston Consulting Group", None)),
    ("Dev · Ops Inc", ("Dev · Ops Inc", None)),
])
def test_split_company(line, split):
    assert split_company(line) == split


@pytest.mark.parametrize("line, place", [
    ("San Francisco Bay Area", "San Francisco Bay Area"),
    ("Paris, France · Hybrid", "Paris, France"),
    ("Remote", None),
    ("May 2021 - Present · 11 mos", None),
    ("10 mos", None),
    ("Skills: Python · SQL", None),
    ("Built the data platform for 200+ customers across the region and more.", None),
])
def test_location_of(line, place):
    assert location_of(line) == place


def test_experience_entry_reads_the_stack_of_lines():
    entry = experience_entry(["Software Engineer", "Gantry · Full-time",
                              "May 2021 - Present · 11 mos", "Berkeley, CA"], "Built things.")
    assert entry == {"title": "Software Engineer", "company": "Gantry",
                     "employment_type": "Full-time", "date_range": "May 2021 - Present",
                     "start": "2021-05", "end": None, "duration": "11 mos",
                     "location": "Berkeley, CA", "description": "Built things."}


def test_grouped_role_takes_company_location_and_type_from_the_group():
    group = group_heading(["Caterpillar Inc.", "Full-time · 1 yr 4 mos", "Peoria, Illinois"])
    entry = experience_entry(["Intern", "May 2024 - Aug 2024 · 4 mos"], None, group)
    assert (entry["company"], entry["employment_type"], entry["location"]) == (
        "Caterpillar Inc.", "Full-time", "Peoria, Illinois")


def test_an_entry_without_dates_is_not_a_role():
    assert experience_entry(["Volunteer", "Red Cross"]) is None


@pytest.mark.parametrize("header, degree, field", [
    (["UC Berkeley", "Bachelor of Science - BS, Electrical Engineering"], "Bachelor of Science - BS", "Electrical Engineering"),
    (["NUI Galway", "Master's degree", "Information Technology", "2012 - 2013"], "Master's degree", "Information Technology"),
    (["Gies College", "Master of Accounting Science", "Aug 2024 – May 2025"], "Master of Accounting Science", None),
    (["High School", "Activities and societies: Chess"], None, None),
])
def test_education_entry(header, degree, field):
    entry = education_entry(header)
    assert (entry["degree"], entry["field_of_study"]) == (degree, field)


@pytest.mark.parametrize("title, name", [
    ("Janice Jiang | LinkedIn", "Janice Jiang"),
    ("(12) Skills | Fabio Brunelli | LinkedIn", "Fabio Brunelli"),
    ("Dulitha Wijewantha -  Co-Founder & CTO - Aristotle | LinkedIn", "Dulitha Wijewantha"),
    ("LinkedIn", None),
    (None, None),
])
def test_name_from_title(title, name):
    assert name_from_title(title) == name


@pytest.mark.xfail(strict=True, reason="a headline that reads like a count ('10 Years') is "
                                       "taken for the connection count line")
def test_headline_that_looks_like_a_count():
    from coffeechat.parsing.topcard import read_topcard
    card = BeautifulSoup("<section><h1>Ann Lee</h1><p>10 Years</p><p>Oslo</p>"
                         "<a href='x/overlay/contact-info/'>Contact info</a></section>",
                         "lxml").section
    assert read_topcard(card, card.h1)["headline"] == "10 Years"


def test_an_entry_without_dates_or_link_keeps_its_sub_list_out_of_the_header():
    from coffeechat.parsing.entries import split_header
    item = BeautifulSoup("<ul><li><span>Some School</span><span>BA, History</span><ul><li>"
                         "<span>Wrote a thesis on Rome.</span></li></ul></li></ul>", "lxml").li
    header, rest = split_header(lines(item))
    assert header == ["Some School", "BA, History"]
    assert rest == "Wrote a thesis on Rome."


@pytest.mark.parametrize("text, total", [
    ("5 yrs 3 mos", {"text": "5 yrs 3 mos", "months": 63}),
    ("4 years", {"text": "4 years", "months": 48}),
    ("3 anos 2 meses", {"text": "3 anos 2 meses", "months": 38}),
    ("less than a year", {"text": "less than a year", "months": None}),
    ("Full-time", None), ("Toronto, Canada", None), ("", None), (None, None),
])
def test_company_duration(text, total):
    assert company_duration(text) == total


def test_group_heading_keeps_the_company_total():
    group = group_heading(["Nubank", "Tempo integral · 3 anos 2 meses", "São Paulo, Brasil"])
    assert group == {"company": "Nubank", "employment_type": "Tempo integral",
                     "company_duration": {"text": "3 anos 2 meses", "months": 38},
                     "location": "São Paulo, Brasil"}


@pytest.mark.parametrize("label", ["Top skills", "Najważniejsze umiejętności", "Principais competências"])
def test_about_ends_at_the_top_skills_label(label):
    assert about_from_lines(["I build things.", label, "Python • SQL"]) == "I build things."

