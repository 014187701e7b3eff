"""What a phone downloads (issue 16 item 1): the public gets the theme's own small CSS and
scripts under versioned URLs, not Plone's editing bundles or Barceloneta's full stylesheet;
logged-in users keep Plone's UI; the instance's WSGI filter compresses text and lets versioned
resources be cached."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.theming.interfaces import IThemeSettings
from plone.registry.interfaces import IRegistry
from plone.testing.zope import Browser
from suizhou.laborrights.resources import theme_version
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.wsgi import StaticFilter
from zope.component import getUtility

import gzip
import lxml.html
import transaction
import unittest


THEME = "++theme++suizhou.laborrights"


def resources(html):
    page = lxml.html.fromstring(html)
    elements = page.xpath("//head/link[@rel='stylesheet'] | //script[@src]")
    return [element.get("href") or element.get("src") for element in elements]


class TestPublicResources(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False

    def test_anonymous_gets_the_theme_css_only(self):
        self.browser.open(self.portal_url)
        base = f"{self.portal_url}/++webresource++{theme_version()}/{THEME}"
        self.assertEqual(
            resources(self.browser.contents),
            [f"{base}/css/public.css", f"{base}/css/laborrights.css", f"{base}/js/laborrights.js"],
        )

    def test_editor_keeps_plones_ui(self):
        self.browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        self.browser.open(self.portal_url)
        urls = resources(self.browser.contents)
        self.assertTrue(any(url.endswith("bundle-plone/bundle.min.js") for url in urls), urls)
        self.assertTrue(any(url.endswith("barceloneta/css/barceloneta.min.css") for url in urls), urls)
        self.assertNotIn("public.css", " ".join(urls))

    def test_versioned_resources_served(self):
        for path, marker in (("css/public.css", ".container"), ("js/laborrights.js", "offcanvasNavbar")):
            self.browser.open(f"{self.portal_url}/++webresource++{theme_version()}/{THEME}/{path}")
            self.assertEqual(self.browser.headers["status"], "200 OK")
            contents = self.browser.contents
            self.assertIn(marker, contents.decode() if isinstance(contents, bytes) else contents)

    def test_theme_parameter_stored(self):
        # Upgrade 1013 re-applies the theme for this parameter; a site without it shows no CSS.
        settings = getUtility(IRegistry).forInterface(IThemeSettings, False)
        self.assertEqual(settings.parameterExpressions["theme_resources"], "context/@@laborrights-theme-resources")

    def test_upgrade_1013_stores_the_parameter(self):
        from suizhou.laborrights.upgrades import v1013

        settings = getUtility(IRegistry).forInterface(IThemeSettings, False)
        expressions = dict(settings.parameterExpressions)
        del expressions["theme_resources"]
        settings.parameterExpressions = expressions
        api.portal.set_registry_record("plone.enable_sitemap", False)
        transaction.commit()
        v1013.upgrade(None)
        transaction.commit()
        self.assertIn("theme_resources", settings.parameterExpressions)
        self.assertTrue(api.portal.get_registry_record("plone.enable_sitemap"))
        self.browser.open(self.portal_url)
        self.assertIn(f"/++webresource++{theme_version()}/{THEME}/css/public.css", self.browser.contents)


def call(app, path="/", accept_encoding="gzip, deflate"):
    response = {}

    def start_response(status, headers, exc_info=None):
        response.update(status=status, headers=dict(headers))

    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "HTTP_ACCEPT_ENCODING": accept_encoding}
    body = b"".join(StaticFilter(app)(environ, start_response))
    return response, body


def app_returning(content_type, body, headers=()):
    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body))), *headers])
        return [body]

    return app


class TestStaticFilter(unittest.TestCase):
    html = ("<p>劳动维权</p>" * 200).encode()

    def test_html_compressed(self):
        response, body = call(app_returning("text/html;charset=utf-8", self.html))
        self.assertEqual(response["headers"]["Content-Encoding"], "gzip")
        self.assertEqual(response["headers"]["Vary"], "Accept-Encoding")
        self.assertEqual(gzip.decompress(body), self.html)
        self.assertEqual(response["headers"]["Content-Length"], str(len(body)))
        self.assertLess(len(body), len(self.html) / 10)

    def test_not_compressed_for_a_client_without_gzip(self):
        response, body = call(app_returning("text/html", self.html), accept_encoding="identity")
        self.assertNotIn("Content-Encoding", response["headers"])
        self.assertEqual(body, self.html)

    def test_images_and_pdfs_untouched(self):
        for content_type in ("image/png", "application/pdf"):
            response, body = call(app_returning(content_type, self.html))
            self.assertNotIn("Content-Encoding", response["headers"])
            self.assertEqual(body, self.html)

    def test_versioned_resource_cached_a_year(self):
        app = app_returning("text/css", b"a{}", headers=[("Cache-Control", "no-cache")])
        response, _ = call(app, "/Plone/++webresource++abc/++theme++x/a.css")
        self.assertEqual(response["headers"]["Cache-Control"], "public, max-age=31536000, immutable")
        response, _ = call(app, "/Plone/++theme++x/a.css")
        self.assertEqual(response["headers"]["Cache-Control"], "no-cache")
