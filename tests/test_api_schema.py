"""The OpenAPI description and the documentation pages: complete, valid, and served offline."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from drf_spectacular.generators import SchemaGenerator

ROOT = Path(__file__).resolve().parent.parent
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def test_the_schema_generates_without_warnings_and_validates_as_openapi_3(tmp_path):
    """Exactly what CI runs: ``manage.py spectacular --validate --fail-on-warn``."""
    out = tmp_path / "schema.json"

    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn",
         "--format", "openapi-json", "--file", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["openapi"].startswith("3.")


def test_the_schema_is_served_as_json_to_anyone(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    body = response.json()
    assert body["openapi"].startswith("3.")
    assert "/api/v1/claims/{id}/transition/" in body["paths"]


def test_every_endpoint_of_the_issue_is_described(schema):
    described = {(path, method) for path, method, _ in operations(schema)}

    assert {
        ("/api/v1/releases/", "get"),
        ("/api/v1/releases/", "post"),
        ("/api/v1/releases/{id}/", "get"),
        ("/api/v1/claims/", "get"),
        ("/api/v1/claims/{id}/", "get"),
        ("/api/v1/claims/{id}/", "patch"),
        ("/api/v1/claims/{id}/transition/", "post"),
        ("/api/v1/claims/{claim_id}/annotations/", "get"),
        ("/api/v1/claims/{claim_id}/annotations/", "post"),
        ("/api/v1/claims/{claim_id}/evidence/", "get"),
        ("/api/v1/claims/{claim_id}/evidence/", "post"),
        ("/api/v1/claims/{claim_id}/events/", "get"),
        ("/api/v1/speakers/", "get"),
        ("/api/v1/speakers/{id}/", "get"),
        # Corrections of the extraction (editors): add, split, merge.
        ("/api/v1/claims/", "post"),
        ("/api/v1/claims/{id}/split/", "post"),
        ("/api/v1/claims/{id}/merge/", "post"),
    } <= described
    assert ("/api/v1/claims/{id}/", "delete") not in described


def test_every_operation_describes_its_bodies_and_errors(schema):
    for path, method, operation in operations(schema):
        where = f"{method.upper()} {path}"
        responses = operation["responses"]
        assert operation.get("summary"), where
        for code in ("401", "403"):
            assert code in responses, where
            ref = responses[code]["content"]["application/json"]["schema"]["$ref"]
            assert ref == "#/components/schemas/Error", where
        success = [code for code in responses if code.startswith("2")]
        assert success, where
        for code in success:
            assert responses[code].get("content"), where
        if method in ("post", "patch"):
            assert operation["requestBody"]["content"], where
            assert "400" in responses, where
        if "{" in path:
            assert "404" in responses, where


def test_review_fields_are_read_only_in_every_body(schema):
    components = schema["components"]["schemas"]

    for name, component in components.items():
        for field in ("status", "rating", "assignee"):
            prop = component.get("properties", {}).get(field)
            if prop is None or name in ("Transition", "TransitionRequest"):
                continue
            assert prop.get("readOnly"), f"{name}.{field} is writable"


def test_the_transition_is_documented_with_its_conflict_answer(schema):
    operation = schema["paths"]["/api/v1/claims/{id}/transition/"]["post"]

    assert set(operation["responses"]) >= {"200", "400", "401", "403", "404", "409"}
    assert "| verify | in_review | verified |" in operation["description"]


def test_the_error_shape_is_a_component(schema):
    error = schema["components"]["schemas"]["ValidationError"]

    assert set(error["required"]) == {"error", "detail"}
    assert "fields" in error["properties"]


@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_the_documentation_pages_load_only_from_the_app(client, db, page):
    response = client.get(page)

    assert response.status_code == 200
    html = response.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses
    for address in addresses:
        assert address.startswith("/"), f"{page} loads {address} from elsewhere"
        assert client.get(address).status_code == 200, address
    assert "fonts.googleapis" not in html
    assert "validator.swagger.io" not in html


def test_swagger_ui_does_not_ask_an_outside_validator(client, db):
    # The page's start-up script is a file of its own (no inline script under the CSP).
    script = client.get("/api/docs/?script=").content.decode()

    assert '"validatorUrl": null' in script


def test_redoc_may_show_no_image_from_elsewhere(client, db):
    # Redoc's bundle draws its maker's logo from a CDN; the page's policy stops the browser
    # from asking for it (the browser test checks that no request leaves the site).
    response = client.get("/api/redoc/")

    assert "img-src 'self' data:;" in response["Content-Security-Policy"]
