"""“在手机地图中打开”: the datums of the Chinese map services (GCJ-02 for 高德 and 腾讯, BD-09 for
百度), checked against published conversions, and the links built from a station's WGS-84
position."""

from suizhou.laborrights.geo import haversine_km
from suizhou.laborrights.public.map_apps import gcj02_to_bd09
from suizhou.laborrights.public.map_apps import map_app_links
from suizhou.laborrights.public.map_apps import wgs84_to_gcj02
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import unittest


# (WGS-84 lat, lon) → (GCJ-02 lat, lon), the reference values of the common open-source
# implementations (Shanghai, Beijing, Jiaxing); they agree to 6 decimals (0.1 m).
GCJ02 = [
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),
    ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),
    ((30.6107779, 121.0917077), (30.608604331756705, 121.09626935575027)),
]


class TestDatums(unittest.TestCase):
    def test_wgs84_to_gcj02(self):
        for wgs, gcj in GCJ02:
            lat, lon = wgs84_to_gcj02(*wgs)
            self.assertAlmostEqual(lat, gcj[0], places=6)
            self.assertAlmostEqual(lon, gcj[1], places=6)

    def test_gcj02_to_bd09(self):
        lat, lon = gcj02_to_bd09(39.915, 116.404)
        self.assertAlmostEqual(lat, 39.92133699351022, places=6)
        self.assertAlmostEqual(lon, 116.41036949371029, places=6)
        lat, lon = gcj02_to_bd09(*wgs84_to_gcj02(30.6107779, 121.0917077))
        self.assertAlmostEqual(lat, 30.61484572185035, places=6)
        self.assertAlmostEqual(lon, 121.10271732371203, places=6)

    def test_outside_china_unchanged(self):
        self.assertEqual(wgs84_to_gcj02(48.8584, 2.2945), (48.8584, 2.2945))


class TestMapAppLinks(unittest.TestCase):
    def setUp(self):
        # 随州市零工驿站 as the demo stores it (WGS-84)
        self.links = {
            link["name"]: link for link in map_app_links("随州市零工驿站", "交通大道236号", 31.7012, 113.3935)
        }
        self.gcj = wgs84_to_gcj02(31.7012, 113.3935)
        self.bd = gcj02_to_bd09(*self.gcj)

    def query(self, url):
        return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}

    def test_three_apps_each_a_web_address_that_works_in_wechat_and_ios(self):
        self.assertEqual(list(self.links), ["高德地图", "百度地图", "腾讯地图"])
        for link in self.links.values():
            self.assertTrue(link["url"].startswith("https://"), link)
            self.assertNotIn("geo:", link["url"])

    def test_amap_in_gcj02(self):
        link = self.links["高德地图"]
        self.assertTrue(link["url"].startswith("https://uri.amap.com/marker?"))
        query = self.query(link["url"])
        self.assertEqual(query["position"], f"{self.gcj[1]:.6f},{self.gcj[0]:.6f}")  # longitude first
        self.assertEqual(query["coordinate"], "gaode")
        self.assertEqual(query["name"], "随州市零工驿站")
        app = self.query(link["app"])
        self.assertTrue(link["app"].startswith("androidamap://viewMap?"))
        self.assertEqual((app["lat"], app["lon"], app["dev"]), (f"{self.gcj[0]:.6f}", f"{self.gcj[1]:.6f}", "0"))

    def test_baidu_in_bd09(self):
        link = self.links["百度地图"]
        self.assertTrue(link["url"].startswith("https://api.map.baidu.com/marker?"))
        query = self.query(link["url"])
        self.assertEqual(query["location"], f"{self.bd[0]:.6f},{self.bd[1]:.6f}")
        self.assertEqual(query["coord_type"], "bd09ll")
        self.assertEqual(query["output"], "html")
        self.assertEqual(query["content"], "交通大道236号")
        self.assertTrue(link["app"].startswith("baidumap://map/marker?"))
        self.assertEqual(self.query(link["app"])["location"], query["location"])

    def test_tencent_in_gcj02(self):
        link = self.links["腾讯地图"]
        self.assertTrue(link["url"].startswith("https://apis.map.qq.com/uri/v1/marker?"))
        marker = self.query(link["url"])["marker"]
        self.assertEqual(marker, f"coord:{self.gcj[0]:.6f},{self.gcj[1]:.6f};title:随州市零工驿站;addr:交通大道236号")
        self.assertTrue(self.query(link["url"])["referer"])
        self.assertTrue(link["app"].startswith("qqmap://map/marker?"))

    def test_the_shift_is_real(self):
        # a WGS-84 position shown as is in these apps would be hundreds of metres off
        self.assertGreater(haversine_km(31.7012, 113.3935, *self.gcj), 0.2)
        self.assertGreater(haversine_km(31.7012, 113.3935, *self.bd), 0.5)
