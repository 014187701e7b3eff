"""GET @stations, @mediators, @guides: the public directory, cacheable."""

from tests.api_helpers import ApiTestCase


class TestStations(ApiTestCase):
    def titles(self, response):
        return [item["title"] for item in response.json()["items"]]

    def test_published_stations_in_district_and_level_order(self):
        response = self.anonymous.get("@stations")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/@stations", "get")
        self.assertEqual(
            self.titles(response),
            [
                "曾都区劳动保障维权中心",
                "南郊街道劳动保障维权服务站",
                "厉山镇某村劳动维权服务点",
                "广水市劳动保障维权中心",
            ],
        )
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")
        center = response.json()["items"][0]
        self.assertEqual(center["level"], {"token": "center", "title": "劳动保障维权中心"})
        self.assertEqual(center["district"], {"token": "zengdu", "title": "曾都区"})
        self.assertEqual(center["phones"], ["0722-3331001"])
        self.assertEqual([t["token"] for t in center["partner_agencies"]], ["union", "court"])
        self.assertNotIn("distance_km", center)

    def test_the_same_for_staff(self):
        self.assertEqual(self.admin.get("@stations").json(), self.anonymous.get("@stations").json())

    def test_filters(self):
        self.assertEqual(
            self.titles(self.anonymous.get("@stations", params={"district": "zengdu"})),
            ["曾都区劳动保障维权中心", "南郊街道劳动保障维权服务站"],
        )
        self.assertEqual(
            self.titles(self.anonymous.get("@stations", params={"level": "center"})),
            ["曾都区劳动保障维权中心", "广水市劳动保障维权中心"],
        )
        self.assertEqual(
            self.titles(self.anonymous.get("@stations", params={"district": "hitech"})), []
        )

    def test_near_sorts_by_distance(self):
        # A point in Guangshui: its center first, the point without coordinates last.
        response = self.anonymous.get("@stations", params={"near": "31.62,113.82"})
        self.assertConforms(response, "/@stations", "get")
        items = response.json()["items"]
        self.assertEqual(items[0]["title"], "广水市劳动保障维权中心")
        self.assertLess(items[0]["distance_km"], 1)
        distances = [item["distance_km"] for item in items]
        self.assertEqual(distances[-1], None)
        self.assertEqual(distances[:-1], sorted(distances[:-1]))
        self.assertAlmostEqual(items[1]["distance_km"], 42.6, delta=2)  # Guangshui -> Zengdu

    def test_bad_parameters(self):
        for params, field in (
            ({"near": "north"}, "near"),
            ({"near": "91,113"}, "near"),
            ({"district": "atlantis"}, "district"),
            ({"level": "palace"}, "level"),
        ):
            response = self.anonymous.get("@stations", params=params)
            self.assertError(response, 400, "BadRequest", fields=[field])
            self.assertConforms(response, "/@stations", "get")
            self.assertEqual(response.headers["Cache-Control"], "no-store")


class TestMediators(ApiTestCase):
    def test_published_mediators_gold_first_without_phone(self):
        for session in (self.anonymous, self.admin):
            response = session.get("@mediators")
            self.assertEqual(response.status_code, 200, response.text)
            self.assertConforms(response, "/@mediators", "get")
            self.assertEqual([m["title"] for m in response.json()["items"]], ["金调解", "人民调解员"])
            for phone in ("13907229999", "13907228888", "13907227777"):
                self.assertNotIn(phone, response.text)
        gold = response.json()["items"][0]
        self.assertEqual(gold["mediator_title"]["title"], "金牌调解员")
        self.assertEqual(gold["studio"]["token"], "new_employment")
        # Only the published one of its two stations.
        self.assertEqual([s["title"] for s in gold["stations"]], ["曾都区劳动保障维权中心"])
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")

    def test_filters(self):
        def titles(**params):
            return [m["title"] for m in self.anonymous.get("@mediators", params=params).json()["items"]]

        self.assertEqual(titles(kind="people"), ["人民调解员"])
        self.assertEqual(titles(district="zengdu"), ["金调解"])
        self.assertEqual(titles(studio="new_employment"), ["金调解"])
        self.assertEqual(titles(title="gold"), ["金调解"])
        self.assertEqual(titles(studio="celebrity"), [])
        response = self.anonymous.get("@mediators", params={"kind": "magic"})
        self.assertError(response, 400, fields=["kind"])
        self.assertConforms(response, "/@mediators", "get")


class TestGuides(ApiTestCase):
    def test_published_guides(self):
        response = self.anonymous.get("@guides")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/@guides", "get")
        self.assertEqual(
            [g["title"] for g in response.json()["items"]], ["拖欠工资投诉一次性告知清单", "工伤认定办事指南"]
        )
        checklist = response.json()["items"][0]
        self.assertEqual(checklist["guide_kind"], {"token": "checklist", "title": "一次性告知清单"})
        self.assertEqual(
            checklist["materials"],
            [{"material": "身份证", "form": {"token": "both", "title": "原件及复印件"}, "count": 1, "note": ""}],
        )
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")

    def test_by_dispute_type_and_kind(self):
        def titles(**params):
            return [g["title"] for g in self.anonymous.get("@guides", params=params).json()["items"]]

        self.assertEqual(titles(dispute_type="work_injury"), ["工伤认定办事指南"])
        self.assertEqual(titles(dispute_type="wage_arrears"), ["拖欠工资投诉一次性告知清单"])
        self.assertEqual(titles(kind="notice"), [])
        response = self.anonymous.get("@guides", params={"dispute_type": "x"})
        self.assertError(response, 400, fields=["dispute_type"])
        self.assertError(self.anonymous.get("@guides", params={"kind": "x"}), 400, fields=["kind"])
