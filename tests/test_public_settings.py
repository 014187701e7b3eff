"""Settings of the public site (registry, control panel)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from suizhou.laborrights import settings
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import chinese_site

import transaction
import unittest


class TestSettings(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_defaults(self):
        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.public.map_tile_url"), "")
        self.assertEqual(len(settings.lines("public", "home_entries", 4)), 10)
        self.assertEqual(
            settings.lines("public", "hotlines", 2), [("12345", "政务服务便民热线"), ("12333", "人社服务热线")]
        )
        keywords = dict(settings.lines("public", "search_keywords", 2))
        self.assertIn("欠薪", keywords["wage_arrears"])
        self.assertIn("工伤认定", keywords["work_injury"])

    def test_missing_record_falls_back_to_the_default(self):
        api.portal.get_tool("portal_registry").records.__delitem__("suizhou.laborrights.public.map_zoom")
        self.assertEqual(settings.setting("public", "map_zoom"), 9)

    def test_lines_are_padded(self):
        api.portal.set_registry_record("suizhou.laborrights.public.hotlines", ("12345", " ", "110|报警"))
        self.assertEqual(settings.lines("public", "hotlines", 2), [("12345", ""), ("110", "报警")])


class TestControlPanel(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_form(self):
        chinese_site()
        transaction.commit()
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        portal_url = self.layer["portal"].absolute_url()
        browser.open(f"{portal_url}/@@overview-controlpanel")
        self.assertIn("@@laborrights-public", browser.contents)
        browser.open(f"{portal_url}/@@laborrights-public")
        self.assertIn("地图底图瓦片地址", browser.contents)
        browser.getControl(
            name="form.widgets.map_tile_url"
        ).value = "https://tiles.example.gov.cn/{z}/{x}/{y}.png"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(
            api.portal.get_registry_record("suizhou.laborrights.public.map_tile_url"),
            "https://tiles.example.gov.cn/{z}/{x}/{y}.png",
        )
