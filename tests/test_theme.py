"""The site's Diazo theme (top-level theme/): active after install, applied, served by the site."""

from plone import api
from plone.app.theming.interfaces import IThemeSettings
from plone.app.theming.utils import getCurrentTheme
from plone.app.theming.utils import getTheme
from plone.registry.interfaces import IRegistry
from plone.testing.zope import Browser
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from zope.component import getUtility

import base64
import lxml.html
import re
import transaction
import unittest


THEME = "suizhou.laborrights"
SITE_NAME = "随州市劳动保障“一站式”维权服务平台"
CSS_PATH = f"++theme++{THEME}/css/laborrights.css"


class TestThemeActive(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_current_theme(self):
        self.assertEqual(getCurrentTheme(), THEME)

    def test_enabled(self):
        settings = getUtility(IRegistry).forInterface(IThemeSettings, False)
        self.assertTrue(settings.enabled)
        self.assertEqual(settings.rules, f"/++theme++{THEME}/rules.xml")

    def test_extends_barceloneta(self):
        theme = getTheme(THEME)
        self.assertEqual(theme.production_css, "++theme++barceloneta/css/barceloneta.min.css")


class TestThemeRendered(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False

    def set_site_title(self, title):
        api.portal.set_registry_record("plone.site_title", title)
        transaction.commit()

    def test_front_page_themed(self):
        self.set_site_title(SITE_NAME)
        self.browser.open(self.portal_url)
        html = self.browser.contents
        # Our index.html: the hotline strip, with tap-to-call links.
        self.assertIn('id="sz-hotlines"', html)
        self.assertIn('href="tel:12345"', html)
        self.assertIn('href="tel:12333"', html)
        # The site title in the header, as a link home.
        brand = lxml.html.fromstring(html).get_element_by_id("sz-brand")
        self.assertEqual(brand.get("href"), self.portal_url)
        self.assertEqual(brand.text_content().strip(), SITE_NAME)
        # The public's part of Barceloneta's CSS (theme/css/public.css), then ours after it.
        barceloneta = html.index("/++theme++suizhou.laborrights/css/public.css")
        ours = html.index("/++theme++suizhou.laborrights/css/laborrights.css")
        self.assertLess(barceloneta, ours)

    def test_site_title_from_settings(self):
        other = "另一城市劳动维权服务平台"
        self.set_site_title(other)
        self.browser.open(self.portal_url)
        self.assertIn(f'<span class="sz-site-name">{other}</span>', self.browser.contents)

    def test_default_plone_logo_hidden(self):
        self.browser.open(self.portal_url)
        self.assertIn('id="sz-brand"', self.browser.contents)
        self.assertNotRegex(self.browser.contents, r"<img[^>]*plone-logo\.svg")

    def test_uploaded_logo_shown(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
        logo = b"filenameb64:%s;datab64:%s" % (
            base64.b64encode(b"emblem.svg"),
            base64.b64encode(svg),
        )
        api.portal.set_registry_record("plone.site_logo", logo)
        transaction.commit()
        self.browser.open(self.portal_url)
        self.assertIn(f'src="{self.portal_url}/@@site-logo/emblem.svg"', self.browser.contents)

    def test_css_served(self):
        self.browser.open(f"{self.portal_url}/{CSS_PATH}")
        self.assertEqual(self.browser.headers["status"], "200 OK")
        self.assertIn("text/css", self.browser.headers["content-type"])
        self.assertIn("--sz-red: #b71c1c", self.browser.contents)

    def test_no_external_assets(self):
        self.browser.open(self.portal_url)
        html = self.browser.contents
        self.browser.open(f"{self.portal_url}/{CSS_PATH}")
        css = self.browser.contents
        for text in (html, css):
            self.assertNotIn("fonts.googleapis", text)
            self.assertNotIn("@import", text)
        # Nothing fetched by the stylesheet: the icons' drawings are data: URIs in it.
        self.assertEqual(re.findall(r"url\((?![\"']?data:image/svg\+xml,)", css), [])
