"""The OpenAPI document is public, well formed, and names every /api/ route the app has (and no other)."""

import re

from coffeechat.api.openapi import document


def _app_operations(app) -> set[tuple[str, str]]:
    ops = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            ops.update((method.lower(), path) for method in rule.methods - {"HEAD", "OPTIONS"})
    return ops


def test_every_api_route_is_in_the_document_and_nothing_else(app):
    doc = document()
    documented = {(method, path) for path, item in doc["paths"].items() for method in item}
    routes = _app_operations(app)
    assert routes - documented == set(), "routes missing from api/openapi.py"
    assert documented - routes == set(), "api/openapi.py describes routes the app does not have"


def test_document_is_served_without_a_token(anon):
    r = anon.get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.get_json()
    assert doc["openapi"].startswith("3.1")
    assert doc["components"]["securitySchemes"]["pairingToken"] == {"type": "http", "scheme": "bearer"}
    assert doc["paths"]["/api/v1/ping"]["get"]["security"] == []


def test_every_operation_documents_the_error_shape_and_path_parameters():
    doc = document()
    for path, item in doc["paths"].items():
        for method, op in item.items():
            for status in ("4XX", "5XX"):
                schema = op["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (method, path)
            declared = {p["name"] for p in op["parameters"] if p["in"] == "path"}
            assert declared == set(re.findall(r"{(\w+)}", path)), (method, path)


def test_an_error_response_matches_the_documented_error_shape(client):
    r = client.get("/api/v1/prospects/424242")
    assert r.status_code == 404
    body = r.get_json()
    assert set(body) == {"error"} and isinstance(body["error"]["code"], str) and body["error"]["message"]
