"""The defences of notes/security.md, one test each."""

import gzip
import json

from coffeechat.config import load_config
from helpers import PORT, capture, fixture_html

PAGE = {"url": "https://www.linkedin.com/in/kireetagrawal/", "html": None}


def _page():
    return {**PAGE, "html": fixture_html("profile-2022-self")}


def _count(client) -> int:
    return client.get("/api/v1/prospects").get_json()["total"]


def test_ping_needs_no_token_and_names_the_app(anon):
    r = anon.get("/api/v1/ping")
    assert r.status_code == 200
    assert r.get_json()["app"] == "coffeechat"
    assert r.headers["X-Coffeechat-Version"] == r.get_json()["version"]


def test_no_token_is_refused_and_nothing_is_stored(anon, client):
    r = anon.post("/api/v1/captures", json=_page())
    assert r.status_code == 401
    assert "coffeechat token" in r.get_json()["error"]["message"]
    assert anon.get("/api/v1/prospects").status_code == 401
    assert _count(client) == 0


def test_wrong_token_from_a_foreign_origin_reads_and_changes_nothing(anon, client):
    capture(client, "profile-2022-self")
    headers = {"Authorization": "Bearer not-the-token", "Origin": "https://evil.example"}
    r = anon.get("/api/v1/prospects", headers=headers)
    assert r.status_code == 401 and "Kireet" not in r.get_data(as_text=True)
    assert anon.delete("/api/v1/prospects/1", headers=headers).status_code == 401
    assert "Access-Control-Allow-Origin" not in r.headers
    assert _count(client) == 1


def test_wrong_host_is_refused_even_with_the_token(client):
    r = client.get("/api/v1/prospects", headers={"Host": f"evil.example:{PORT}"})
    assert r.status_code == 421
    assert r.get_json()["error"]["code"] == "bad_host"
    assert client.get("/api/v1/ping", headers={"Host": "127.0.0.1:9999"}).status_code == 421
    for host in (f"localhost:{PORT}", f"[::1]:{PORT}", f"127.0.0.1:{PORT}"):
        assert client.get("/api/v1/ping", headers={"Host": host}).status_code == 200


def test_preflight_from_a_web_page_gets_no_cors_grant(anon):
    r = anon.options("/api/v1/captures", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_preflight_from_the_extension_is_granted(anon):
    for origin in ("chrome-extension://abcdefghijklmnopabcdefghijklmnop", "moz-extension://4b1c2d3e-1111-2222-3333-444455556666"):
        r = anon.options("/api/v1/captures", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type"})
        assert r.headers.get("Access-Control-Allow-Origin") == origin
        assert r.headers.get("Access-Control-Allow-Origin") != "*"


def test_body_over_8_mb_is_413(client):
    big = {"url": "https://www.linkedin.com/in/x/", "html": "a" * (9 << 20)}
    r = client.post("/api/v1/captures", data=json.dumps(big), content_type="application/json")
    assert r.status_code == 413
    assert "8 MB" in r.get_json()["error"]["message"]
    assert _count(client) == 0


def test_gzip_bomb_is_413(client):
    bomb = gzip.compress(b"{" + b" " * (40 << 20) + b"}")
    r = client.post("/api/v1/captures", data=bomb, content_type="application/json",
                    headers={"Content-Encoding": "gzip"})
    assert r.status_code == 413


def test_gzip_body_is_accepted(client):
    body = gzip.compress(json.dumps(_page()).encode())
    r = client.post("/api/v1/captures", data=body, content_type="application/json",
                    headers={"Content-Encoding": "gzip"})
    assert r.status_code == 201, r.get_json()


def test_non_json_write_is_415(client):
    r = client.post("/api/v1/captures", data="url=x&html=y", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415
    assert r.get_json()["error"]["message"]


def test_malformed_json_and_missing_fields_are_400(client):
    r = client.post("/api/v1/captures", data="{not json", content_type="application/json")
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "bad_json"
    r = client.post("/api/v1/captures", json={"url": "https://www.linkedin.com/in/x/"})
    assert r.status_code == 400 and "html" in r.get_json()["error"]["message"]
    r = client.post("/api/v1/captures", json=["a list"])
    assert r.status_code == 400


def test_page_that_is_not_linkedin_is_422_saying_what_was_seen(client):
    page = "<html><title>Cats</title><body>meow</body></html>"
    r = client.post("/api/v1/captures", json={"url": "https://example.com/", "html": page})
    assert r.status_code == 422
    assert r.get_json()["error"]["message"]
    assert _count(client) == 0


def test_hostile_input_never_breaks_the_server(client):
    capture(client, "profile-2022-self")
    for html in ("\x00\xff\xfe" * 1000, "<div>" * 50000, "", "<html><body></body></html>"):
        r = client.post("/api/v1/captures", json={"url": "https://www.linkedin.com/in/x/", "html": html})
        assert 400 <= r.status_code < 500, (html[:20], r.status_code)
        assert "error" in r.get_json()
    assert _count(client) == 1
    assert client.get("/api/v1/prospects/1").get_json()["full_name"] == "Kireet Agrawal"


def test_every_response_carries_the_version_header_and_error_shape(anon, client):
    for r in (anon.get("/api/v1/nothing-here"), client.get("/api/v1/prospects/999"), anon.get("/api/v1/prospects")):
        assert r.headers["X-Coffeechat-Version"]
        error = r.get_json()["error"]
        assert set(error) == {"code", "message"} and error["message"]


def test_default_bind_address_is_loopback():
    assert load_config({}, env={})["host"] == "127.0.0.1"
    assert load_config({}, env={})["port"] == 5757
