"""Page classification: by URL, by the page's own hints, by markup; errors say what was seen."""

import re

import pytest

from coffeechat.parsing.classify import classify
from coffeechat.parsing.errors import ParseError
from fixture_pages import page_html

SHARED = {
    "company-about-2018": "company",
    "details-skills-2025": "profile-details",
    "profile-2018-self": "profile",
    "profile-2022-self": "profile",
    "profile-2026-first-degree": "profile",
    "public-2023": "profile",
    "search-2022-fragment": "search-results",
}


def shared(name: str) -> str:
    return page_html(name)


def page(name: str) -> str:
    return page_html(name)


def without_url_hints(html: str) -> str:
    """The page as if saved without its address: no save-as comment, canonical or og:url."""
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    return re.sub(r"<link[^>]*canonical[^>]*>|<meta[^>]*og:url[^>]*>", "", html)


@pytest.mark.parametrize(("name", "kind"), SHARED.items())
def test_shared_fixtures(name, kind):
    assert classify(shared(name)) == kind


@pytest.mark.parametrize(("name", "kind"), SHARED.items())
def test_shared_fixtures_without_url_hints(name, kind):
    assert classify(without_url_hints(shared(name))) == kind


URLS = [
    ("https://www.linkedin.com/in/jane-doe/", "profile"),
    ("https://www.linkedin.com/in/jane-doe", "profile"),
    ("https://sg.linkedin.com/in/jane-doe?trk=people-guest", "profile"),
    ("https://www.linkedin.com/in/jane-doe/overlay/contact-info/", "profile"),
    ("https://www.linkedin.com/in/jane-doe/edit/intro/", "profile"),
    ("https://www.linkedin.com/mwlite/in/jane-doe", "profile"),
    ("https://www.linkedin.com/profile/view?id=12345", "profile"),
    ("https://www.linkedin.com/pub/jane-doe/1a/2b/3c", "profile"),
    ("https://www.linkedin.com/in/jane-doe/details/experience/", "profile-details"),
    ("https://www.linkedin.com/in/jane-doe/details/skills/?tab=1", "profile-details"),
    ("https://www.linkedin.com/search/results/people/?keywords=cto", "search-results"),
    ("https://www.linkedin.com/search/results/all/?keywords=cto", "search-results"),
    ("https://www.linkedin.com/company/acme/", "company"),
    ("https://www.linkedin.com/company/acme/about/", "company"),
    ("https://www.linkedin.com/school/mit/", "company"),
    ("linkedin.com/in/jane-doe", "profile"),
]


@pytest.mark.parametrize(("url", "kind"), URLS)
def test_url_decides(url, kind):
    # The same markup classifies by the URL it was captured from.
    assert classify("<div class='artdeco'><p>Some text</p></div>", url) == kind


ERRORS = [
    # (html, url, words the message must contain)
    ("<p>Hello</p>", "https://www.linkedin.com/feed/", "LinkedIn feed page"),
    ("<p>Hello</p>", "https://www.linkedin.com/messaging/thread/2-abc/", "messaging"),
    ("<p>Hello</p>", "https://www.linkedin.com/jobs/view/123/", "jobs"),
    ("<p>Hello</p>", "https://www.linkedin.com/search/results/companies/", "search (companies)"),
    ("<p>Hello</p>", "https://www.linkedin.com/in/jane-doe/recent-activity/all/", "activity"),
    ("<p>Hello</p>", "https://www.linkedin.com/in/jane-doe/detail/recent-activity/", "activity"),
    ("<p>Hello</p>", "https://www.linkedin.com/sales/lead/ACw,NAME", "Sales Navigator"),
    ("<p>Hello</p>", "https://www.linkedin.com/weird/path/", "unknown kind"),
    ("<p>Hello</p>", "https://www.linkedin.com/authwall?trk=x", "sign-in page"),
    ("<p>Hello</p>", "https://www.linkedin.com/uas/login?session_redirect=x", "sign-in page"),
    ("<p>Hello</p>", "https://example.com/about", "not a LinkedIn page: the URL is on example.com"),
    ("", None, "empty page"),
    ("   \n ", "https://www.linkedin.com/in/jane/", "empty page"),
    ("<html><body><div></div></body></html>", "https://www.linkedin.com/in/jane/", "empty page"),
    ("just some words", None, "not a LinkedIn page"),
    ("<title>Feed | LinkedIn</title><p class='artdeco'>x</p>", None, "feed"),
    ("<title>Mensagens | LinkedIn</title><p class='artdeco'>x</p>", None, "messaging"),
    ("<title>Sign Up | LinkedIn</title><p>x</p>", None, "sign-in page"),
    ("<title>Entrar | LinkedIn</title><p>x</p>", None, "sign-in page"),
    ("<div class='artdeco'><p>Mystery</p></div>", None, "unknown kind"),
]


@pytest.mark.parametrize(("html", "url", "words"), ERRORS)
def test_errors_say_what_was_seen(html, url, words):
    with pytest.raises(ParseError, match=re.escape(words)):
        classify(html, url)


def test_login_wall_beats_a_profile_url():
    # Logged out, LinkedIn can serve its sign-in page at the profile's own address.
    with pytest.raises(ParseError, match="sign-in"):
        classify(page("login-wall"), "https://www.linkedin.com/in/jane-doe/")


def test_headline_mentioning_sign_in_is_not_a_login_wall():
    html = "<title>Ann Lee - Sign-in Systems Engineer | LinkedIn</title><p>Ann Lee</p>"
    assert classify(html, "https://www.linkedin.com/in/ann-lee/") == "profile"


def test_public_profile_with_sign_in_modal_is_a_profile():
    # public-2023 carries sign-in forms for guests; its top card wins.
    assert classify(without_url_hints(shared("public-2023"))) == "profile"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\x00\x01\x02", "\x00" * 100,
    "\ufffd\ufffd\ufffd\x01\x02\x03" * 50,
])
def test_binary_input(data):
    with pytest.raises(ParseError, match="binary"):
        classify(data)


@pytest.mark.parametrize("value", [None, 42, ["<p>"], {"html": "x"}])
def test_non_text_input(value):
    with pytest.raises(ParseError):
        classify(value)


def test_bytes_are_decoded():
    assert classify(shared("search-2022-fragment").encode()) == "search-results"


def test_untitled_hashed_result_list():
    cards = "".join(f'<div class="h{i}"><a href="https://www.linkedin.com/in/p{i}/">P {i}</a>'
                    f'<p>• 2nd</p><img src="https://media.licdn.com/x.jpg"></div>'
                    for i in range(4))
    assert classify(f"<div class='zz'>{cards}</div>") == "search-results"


def test_hashed_profile_titled_with_name():
    # Side cards of other people with badges do not make a titled profile a result list.
    cards = "".join(f'<a href="/in/p{i}/">P {i}</a><p>· 2nd</p>' for i in range(5))
    html = (f"<html><head><title>Ana Lee | LinkedIn</title></head><body>"
            f"<img src='https://media.licdn.com/a.jpg'><h2>Ana Lee</h2>{cards}</body></html>")
    assert classify(html) == "profile"


@pytest.mark.parametrize("title", [
    "LinkedIn Login, Sign in | LinkedIn", "Sign Up | LinkedIn", "Sign In | LinkedIn",
    "Security Verification | LinkedIn", "Entrar ou cadastrar-se | LinkedIn",
    "Iniciar sesión | LinkedIn", "Connexion | LinkedIn", "Anmelden | LinkedIn",
    "Zaloguj się | LinkedIn", "LinkedIn: Log In or Sign Up",
])
def test_login_titles(title):
    with pytest.raises(ParseError, match="sign-in"):
        classify(f"<title>{title}</title><p>x</p>", "https://www.linkedin.com/in/jane-doe/")


@pytest.mark.parametrize("title", [
    "Connexion Smith | LinkedIn", "Join Lee - Security Engineer | LinkedIn",
    "Ann Lee - Sign-in Systems Engineer | LinkedIn",
])
def test_member_titles_with_login_words(title):
    assert classify(f"<title>{title}</title><p>x</p>",
                    "https://www.linkedin.com/in/jane-doe/") == "profile"


def test_untitled_auth_wall_at_a_profile_url():
    with pytest.raises(ParseError, match="sign-in"):
        classify(page("authwall-untitled"), "https://www.linkedin.com/in/jane-doe/")


def test_link_to_a_profile_alone_does_not_make_a_linkedin_page():
    # A portfolio linking to a member's page has none of the links only LinkedIn writes.
    html = ('<div><a href="https://www.linkedin.com/in/jane-doe/"><div><h2>Jane Doe</h2>'
            "</div></a><p>Designer in Oslo</p></div>")
    with pytest.raises(ParseError, match="not a LinkedIn page"):
        classify(html)


@pytest.mark.parametrize("title", ["Page Not Found | LinkedIn", "Error response", "404 Not Found",
                                   "Página não encontrada | LinkedIn", "Error 500"])
def test_error_pages_are_refused_with_what_they_say(title):
    html = f"<html><head><title>{title}</title></head><body><h1>Oops</h1></body></html>"
    with pytest.raises(ParseError, match="an error page") as refused:
        classify(html, "https://www.linkedin.com/in/jane-doe/")
    assert refused.value.kind == "error" and title.split(" | ")[0] in refused.value.message


@pytest.mark.parametrize("title", ["404 Studio | LinkedIn", "Ana Lima - Error budgets at Acme | LinkedIn",
                                   "Not Found Records | LinkedIn: About"])
def test_members_and_companies_named_like_errors_are_not_refused(title):
    html = (f"<html><head><title>{title}</title></head><body><main><section>"
            "<h1>Ana Lima</h1><p>Site reliability</p></section></main></body></html>")
    assert classify(html, "https://www.linkedin.com/in/ana-lima/") == "profile"

