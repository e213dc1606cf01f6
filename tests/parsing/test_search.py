"""People search results across generations: names, canonical URLs, degrees, anonymous cards."""

import hashlib
import re

import pytest

from coffeechat.parsing.search import parse_search
from fixture_pages import ground_truth, page_html

KEYS = {"full_name", "profile_url", "headline", "location", "connection_degree"}


def shared(name: str) -> str:
    return page_html(name)


def expected_people() -> list[dict]:
    expected = ground_truth("search-2022-fragment")
    return [{k: r[k] for k in KEYS} for r in expected["results"] if r["profile_url"]]


def same_person(got: dict, want: dict) -> bool:
    return {**got, "profile_url": got["profile_url"].rstrip("/")} == want


def hash_classes(html: str) -> str:
    """The page as a hashed-class generation would draw it: no readable class names."""
    html = re.sub(r'class="([^"]*)"',
                  lambda m: f'class="{hashlib.md5(m.group(1).encode()).hexdigest()[:8]}"', html)
    return html.replace("data-chameleon-result-urn", "data-urn")


def test_shared_fragment():
    result = parse_search(shared("search-2022-fragment"))
    assert set(result) == {"kind", "results", "sources", "warnings"}
    assert result["kind"] == "search-results"
    want = expected_people()
    assert len(result["results"]) == len(want) == 2
    for got, exp in zip(result["results"], want):
        assert set(got) == KEYS
        assert same_person(got, exp)
    assert result["warnings"] == [
        "8 results are out-of-network LinkedIn Members and were skipped"]
    assert result["sources"] == {"results": "dom-entity-result"}


def test_shared_fragment_with_hashed_classes():
    # Same cards, no class names: the link/text fallback must read the same people.
    result = parse_search(hash_classes(shared("search-2022-fragment")))
    assert result["sources"] == {"results": "dom-profile-links"}
    assert [same_person(g, w) for g, w in zip(result["results"], expected_people())] == [True] * 2
    assert result["warnings"] == [
        "8 results are out-of-network LinkedIn Members and were skipped"]


def test_duplicate_cards_are_listed_once():
    fragment = shared("search-2022-fragment")
    result = parse_search(fragment + fragment)
    assert len(result["results"]) == 2


@pytest.mark.parametrize("html", ["", "<div></div>", "<ul><li>nobody here</li></ul>"])
def test_no_results(html):
    result = parse_search(html)
    assert result["results"] == []
    assert result["warnings"] == ["no people found in the search results"]
    assert result["sources"] == {"results": None}


def test_whole_card_link_and_leading_noise():
    # One <a> wraps the whole card (no single-line link text); status text comes first.
    html = """<main><ul>
      <li><a href="https://www.linkedin.com/in/lena-vogel/"><span>Status is online</span>
        <p>Lena Vogel</p><p>· 2º</p><p>Head of Data bei Zalando</p><p>Berlin</p></a>
        <button>Vernetzen</button></li>
      <li><a href="https://www.linkedin.com/in/ines-costa/"><p>Inês Costa • 1st</p></a>
        <p>Premium</p><p>Designer</p><p>Porto</p><p>Atual: Designer na Farfetch</p></li>
      <li><p>Membro do LinkedIn</p><p>Analista</p></li>
    </ul></main>"""
    result = parse_search(html)
    assert result["results"] == [
        {"full_name": "Lena Vogel", "profile_url": "https://www.linkedin.com/in/lena-vogel/",
         "headline": "Head of Data bei Zalando", "location": "Berlin",
         "connection_degree": "2nd"},
        {"full_name": "Inês Costa", "profile_url": "https://www.linkedin.com/in/ines-costa/",
         "headline": "Designer", "location": "Porto", "connection_degree": "1st"},
    ]
    assert result["warnings"] == ["1 result is an out-of-network LinkedIn Member and was skipped"]


def test_cards_linking_to_mutual_connections():
    # Each card also links to a mutual connection's profile: still one card, one person.
    card = """<div class="r"><a href="/in/{slug}/"><img alt=""></a>
      <div><a href="/in/{slug}/"><span>{name}</span></a><span>· 2nd</span></div>
      <div>{headline}</div><div>{place}</div>
      <div><a href="/in/sam-lee/">Sam Lee</a> and 3 other mutual connections</div></div>"""
    people = [("ada-l", "Ada L", "CTO at Analytical", "London"),
              ("alan-t", "Alan T", "Researcher", "Manchester"),
              ("grace-h", "Grace H", "Rear Admiral", "Arlington, VA")]
    html = "<main><div class='list'>" + "".join(
        card.format(slug=s, name=n, headline=h, place=p) for s, n, h, p in people) + "</div></main>"
    result = parse_search(html)
    assert [(r["full_name"], r["headline"], r["location"], r["connection_degree"])
            for r in result["results"]] == [(n, h, p, "2nd") for _, n, h, p in people]
    assert [r["profile_url"] for r in result["results"]] == [
        f"https://www.linkedin.com/in/{s}/" for s, *_ in people]


def test_single_result_without_class_names():
    html = """<main><h2>1 result</h2><div class="q1"><div role="listitem" class="w2">
      <a href="https://www.linkedin.com/in/solo-person/"><span>Solo Person</span></a>
      <p>· 3rd+</p><p>Founder at Solo</p><p>Oslo, Norway</p></div></div></main>"""
    assert parse_search(html)["results"] == [
        {"full_name": "Solo Person", "profile_url": "https://www.linkedin.com/in/solo-person/",
         "headline": "Founder at Solo", "location": "Oslo, Norway", "connection_degree": "3rd+"}]


def test_entity_result_with_the_link_beside_the_name():
    html = """<ul><li class="reusable-search__result-container"><div class="entity-result__item">
      <span class="entity-result__title-text t-16"><span aria-hidden="true">Taylor Doe</span></span>
      <a href="/in/taylor-doe-1234/?miniProfileUrn=x">View profile</a>
      <div class="entity-result__primary-subtitle">Senior Product Manager</div>
      <div class="entity-result__secondary-subtitle">Austin, Texas</div></div></li></ul>"""
    assert parse_search(html)["results"] == [
        {"full_name": "Taylor Doe", "profile_url": "https://www.linkedin.com/in/taylor-doe-1234/",
         "headline": "Senior Product Manager", "location": "Austin, Texas",
         "connection_degree": None}]
