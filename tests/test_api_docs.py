"""docs/api.md: every request example is sent to a test site, in the order of the document,
and its answer must be the documented one (status, headers, the shape of the JSON), which in
turn must match docs/openapi.yaml.

To rewrite the documented answers from the real ones (after changing the API)::

    SUIZHOU_WRITE_API_EXAMPLES=1 bin/test -t test_api_docs

then review the diff of docs/api.md.
"""

from plone import api
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases.register import case_for_ticket
from suizhou.laborrights.cases.register import case_path
from tests.api_helpers import ApiTestCase
from tests.api_helpers import DOCS
from tests.api_helpers import openapi
from tests.api_helpers import schema_errors

import base64
import json
import os
import re
import transaction


API_MD = DOCS / "api.md"
DOC_SITE = "http://localhost:8080/plone"
EXAMPLE = re.compile(
    r"(<!-- example: (?P<name>[\w-]+)(?P<options>[^>]*?) -->\s*```http\n(?P<request>.*?)```\s*)"
    r"```http\n(?P<response>.*?)```(?=\s*<!-- /example -->)",
    re.DOTALL,
)
SHOWN_HEADERS = ("Content-Type", "Location", "Retry-After", "Cache-Control")
REASONS = {200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
           404: "Not Found", 405: "Method Not Allowed", 415: "Unsupported Media Type",
           429: "Too Many Requests"}


def examples(text):
    return list(EXAMPLE.finditer(text))


def parse_request(block):
    head, _sep, body = block.partition("\n\n")
    lines = head.strip().splitlines()
    method, path, _version = lines[0].split()
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return method, path, headers, body.strip()


def parse_response(block):
    head, _sep, body = block.partition("\n\n")
    lines = head.strip().splitlines()
    status = int(lines[0].split()[1])
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return status, headers, body.strip()


def shape(value):
    """The structure of a JSON value: its keys and types, not its values."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if value is None:
        return None
    return type(value).__name__


def openapi_path(method, path):
    """The path template of docs/openapi.yaml that ``path`` (below the site) belongs to."""
    for template, operations in openapi()["paths"].items():
        pattern = re.escape(template).replace(r"\{case\}", ".+?")
        pattern = re.sub(r"\\\{\w+\\\}", r"[^/]+?", pattern)
        if method.lower() in operations and re.fullmatch(pattern, path):
            return template
    return None


class TestApiDocs(ApiTestCase):
    def setUp(self):
        super().setUp()
        # Stable reference numbers in the document, whatever the year the tests run in.
        api.portal.set_registry_record(
            "suizhou.laborrights.statutory.reference_pattern", "SZ-2026-{number:06d}"
        )
        # Numbers are taken in transactions of their own, so integration tests that ran
        # earlier in the base layer have used some; this test's storage starts afresh.
        self.layer["portal"].cases._reference_sequences.clear()
        transaction.commit()

    def send(self, method, path, headers, body):
        path = path.removeprefix("/plone/")
        # A case's place in the register depends on the month it was filed in.
        match = re.match(r"cases/\w+/\d{4}-\d{2}/(SZ-[\d-]+)/(.*)", path)
        if match:
            transaction.begin()
            path = f"cases/{case_path(match.group(1))}/{match.group(2)}"
        session = self.session()
        session.headers.update({k: v for k, v in headers.items() if k != "Authorization"})
        if "Authorization" in headers:
            user, password = base64.b64decode(headers["Authorization"].split()[1]).decode().split(":", 1)
            session.auth = (user, password)
        if "Accept" not in headers:
            session.headers.pop("Accept", None)
        return session.request(method, path, data=body.encode("utf-8") if body else None)

    def setup_route_hotline_case(self):
        transaction.begin()
        self.move_case(case_for_ticket("12345-20260302-0042"), "route", "accept", route="mediation")

    def test_examples(self):
        text = API_MD.read_text(encoding="utf-8")
        found = examples(text)
        self.assertGreater(len(found), 10)
        written = []
        for example in found:
            name, options = example.group("name"), example.group("options").split()
            options = dict(option.split("=", 1) for option in options)
            counters.reset()  # each example starts without earlier failed lookups
            if "setup" in options:
                getattr(self, f"setup_{options['setup']}")()
            method, path, headers, body = parse_request(example.group("request"))
            for _ in range(int(options.get("repeat", 1))):
                response = self.send(method, path, headers, body)
            documented_status, documented_headers, documented_body = parse_response(
                example.group("response")
            )
            if os.environ.get("SUIZHOU_WRITE_API_EXAMPLES"):
                written.append((example, self.render(response, documented_headers)))
                continue
            with self.subTest(example=name):
                self.assertEqual(response.status_code, documented_status, response.text)
                for header, value in documented_headers.items():
                    self.assertIn(header, response.headers)
                    if header in ("Content-Type", "Cache-Control"):
                        self.assertEqual(response.headers[header], value)
                if response.headers.get("Content-Type", "").startswith("application/json"):
                    self.assertEqual(shape(response.json()), shape(json.loads(documented_body)))
                    template = openapi_path(method, path.removeprefix("/plone").split("?")[0])
                    self.assertIsNotNone(template, path)
                    documented = json.loads(documented_body)
                    errors = schema_errors(documented, template, method.lower(), documented_status)
                    self.assertEqual(errors, [])
                else:
                    self.assertEqual(documented_body.splitlines()[:1], response.text.splitlines()[:1])
        if written:
            for example, rendered in reversed(written):
                text = text[: example.start("response")] + rendered + text[example.end("response"):]
            API_MD.write_text(text, encoding="utf-8")

    def render(self, response, documented_headers):
        status = response.status_code
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, '')}".rstrip()]
        for header in SHOWN_HEADERS:
            if header in response.headers and (header in documented_headers or header != "Cache-Control"):
                lines.append(f"{header}: {response.headers[header]}")
        content_type = response.headers.get("Content-Type", "")
        if content_type.startswith("application/json"):
            body = json.dumps(response.json(), ensure_ascii=False, indent=2)
        else:
            body = response.text
        text = "\n".join(lines) + "\n\n" + body.strip() + "\n"
        return text.replace(self.portal_url, DOC_SITE)
