"""The public site in a real browser (Debian's Chromium driven by Selenium): the home page on a
desktop and a phone, the reading aids, the station finder with its map and "nearest to me".

Skipped without ``chromium`` and ``chromedriver`` (see tests/browser_helpers.py). Screenshots
are written to ``test-output/`` at the top of the repository.
"""

from plone import api
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.a11y_helpers import KNOWN_PROBLEMS
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE

import transaction
import unittest


def scroll_to_map(test):
    """The map is drawn when it nears the screen (station-finder.js): scroll to it, as a visitor does."""
    test.driver.execute_script("document.getElementById('sz-station-map').scrollIntoView()")


class TestHomeDesktop(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def test_home_page(self):
        self.open()
        self.assertIn("随州市劳动保障", self.driver.title + self.css("#sz-brand")[0].text)
        entries = [e.text.split("\n")[0] for e in self.css(".sz-entry-title")]
        self.assertEqual(
            entries,
            [
                "我要投诉",
                "申请调解",
                "申请仲裁",
                "企业服务",
                "进度查询",
                "服务站点",
                "调解员",
                "典型案例",
                "告知清单",
                "零工驿站",
            ],
        )
        # Five entries to a row on a desktop.
        tops = {round(e.rect["y"]) for e in self.css(".sz-entry")}
        self.assertEqual(len(tops), 2)
        hotlines = [a.get_attribute("href") for a in self.css(".sz-hotline-card")]
        self.assertEqual(hotlines, ["tel:12345", "tel:12333"])
        self.assertTrue(self.css(".sz-home-cases .sz-news-list li"))
        self.assertTrue(self.css(".sz-home-news .sz-news-list li"))
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("home-desktop")
        self.assertAccessible()

    def test_keyboard_skip_link(self):
        from selenium.webdriver.common.keys import Keys

        self.open()
        self.driver.find_element("tag name", "body").send_keys(Keys.TAB)
        focused = self.driver.switch_to.active_element
        self.assertEqual(focused.get_attribute("id"), "sz-skip-link")
        self.assertTrue(focused.is_displayed())
        focused.send_keys(Keys.ENTER)
        self.assertTrue(self.driver.current_url.endswith("#content"))

    def test_search_from_home(self):
        self.open()
        field = self.css("#sz-home-search")[0]
        field.send_keys("工伤认定")
        field.submit()
        self.wait_for(lambda d: "@@search" in d.current_url)
        self.wait_for(lambda d: "工伤认定申请办事指南" in d.page_source)
        self.screenshot("search-work-injury")


class TestHomePhone(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def test_home_page(self):
        self.open()
        self.assertTrue(self.no_horizontal_scroll())
        # Two entries to a row on a phone, each a comfortable tap target.
        entries = self.css(".sz-entry")
        self.assertEqual(len({round(e.rect["x"]) for e in entries}), 2)
        self.assertTrue(all(e.rect["height"] >= 44 for e in entries))
        self.screenshot("home-phone")
        self.assertAccessible()

    def test_reading_aids(self):
        self.open()
        large, contrast = self.css("#sz-toggle-large")[0], self.css("#sz-toggle-contrast")[0]
        self.assertTrue(large.is_displayed())
        size = lambda: self.driver.execute_script(  # noqa: E731
            "return parseFloat(getComputedStyle(document.documentElement).fontSize)"
        )
        normal = size()
        large.click()
        contrast.click()
        self.assertEqual(large.get_attribute("aria-pressed"), "true")
        self.assertGreater(size(), normal * 1.2)
        background = self.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        self.assertEqual(background, "rgb(0, 0, 0)")
        # Kept on the next page.
        self.open("/guides")
        self.assertIn(
            "sz-high-contrast", self.driver.execute_script("return document.documentElement.className")
        )
        self.assertTrue(self.no_horizontal_scroll())
        self.open()
        self.screenshot("home-phone-large-contrast")
        self.assertEqual(self.axe_violations(), [])


class TestStationFinder(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def stations_with_position(self):
        from plone import api

        with api.env.adopt_roles(["Manager"]):
            brains = api.content.find(
                context=self.portal, portal_type="ServiceStation", review_state="published"
            )
            return [b.getObject() for b in brains if b.getObject().latitude is not None]

    def test_list_and_map(self):
        self.open("/stations")
        expected = len(self.stations_with_position())
        scroll_to_map(self)
        self.wait_for(lambda d: len(self.css(".sz-pin")) == expected)
        self.assertEqual(len(self.css(".sz-station-card")), expected)
        # No tile server configured: no tile requested, the note says why.
        self.assertEqual(self.css(".leaflet-tile"), [])
        self.assertTrue(self.css("#sz-map-note")[0].is_displayed())
        self.screenshot("station-finder-desktop")
        self.assertAccessible()

    def test_filter_by_district_and_township(self):
        from selenium.webdriver.support.ui import Select

        self.open("/stations")
        Select(self.css("#sz-f-district")[0]).select_by_visible_text("曾都区")
        # The township select now offers only the district's townships.
        visible = [o.text for o in self.css("#sz-f-township optgroup:not([disabled]) option")]
        self.assertIn("西城街道", visible)
        self.assertNotIn("厉山镇", visible)
        Select(self.css("#sz-f-township")[0]).select_by_visible_text("西城街道")
        self.css(".sz-filters button[type=submit]")[0].click()
        self.wait_for(lambda d: "township=" in d.current_url)
        names = [e.text for e in self.css(".sz-station-name")]
        self.assertEqual(sorted(names), sorted(["西城街道劳动保障维权服务站", "舜井社区劳动维权服务点"]))
        scroll_to_map(self)
        self.wait_for(lambda d: len(self.css(".sz-pin")) == 2)

    def test_nearest_to_me(self):
        # The visitor stands at 何店镇 (fictional coordinates of the demo).
        self.driver.execute_cdp_cmd(
            "Browser.grantPermissions",
            {"origin": self.site_url.rsplit("/", 1)[0], "permissions": ["geolocation"]},
        )
        self.driver.execute_cdp_cmd(
            "Emulation.setGeolocationOverride", {"latitude": 31.6215, "longitude": 113.4785, "accuracy": 50}
        )
        self.open("/stations")
        button = self.css("#sz-nearest")[0]
        self.assertTrue(button.is_displayed())
        button.click()
        self.wait_for(lambda d: "lat=" in d.current_url)
        first = self.css(".sz-station-card")[0]
        self.assertIn("何店镇劳动保障维权服务站", first.text)
        distances = [e.text for e in self.css(".sz-badge-distance")]
        self.assertEqual(len(distances), len(self.css(".sz-station-card")))
        self.assertIn("米", distances[0])
        self.screenshot("station-finder-nearest")

    def test_station_page(self):
        self.open("/stations/zengdu/zengdu-xicheng")
        self.assertIn("西城街道党群服务中心", self.driver.page_source)
        self.assertTrue(self.css('a[href="tel:0722-3310231"]'))
        qr = self.css("img.sz-qr")[0]
        self.wait_for(lambda d: d.execute_script("return arguments[0].naturalWidth", qr) > 100)
        # Without a tile server a map of one station says nothing: none is shown.
        self.assertEqual(self.css("#sz-station-map"), [])
        self.screenshot("station-page")
        self.assertAccessible()

    def test_tiles_when_configured(self):
        # A tile server of the site's own (one image for every tile): no outside request.
        tile = "++theme++suizhou.laborrights/vendor/leaflet/images/layers.png?z={z}&x={x}&y={y}"
        api.portal.set_registry_record("suizhou.laborrights.public.map_tile_url", f"{self.site_url}/{tile}")
        api.portal.set_registry_record("suizhou.laborrights.public.map_attribution", "测试底图")
        transaction.commit()
        self.open("/stations/zengdu/zengdu-xicheng")
        scroll_to_map(self)
        self.wait_for(lambda d: len(self.css(".sz-pin")) == 1)
        self.wait_for(lambda d: len(self.css("img.leaflet-tile-loaded")) > 0)
        self.assertFalse(self.css("#sz-map-note")[0].is_displayed())
        self.assertIn("测试底图", self.css(".leaflet-control-attribution")[0].text)


class TestStationFinderPhone(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def test_finder_on_phone(self):
        self.open("/stations?district=zengdu")
        scroll_to_map(self)
        self.wait_for(lambda d: len(self.css(".sz-pin")) > 0)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("station-finder-phone")
        self.assertAccessible()


class TestPublicPagesInBrowser(BrowserTestMixin, unittest.TestCase):
    """The other public pages: rendered, accessible (axe-core), screenshots for review."""

    layer = DEMO_FUNCTIONAL_TESTING

    # screenshot name -> (path, the name of the page in tests.test_public_a11y.PUBLIC_PAGES)
    PAGES = {
        "district": ("/stations/zengdu", "district"),
        "mediators": ("/mediators", "mediator directory"),
        "mediator": ("/stations/city/chen-hongmei", "mediator profile"),
        "guides": ("/guides", "guides"),
        "guide": ("/guides/wage-arrears-checklist", "guide"),
        "typical-cases": ("/typical-cases", "typical cases"),
        "typical-case": ("/typical-cases/construction-wage-arrears-23-workers", "typical case"),
        "news": ("/news", "news"),
        "news-item": ("/news/winter-wage-campaign", "news item"),
        "search": ("/@@search?SearchableText=%E6%AC%A0%E8%96%AA", "search"),
        "apply": ("/apply", "filing forms"),
        "form-complaint": ("/apply/complaint", "complaint form"),
        "form-mediation": ("/apply/mediation", "mediation form"),
        "form-arbitration": ("/apply/arbitration", "arbitration form"),
        "form-employer-service": ("/apply/employer-service", "employer service form"),
        "progress": ("/@@case-progress", "progress lookup"),
        "sitemap": ("/sitemap", "sitemap"),
        "accessibility": ("/accessibility-info", "accessibility"),
        "contact": ("/contact-info", "contact"),
    }

    def test_pages(self):
        for name, (path, page) in self.PAGES.items():
            with self.subTest(page=name):
                self.open(path)
                self.assertTrue(self.no_horizontal_scroll())
                self.screenshot(f"page-{name}")
                self.assertAccessible(known=KNOWN_PROBLEMS.get(page, ()))
