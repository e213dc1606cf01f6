"""A schemathesis run against /api/v1/openapi.json: no 5xx, and every answer matches the document.

Driven through hypothesis directly (one property per operation, seeded and bounded) rather than
through schemathesis' pytest plugin, which does not load under pytest 9.
"""

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from coffeechat.pairing import get_token
from coffeechat.webapp import create_app

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
HOST = "127.0.0.1:5757"
EXAMPLES_PER_OPERATION = 20


def _seed(app) -> None:
    """Three prospects, so generated ids 1-3 reach real records."""
    store = app.extensions["coffeechat_store"]
    for i in (1, 2, 3):
        url = f"https://www.linkedin.com/in/person-{i}/"
        store.save_capture({"kind": "profile", "full_name": f"Person {i}", "headline": "Engineer"}, url, url,
                           store.save_page("<html></html>"))


def _with_known_ids(operation):
    """Cases whose prospect id is mostly a stored one (deletes only take the last), else generated ones reach 404 only."""
    cases = operation.as_strategy()
    if "{prospect_id}" not in operation.path:
        return cases
    ids = st.sampled_from([3, 99]) if operation.method.upper() == "DELETE" else st.sampled_from([1, 2, 3, 99])

    def use(pair):
        case, prospect_id = pair
        case.path_parameters["prospect_id"] = prospect_id
        return case
    return st.tuples(cases, ids).map(use)


def test_api_conforms_to_its_openapi_document(tmp_path):
    app = create_app({"data_dir": tmp_path / "data", "port": 5757})
    headers = {"Authorization": f"Bearer {get_token(tmp_path / 'data')}", "Host": HOST}
    try:
        _seed(app)
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, headers={"Host": HOST})
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 20
        for operation in operations:

            @given(case=_with_known_ids(operation))
            @settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck))
            def conforms(case) -> None:
                case.call_and_validate(headers=headers, checks=CHECKS)

            conforms()
    finally:
        app.extensions["coffeechat_store"].close()
