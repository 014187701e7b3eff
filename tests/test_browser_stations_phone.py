"""The station finder and a station's page on a phone, with a base map configured as 天地图
is (a base layer, a layer of place names, subdomains in {s}) and without one: the list first
and the map after it (a link at the top leads there), the base map's tiles drawn, and
“在手机地图中打开” as 高德/百度/腾讯 links large enough to tap. Screenshots in test-output/."""

from plone import api
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE

import transaction
import unittest


# The site's own image as every tile of both layers ({s} is one of the subdomains' letters,
# here a query parameter): the test needs no outside server.
TILE = "++theme++suizhou.laborrights/vendor/leaflet/images/layers.png?layer=%s&s={s}&z={z}&x={x}&y={y}"


class TestStationsOnPhone(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def set_base_map(self):
        for name, value in (
            ("map_tile_url", f"{self.site_url}/{TILE % 'vec'}"),
            ("map_label_tile_url", f"{self.site_url}/{TILE % 'cva'}"),
            ("map_tile_subdomains", "01234567"),
            ("map_attribution", "测试底图"),
        ):
            api.portal.set_registry_record(f"suizhou.laborrights.public.{name}", value)
        transaction.commit()

    def follow_link_to_map(self):
        """Tap “在地图上查看这些站点”. The theme scrolls smoothly, which headless Chromium does not
        animate: the visitor here prefers reduced motion, so the jump is immediate."""
        self.driver.execute_cdp_cmd(
            "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}
        )
        link = self.css(".sz-to-map a")[0]
        self.assertTrue(link.is_displayed())
        self.assertEqual(link.text, "在地图上查看这些站点")
        self.click(link)
        self.wait_for(lambda d: d.execute_script("return location.hash") == "#sz-map-title")

    def tiles(self):
        """The addresses of the tiles drawn (read at once: Leaflet replaces tiles as it zooms)."""
        return set(
            self.driver.execute_script(
                "return Array.from(document.querySelectorAll('img.leaflet-tile-loaded'), i => i.src)"
            )
        )

    def top(self, selector):
        return self.driver.execute_script(
            "return arguments[0].getBoundingClientRect().top + window.scrollY", self.css(selector)[0]
        )

    def test_finder_list_first_then_the_base_map(self):
        self.set_base_map()
        self.open("/stations?district=zengdu")
        self.assertGreater(self.top("#sz-station-map"), self.top(".sz-station-list .sz-station-name:last-of-type"))
        self.screenshot("stations-phone-top")
        self.follow_link_to_map()
        self.wait_for(lambda d: len(self.css(".sz-pin")) > 0)
        # both layers drawn, their tiles asked from the subdomains the administrator set
        self.wait_for(lambda d: {"vec", "cva"} <= {src.split("layer=")[1][:3] for src in self.tiles()})
        sources = self.tiles()
        self.assertTrue(all(src.split("&s=")[1][0] in "01234567" for src in sources), sources)
        self.assertIn("测试底图", self.css(".leaflet-control-attribution")[0].text)
        self.assertFalse(self.css("#sz-map-note")[0].is_displayed())
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("stations-phone-map")
        self.assertAccessible()

    def test_finder_without_a_base_map_keeps_its_map(self):
        self.open("/stations?district=zengdu")
        self.follow_link_to_map()
        self.wait_for(lambda d: len(self.css(".sz-pin")) > 0)
        self.assertEqual(self.css("img.leaflet-tile"), [])
        self.assertTrue(self.css("#sz-map-note")[0].is_displayed())

    def test_station_open_in_map_apps(self):
        self.open("/stations/city/city-gig-station")
        apps = self.css(".sz-map-apps a.sz-map-app")
        self.assertEqual([a.text for a in apps], ["高德地图", "百度地图", "腾讯地图"])
        for app in apps:
            self.assertTrue(app.is_displayed())
            self.assertTrue(app.get_attribute("href").startswith("https://"))
            self.assertGreaterEqual(app.size["height"], 44)  # a finger's size
        self.assertEqual(self.css('a[href^="geo:"]'), [])
        # no map library without a base map: nothing to draw one station on
        self.assertFalse(self.driver.execute_script("return !!window.L"))
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("station-phone")
        self.assertAccessible()

    def tap_map_app(self, agent):
        """Open a station's page as the browser ``agent`` and tap 高德地图; whether the page kept
        the tap for the app's own scheme, and the delay before the web address (the test holds
        the timer back: no navigation leaves the site)."""
        self.driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": agent})
        self.open("/stations/city/city-gig-station")
        return self.driver.execute_script(
            "var seen = {delay: null};"
            "window.setTimeout = function (f, ms) { seen.delay = ms; return 0; };"
            "window.addEventListener('click', function (e) { seen.kept = e.defaultPrevented; e.preventDefault(); });"
            "document.querySelector('a.sz-map-app').click();"
            "return seen;"
        )

    def test_map_app_scheme_tried_only_on_android_outside_wechat(self):
        android = "Mozilla/5.0 (Linux; Android 13; V2148A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile"
        iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
        self.assertEqual(self.tap_map_app(android), {"kept": True, "delay": 1500})  # app first, web after
        for agent in (f"{android} MicroMessenger/8.0.49", f"{iphone} MicroMessenger/8.0.49", iphone):
            with self.subTest(agent=agent):
                self.assertEqual(self.tap_map_app(agent), {"kept": False, "delay": None})  # the web address

    def test_station_with_the_base_map(self):
        self.set_base_map()
        self.open("/stations/city/city-gig-station")
        self.driver.execute_script("document.getElementById('sz-station-map').scrollIntoView()")
        self.wait_for(lambda d: len(self.css(".sz-pin")) == 1)
        self.wait_for(lambda d: len(self.css("img.leaflet-tile-loaded")) > 0)
        self.screenshot("station-phone-map")
