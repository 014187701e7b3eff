"""docs/openapi.yaml itself: a valid description that covers every endpoint of the add-on.

That real answers match it is checked where they are made (``assertConforms`` in the other
test_api_* modules, and the examples of docs/api.md in test_api_docs).
"""

from jsonschema import Draft202012Validator
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.api_helpers import openapi
from tests.api_helpers import response_schema
from zope.component import getGlobalSiteManager

import re
import unittest


def references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref":
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


class TestOpenApiDocument(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_version(self):
        self.assertEqual(openapi()["openapi"], "3.1.0")

    def test_references_resolve(self):
        spec = openapi()
        for ref in set(references(spec)):
            node = spec
            for part in ref.removeprefix("#/").split("/"):
                self.assertIn(part, node, ref)
                node = node[part]

    def test_response_schemas_are_valid_json_schema(self):
        for path, operations in openapi()["paths"].items():
            for method, operation in operations.items():
                for status, answer in operation["responses"].items():
                    with self.subTest(path=path, method=method, status=status):
                        self.assertTrue(answer.get("description") or answer.get("$ref"))
                        schema = response_schema(path, method, status)
                        Draft202012Validator.check_schema(schema)

    def test_every_service_of_the_add_on_is_described(self):
        registered = set()
        for registration in getGlobalSiteManager().registeredAdapters():
            # plone.rest registers a subclass of the service class, made in plone.rest.zcml.
            modules = [base.__module__ for base in getattr(registration.factory, "__mro__", ())]
            ours = any(module.startswith("suizhou.laborrights.restapi") for module in modules)
            match = re.match(r"^(GET|POST|PUT|PATCH|DELETE)_application_json_(@[\w-]+)$", registration.name)
            if match and ours:
                registered.add((match.group(2), match.group(1).lower()))
        self.assertTrue(registered)
        described = {
            (re.search(r"@[\w-]+", path).group(0), method)
            for path, operations in openapi()["paths"].items()
            for method in operations
            if not path.startswith("/@open311")
        }
        self.assertEqual(registered, described)
