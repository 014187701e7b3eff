"""@gig-postings: the public, cacheable postings for the mini-program."""

from datetime import timedelta
from suizhou.laborrights.gig.postings import minimum_pay
from suizhou.laborrights.gig.postings import today
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.api_helpers import schema_errors
from tests.gig_helpers import GigSessions
from tests.gig_helpers import make_gig_station
from tests.gig_helpers import make_posting
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import transaction
import unittest


class TestGigPostingsApi(GigSessions, unittest.TestCase):
    def assertConforms(self, response, path):
        self.assertEqual(schema_errors(response.json(), path, "get", response.status_code), [], response.text)

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        station = make_gig_station()
        self.loader = make_posting(station, title="装卸工")
        self.cleaner = make_posting(station, title="保洁员", trade="cleaning", district="suixian")
        self.monthly = make_posting(
            station, title="仓管员", pay_period="month", pay=minimum_pay("zengdu", "month") + 3000
        )
        self.pending = make_posting(station, title="待审核岗位", publish=False)
        self.expired = make_posting(station, title="过期岗位")
        self.expired.valid_through = today() - timedelta(days=1)
        notify(ObjectModifiedEvent(self.expired))
        transaction.commit()
        self.api = self.session(accept_json=True)

    def titles(self, response):
        return sorted(item["title"] for item in response.json()["items"])

    def test_the_list_is_public_and_cacheable(self):
        response = self.api.get("@gig-postings")
        self.assertEqual(response.status_code, 200)
        self.assertConforms(response, "/@gig-postings")
        self.assertEqual(self.titles(response), sorted(["装卸工", "保洁员", "仓管员"]))
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")
        item = next(i for i in response.json()["items"] if i["title"] == "装卸工")
        self.assertEqual(item["pay_period"], {"token": "day", "title": "元/天"})
        self.assertEqual(item["trade"]["title"], "物流搬运")
        self.assertEqual(item["valid_through"], (today() + timedelta(days=10)).isoformat())
        self.assertNotIn("employer_credit_code", item)

    def test_filters(self):
        self.assertEqual(self.titles(self.api.get("@gig-postings?district=suixian")), ["保洁员"])
        self.assertEqual(self.titles(self.api.get("@gig-postings?trade=logistics")), sorted(["装卸工", "仓管员"]))
        least = minimum_pay("zengdu", "month") + 2000
        self.assertEqual(self.titles(self.api.get(f"@gig-postings?min_pay={least}")), ["仓管员"])

    def test_bad_filters_are_a_chinese_400(self):
        for query, field in (("district=nowhere", "district"), ("trade=pilot", "trade"), ("min_pay=abc", "min_pay")):
            with self.subTest(query=query):
                response = self.api.get(f"@gig-postings?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertConforms(response, "/@gig-postings")
                self.assertIn(field, response.json()["error"]["fields"])
                self.assertIn("代码" if field != "min_pay" else "数字", response.json()["error"]["fields"][field])

    def test_one_posting(self):
        response = self.api.get(f"@gig-postings/{self.loader.UID()}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["title"], "装卸工")
        self.assertConforms(response, "/@gig-postings/{uid}")
        self.assertEqual(response.headers["Cache-Control"], "public, max-age=300")
        for hidden in (self.pending, self.expired):
            with self.subTest(title=hidden.title):
                response = self.api.get(f"@gig-postings/{hidden.UID()}")
                self.assertEqual(response.status_code, 404)
                self.assertConforms(response, "/@gig-postings/{uid}")
                self.assertIn("没有这个招聘岗位", response.json()["error"]["message"])
        self.assertEqual(self.api.get("@gig-postings/no-such-uid").status_code, 404)
