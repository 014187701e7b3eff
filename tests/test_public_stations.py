"""Station finder (district → township → stations, filters, nearest first, map data), district
and station pages, the filing-form QR code, and the map library served by the site.

The finder's page holds the list and the map's settings; the markers are fetched from
``@@station-map.json`` with the page's filters (a separate, cacheable response)."""

from plone import api
from plone.testing.zope import Browser
from suizhou.laborrights.geo import haversine_km
from suizhou.laborrights.public.map_apps import wgs84_to_gcj02
from suizhou.laborrights.public.stations import DistrictMapData
from suizhou.laborrights.public.stations import published_stations
from suizhou.laborrights.public.stations import station_form_url
from suizhou.laborrights.public.stations import StationMapData
from suizhou.laborrights.public.utils import format_distance
from suizhou.laborrights.resources import theme_url
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import PublicPagesTestCase
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from z3c.caching.registry import lookup

import json
import lxml.html
import transaction
import unittest


class TestDistances(unittest.TestCase):
    def test_haversine(self):
        # 随州 city centre to 广水 centre: about 42 km as the crow flies.
        self.assertAlmostEqual(haversine_km(31.6905, 113.3826, 31.6170, 113.8260), 42.9, delta=0.5)
        self.assertEqual(haversine_km(31.7, 113.4, 31.7, 113.4), 0)

    def test_format(self):
        self.assertEqual(format_distance(0.0734), "70 米")
        self.assertEqual(format_distance(3.24), "3.2 公里")
        self.assertEqual(format_distance(128.4), "128 公里")


class StationsTestCase(PublicPagesTestCase):
    def names(self, doc):
        return [a.text_content().strip() for a in doc.cssselect(".sz-station-name a")]

    def map_data(self, doc):
        """The map's settings on the page, with its markers (fetched as the map script does)."""
        config = json.loads(doc.get_element_by_id("sz-station-map").get("data-map"))
        if "stations_url" in config:
            markers = Browser(self.layer["app"])
            markers.open(config["stations_url"])
            self.assertEqual(markers.headers["content-type"], "application/json; charset=utf-8")
            config["stations"] = json.loads(markers.contents)["stations"]
        return config


class TestStationFinder(StationsTestCase):
    def test_every_published_station_grouped_by_district(self):
        doc = self.page("/stations")
        with api.env.adopt_roles(["Manager"]):
            expected = api.content.find(portal_type="ServiceStation", review_state="published")
        self.assertEqual(len(self.names(doc)), len(expected))
        districts = [h.text.strip() for h in doc.cssselect(".sz-district-title")]
        self.assertEqual(
            districts, ["随州市本级", "曾都区", "随县", "广水市", "随州高新区", "大洪山风景名胜区"]
        )

    def test_district_then_townships_center_first(self):
        doc = self.page("/stations?district=zengdu")
        group = doc.cssselect(".sz-district-group")[0]
        townships = [h.text_content() for h in group.cssselect(".sz-township-title")]
        self.assertEqual(townships[0], "区县本级")
        self.assertEqual(sorted(townships[1:]), sorted(["西城街道", "南郊街道", "何店镇", "洛阳镇"]))
        self.assertEqual(self.names(doc)[0], "曾都区劳动保障维权中心")
        # 西城街道: the station before the village point.
        xicheng = townships.index("西城街道")
        cards = group.cssselect(".sz-station-cards")[xicheng]
        self.assertEqual(
            [a.text_content() for a in cards.cssselect(".sz-station-name a")],
            ["西城街道劳动保障维权服务站", "舜井社区劳动维权服务点"],
        )

    def test_filters(self):
        self.assertEqual(
            sorted(self.names(self.page("/stations?district=zengdu&township=西城街道"))),
            sorted(["西城街道劳动保障维权服务站", "舜井社区劳动维权服务点"]),
        )
        points = self.names(self.page("/stations?level=point"))
        self.assertTrue(points and all("服务点" in name for name in points))
        gig = self.names(self.page("/stations?host_type=gig_station"))
        self.assertEqual(
            sorted(gig), sorted(["随州市零工驿站劳动维权服务站", "十里街道零工驿站劳动维权服务站"])
        )
        doc = self.page("/stations?dispute_type=employer_consultation&district=hitech")
        self.assertEqual(self.names(doc), ["随州高新区劳动保障维权中心", "专用汽车产业园劳动维权服务站"])
        # Unknown values are ignored, not errors.
        self.assertTrue(self.names(self.page("/stations?district=atlantis&level=x")))

    def test_township_options_grouped_by_district(self):
        doc = self.page("/stations")
        groups = doc.cssselect("#sz-f-township optgroup")
        self.assertEqual(groups[1].get("label"), "曾都区")
        self.assertEqual(groups[1].get("data-district"), "zengdu")
        self.assertIn("何店镇", [o.text for o in groups[1].cssselect("option")])

    def test_nearest_first_with_distances(self):
        # Standing in 何店镇.
        doc = self.page("/stations?lat=31.6215&lon=113.4785")
        names = self.names(doc)
        self.assertEqual(names[0], "何店镇劳动保障维权服务站")
        distances = [b.text_content().split()[-2:] for b in doc.cssselect(".sz-badge-distance")]
        self.assertEqual(distances[0], ["70", "米"])
        self.assertEqual(len(distances), len(names))
        self.assertIn("按离您的距离排序", doc.cssselect(".sz-result-count")[0].text_content())
        self.assertEqual(self.map_data(doc)["here"], [31.6215, 113.4785])
        # With a filter: the nearest gig-worker station.
        names = self.names(self.page("/stations?lat=31.60&lon=113.81&host_type=gig_station"))
        self.assertEqual(names[0], "十里街道零工驿站劳动维权服务站")

    def test_bad_position_ignored(self):
        doc = self.page("/stations?lat=abc&lon=999")
        self.assertFalse(doc.cssselect(".sz-badge-distance"))
        self.assertIsNone(self.map_data(doc)["here"])

    def test_map_data_without_tiles(self):
        doc = self.page("/stations?district=suixian")
        data = self.map_data(doc)
        self.assertEqual(data["tiles"], "")
        self.assertEqual(len(data["stations"]), len(self.names(doc)))
        first = data["stations"][0]
        self.assertEqual(first["title"], "随县劳动保障维权中心")
        self.assertAlmostEqual(first["lat"], 31.851)
        self.assertTrue(first["url"].startswith(self.portal_url))
        # The page loads the site's own copy of Leaflet and our script (versioned URLs).
        self.assertIn(f"{theme_url()}/vendor/leaflet/leaflet.js", self.browser.contents)
        self.assertIn(f"{theme_url()}/js/station-finder.js", self.browser.contents)

    def test_map_markers_fetched_with_the_filters(self):
        """The page holds the map's settings and where its markers are, not the markers: one
        URL per filter, without the visitor's position (that stays on the page)."""
        doc = self.page("/stations?lat=31.70&lon=113.38&level=point&district=zengdu&x=1")
        config = json.loads(doc.get_element_by_id("sz-station-map").get("data-map"))
        self.assertNotIn("stations", config)
        self.assertEqual(
            config["stations_url"],
            f"{self.portal_url}/stations/@@station-map.json?district=zengdu&level=point",
        )
        self.assertEqual(config["here"], [31.70, 113.38])
        markers = self.map_data(doc)["stations"]
        self.assertEqual({m["title"] for m in markers}, set(self.names(doc)))
        self.assertEqual(set(markers[0]), {"title", "url", "address", "level", "level_title", "lat", "lon"})
        # Everything, unfiltered: the stations' positions are in the JSON only.
        doc = self.page("/stations")
        self.assertNotIn("31.7012", self.browser.contents)  # 随州市零工驿站's latitude
        config = self.map_data(doc)
        self.assertEqual(config["stations_url"], f"{self.portal_url}/stations/@@station-map.json")
        self.assertEqual(len(config["stations"]), len(self.names(doc)))
        self.assertIn(31.7012, [m["lat"] for m in config["stations"]])

    def test_map_data_cached_as_listings(self):
        request = self.layer["request"]
        portal = self.layer["portal"]
        self.assertEqual(lookup(StationMapData(portal["stations"], request)), "plone.content.folderView")
        self.assertEqual(
            lookup(DistrictMapData(portal["stations"]["zengdu"], request)), "plone.content.folderView"
        )

    def test_tile_url_setting(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.public.map_tile_url", "https://tiles.example.gov.cn/{z}/{x}/{y}.png"
        )
        transaction.commit()
        data = self.map_data(self.page("/stations"))
        self.assertEqual(data["tiles"], "https://tiles.example.gov.cn/{z}/{x}/{y}.png")

    def test_unpublished_station_not_listed_new_point_appears(self):
        """A district administrator adds a village point: it shows once published."""
        district = self.portal["stations"]["guangshui"]
        with api.env.adopt_roles(["Manager"]):
            point = api.content.create(
                container=district,
                type="ServiceStation",
                id="guangshui-new-point",
                title="新建村劳动维权服务点",
                level="point",
                district="guangshui",
                township="马坪镇",
                village="新建村",
                address="广水市马坪镇新建村村委会",
                latitude=31.66,
                longitude=113.70,
                phones=["0722-6310299"],
            )
        transaction.commit()
        self.assertNotIn("新建村劳动维权服务点", self.names(self.page("/stations")))
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=point, to_state="published")
        transaction.commit()
        doc = self.page("/stations?district=guangshui&township=马坪镇")
        self.assertEqual(self.names(doc), ["马坪镇劳动保障维权服务站", "新建村劳动维权服务点"])
        self.assertIn("新建村劳动维权服务点", [s["title"] for s in self.map_data(doc)["stations"]])


class TestDistrictPage(StationsTestCase):
    def test_one_district(self):
        doc = self.page("/stations/dahongshan")
        names = self.names(doc)
        self.assertEqual(names[0], "大洪山风景名胜区劳动保障维权中心")
        self.assertEqual(len(names), 4)
        config = self.map_data(doc)
        self.assertEqual(config["stations_url"], f"{self.portal_url}/stations/dahongshan/@@station-map.json")
        self.assertEqual(sorted(m["title"] for m in config["stations"]), sorted(names))
        self.assertFalse(doc.cssselect("#sz-f-district"))  # the district is the page
        self.assertIn("长岗大道32号", doc.cssselect(".sz-district-center")[0].text_content())
        link = doc.cssselect(".sz-district-center a")[0].get("href")
        self.assertEqual(link, f"{self.portal_url}/mediators?district=dahongshan")


class TestStationPage(StationsTestCase):
    def test_facts(self):
        doc = self.page("/stations/city/city-gig-station")
        text = doc.cssselect(".sz-station")[0].text_content()
        for expected in (
            "随州市曾都区东城街道交通大道236号零工市场一楼",
            "周一至周日 7:30-18:00",
            "随州市零工驿站",  # host
            "零工驿站",  # host type
            "拖欠工资",
            "新就业形态劳动者权益",
            "人民调解",
            "人社部门",
            "工会",
            "司法行政",
        ):
            self.assertIn(expected, text)
        self.assertEqual([a.get("href") for a in doc.cssselect(".sz-phone")], ["tel:0722-3200166"])
        # 在手机地图中打开: 高德, 百度, 腾讯 by their web addresses, the position in each one's datum
        apps = doc.cssselect(".sz-map-apps a.sz-map-app")
        self.assertEqual([a.text_content() for a in apps], ["高德地图", "百度地图", "腾讯地图"])
        amap = parse_qs(urlsplit(apps[0].get("href")).query)
        lat, lon = wgs84_to_gcj02(31.7012, 113.3935)
        self.assertEqual(amap["position"], [f"{lon:.6f},{lat:.6f}"])
        for app in apps:
            self.assertTrue(app.get("href").startswith("https://"))
            self.assertTrue(app.get("data-app"))
        self.assertFalse(doc.cssselect('a[href^="geo:"]'))
        mediators = [a.text_content() for a in doc.cssselect(".sz-person-list a")]
        self.assertEqual(mediators, ["吴静"])

    def test_staff_email_not_shown(self):
        station = self.portal["stations"]["city"]["city-center"]
        station.email = "window-staff@example.org"
        transaction.commit()
        self.page("/stations/city/city-center")
        self.assertNotIn("window-staff@example.org", self.browser.contents)

    def test_form_link_and_qr_code(self):
        station = self.portal["stations"]["zengdu"]["zengdu-xicheng"]
        doc = self.page("/stations/zengdu/zengdu-xicheng")
        link = doc.cssselect(".sz-station-apply a.btn")[0].get("href")
        self.assertEqual(link, station_form_url(station))
        parts = urlsplit(link)
        self.assertEqual(parts.path, "/plone/apply/complaint")
        query = parse_qs(parts.query)
        self.assertEqual(query["station"], [station.UID()])
        self.assertEqual(query["form.widgets.district"], ["zengdu"])
        qr = doc.cssselect("img.sz-qr")[0]
        self.assertTrue(qr.get("alt"))
        self.browser.open(qr.get("src"))
        self.assertEqual(self.browser.headers["content-type"], "image/png")
        self.assertTrue(self.browser.contents.startswith(b"\x89PNG"))
        # The link opens the complaint form with the district chosen.
        self.browser.open(link)
        form = lxml.html.fromstring(self.browser.contents)
        chosen = form.cssselect('select[name="form.widgets.district:list"] option[selected]')
        self.assertEqual([o.get("value") for o in chosen], ["zengdu"])

    def leaflet_loaded(self, doc):
        return bool(doc.cssselect('script[src*="leaflet.js"]')) and bool(doc.cssselect('link[href*="leaflet.css"]'))

    def test_no_map_without_tiles(self):
        doc = self.page("/stations/zengdu/zengdu-xicheng")
        self.assertFalse(doc.cssselect("#sz-station-map"))
        self.assertFalse(self.leaflet_loaded(doc))  # no map library for nothing
        api.portal.set_registry_record(
            "suizhou.laborrights.public.map_tile_url", "https://t.example/{z}/{x}/{y}.png"
        )
        transaction.commit()
        doc = self.page("/stations/zengdu/zengdu-xicheng")
        self.assertEqual(len(self.map_data(doc)["stations"]), 1)
        self.assertTrue(self.leaflet_loaded(doc))


TIANDITU = (
    "https://t{s}.tianditu.gov.cn/%s_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=%s&STYLE=default"
    "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=test-key"
)


class TestBaseMap(StationsTestCase):
    """The administrator's tile source: 天地图 (base map, place names, subdomains 0–7) or GCJ-02
    tiles; the pages' CSP lets the map load them only when they are set."""

    def set_public(self, **values):
        for name, value in values.items():
            api.portal.set_registry_record(f"suizhou.laborrights.public.{name}", value)
        transaction.commit()

    def policy(self):
        return self.browser.headers["Content-Security-Policy"]

    def test_tianditu_base_map_and_place_names(self):
        self.set_public(
            map_tile_url=TIANDITU % ("vec", "vec"),
            map_label_tile_url=TIANDITU % ("cva", "cva"),
            map_tile_subdomains="01234567",
            map_attribution="天地图",
        )
        for path in ("/stations", "/stations/city/city-gig-station"):
            config = self.map_data(self.page(path))
            self.assertEqual(config["tiles"], TIANDITU % ("vec", "vec"))
            self.assertEqual(config["labels"], TIANDITU % ("cva", "cva"))
            self.assertEqual(config["subdomains"], "01234567")
            self.assertIn("img-src 'self' data: blob: https://*.tianditu.gov.cn;", self.policy())
        # 天地图 is WGS-84 (CGCS2000): the stored positions as they are
        self.assertEqual([[m["lat"], m["lon"]] for m in config["stations"]], [[31.7012, 113.3935]])

    def test_no_tile_host_in_the_policy_without_a_base_map(self):
        self.set_public(map_label_tile_url=TIANDITU % ("cva", "cva"))  # names alone make no map
        config = self.map_data(self.page("/stations"))
        self.assertEqual((config["tiles"], config["labels"]), ("", ""))
        self.assertIn("img-src 'self' data: blob:;", self.policy())
        self.assertNotIn("tianditu", self.policy())

    def test_gcj02_tiles_get_positions_in_gcj02(self):
        self.set_public(map_tile_url="https://wprd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=7")
        self.set_public(map_tile_subdomains="1234", map_tile_datum="gcj02")
        config = self.map_data(self.page("/stations/city/city-gig-station"))
        lat, lon = wgs84_to_gcj02(31.7012, 113.3935)
        self.assertEqual(config["stations"][0]["lat"], round(lat, 6))
        self.assertEqual(config["stations"][0]["lon"], round(lon, 6))
        self.assertIn(" https://*.is.autonavi.com;", self.policy())
        # the visitor's position (nearest first) too; the list's distances stay in WGS-84
        config = self.map_data(self.page("/stations?lat=31.70&lon=113.39"))
        self.assertEqual(config["here"], [round(v, 6) for v in wgs84_to_gcj02(31.70, 113.39)])


class TestPublishedStations(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_order_level_then_pinyin(self):
        stations = published_stations(district="city")
        self.assertEqual([s["level"] for s in stations], ["center", "station", "point"])


class TestLeafletServed(StationsTestCase):
    def test_assets(self):
        base = f"{self.portal_url}/++theme++suizhou.laborrights/vendor/leaflet"
        for name, kind in (
            ("leaflet.js", "javascript"),
            ("leaflet.css", "text/css"),
            ("images/marker-icon.png", "image/png"),
            ("images/layers.png", "image/png"),
        ):
            with self.subTest(asset=name):
                self.browser.open(f"{base}/{name}")
                self.assertIn(kind, self.browser.headers["content-type"])
        self.browser.open(f"{base}/LICENSE")
        self.assertIn(b"Volodymyr Agafonkin", self.browser.contents)
        self.browser.open(f"{base}/leaflet.js")
        self.assertIn(b'version="1.9.4"', self.browser.contents)
