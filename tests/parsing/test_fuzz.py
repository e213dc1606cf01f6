"""Random and mutated HTML: the parser answers with a result or a ParseError, never a crash."""

import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coffeechat
from coffeechat.parsing.classify import classify
from coffeechat.parsing.company import parse_company
from coffeechat.parsing.search import parse_search
from fixture_pages import all_pages

# Mutations work on a page's first part: the traps (head, top card, first cards) live there,
# and a 2 MB page per example would make the test slow without finding more.
PREFIX = 100_000
TAG = re.compile(r"<[a-zA-Z][^>]{0,200}>|</[a-zA-Z]+>")
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def pages() -> list[str]:
    return [f.read_text(encoding="utf-8")[:PREFIX] for f in all_pages()]


@st.composite
def mutated_pages(draw) -> str | bytes:
    """A real page, truncated, spliced with random bytes, with tags dropped or duplicated."""
    html = draw(st.sampled_from(pages()))
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["truncate", "splice", "drop_tag", "dup_tag", "cut_middle"]))
        if not html:
            break
        pos = draw(st.integers(0, len(html) - 1))
        if op == "truncate":
            html = html[:pos]
        elif op == "splice":
            noise = draw(st.binary(max_size=64)).decode("latin-1")
            html = html[:pos] + noise + html[pos:]
        elif op == "cut_middle":
            html = html[:pos] + html[pos + draw(st.integers(1, 5000)):]
        else:
            tags = list(TAG.finditer(html, pos, pos + 20_000))
            if tags:
                m = draw(st.sampled_from(tags))
                keep = m.group(0) * 2 if op == "dup_tag" else ""
                html = html[:m.start()] + keep + html[m.end():]
    if draw(st.booleans()):
        return html.encode("utf-8", "surrogatepass")
    return html


any_input = st.one_of(
    mutated_pages(),
    st.text(max_size=2000),
    st.binary(max_size=2000),
    st.lists(st.sampled_from(["<div>", "</div>", "<a href='/in/x'>", "</a>", "<title>",
                              "</title>", "| LinkedIn", "<main>", "• 2nd", "<dt>Website</dt>",
                              "<dd>", "LinkedIn Member", "<li class='entity-result'>",
                              "<!--", "<script>", "\x00", "&amp;", "<"]),
             max_size=60).map("".join),
)
urls = st.one_of(st.none(), st.sampled_from([
    "https://www.linkedin.com/in/x/", "https://www.linkedin.com/in/x/details/skills/",
    "https://www.linkedin.com/search/results/people/?k=a", "https://www.linkedin.com/company/a/",
    "https://example.com/", "not a url", "https://[::1", ""]))


@FUZZ
@given(any_input, urls)
def test_parse_page_only_raises_parse_error(html, url):
    try:
        result = coffeechat.parse_page(html, url)
    except coffeechat.ParseError as e:
        assert str(e)
        # parse_page turns stray exceptions into ParseError as a last resort; a chained cause
        # means a reader crashed, which is a bug even though the caller is protected.
        assert e.__cause__ is None, repr(e.__cause__)
    else:
        assert isinstance(result, dict) and "kind" in result


@FUZZ
@given(any_input, urls)
def test_classify_only_raises_parse_error(html, url):
    try:
        kind = classify(html, url)
    except coffeechat.ParseError as e:
        assert str(e)
    else:
        assert kind in {"profile", "profile-details", "search-results", "company"}


@settings(FUZZ, max_examples=75)  # each example builds two soups: keep the suite quick
@given(mutated_pages().filter(lambda p: isinstance(p, str)), urls)
def test_search_and_company_readers_never_raise(html, url):
    # Past classification these readers get whatever the page holds: they must not crash.
    assert parse_search(html, url)["kind"] == "search-results"
    assert parse_company(html, url)["kind"] == "company"
