"""Job postings of the gig-worker stations: the checks, the station's review, the expiry."""

from datetime import timedelta
from decimal import Decimal
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from Products.CMFPlone.utils import isExpired
from suizhou.laborrights.content.job_posting import IJobPosting
from suizhou.laborrights.gig.listing import public_postings
from suizhou.laborrights.gig.postings import minimum_pay
from suizhou.laborrights.gig.postings import posting_errors
from suizhou.laborrights.gig.postings import today
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.gig_helpers import make_gig_station
from tests.gig_helpers import make_posting
from tests.gig_helpers import posting_data
from tests.helpers import make_user
from zope.event import notify
from zope.interface import Invalid
from zope.lifecycleevent import ObjectModifiedEvent

import unittest


class TestPostingChecks(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.station = make_gig_station()

    def test_a_good_posting_passes(self):
        self.assertEqual(posting_errors(posting_data(self.station)), {})

    def test_bad_phone_and_credit_code_are_refused_in_chinese(self):
        errors = posting_errors(posting_data(self.station, contact_phone="1234", employer_credit_code="91421300XX"))
        self.assertIn("电话号码不正确", errors["contact_phone"])
        self.assertIn("统一社会信用代码不正确", errors["employer_credit_code"])

    def test_pay_below_the_minimum_wage_per_pay_period(self):
        for period in ("hour", "day", "month"):
            with self.subTest(period=period):
                floor = minimum_pay("zengdu", period)
                below = posting_errors(posting_data(self.station, pay_period=period, pay=floor - Decimal("0.5")))
                self.assertIn("低于本地区现行最低工资标准", below["pay"])
                self.assertIn(str(floor), below["pay"])
                self.assertNotIn("pay", posting_errors(posting_data(self.station, pay_period=period, pay=floor)))
        # A day's pay that would be a good hourly rate is still refused as a day's pay.
        hourly_rate = minimum_pay("zengdu", "hour") * 2
        self.assertNotIn("pay", posting_errors(posting_data(self.station, pay_period="hour", pay=hourly_rate)))
        self.assertIn("pay", posting_errors(posting_data(self.station, pay_period="day", pay=hourly_rate)))
        # Piece rates cannot be compared with a monthly standard.
        self.assertNotIn("pay", posting_errors(posting_data(self.station, pay_period="piece", pay=Decimal("3"))))

    def test_expiry_in_the_past_and_missing_fields(self):
        errors = posting_errors(posting_data(self.station, valid_through=today() - timedelta(days=1), title=""))
        self.assertEqual(errors["valid_through"], "截止日期不能早于今天。")
        self.assertIn("请填写", errors["title"])
        self.assertNotIn("valid_through", posting_errors(posting_data(self.station, valid_through=today())))

    def test_a_station_that_is_not_a_gig_station(self):
        other = api.content.get(path="/stations/zengdu")
        errors = posting_errors(posting_data(self.station, station=other.UID()))
        self.assertIn("station", errors)

    def test_the_edit_form_refuses_the_same(self):
        posting = make_posting(self.station, publish=False)
        IJobPosting.validateInvariants(posting)  # as stored: fine
        posting.pay = minimum_pay("zengdu", "day") - Decimal("1")
        posting.valid_through = today() - timedelta(days=1)
        with self.assertRaises(Invalid) as refused:
            IJobPosting.validateInvariants(posting)
        self.assertIn("低于本地区现行最低工资标准", str(refused.exception))
        self.assertIn("截止日期不能早于今天。", str(refused.exception))


class TestReview(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.station = make_gig_station()
        self.other = make_gig_station("other-gig", staff="otherstaff")
        make_user("member")

    def test_a_new_posting_waits_for_its_station_s_staff(self):
        posting = make_posting(self.station, publish=False)
        self.assertEqual(api.content.get_state(posting), "pending")
        logout()
        self.assertEqual(public_postings(), [])
        self.assertEqual(len(api.content.find(portal_type="JobPosting")), 0)

        login(self.portal, "otherstaff")  # another station's staff may not publish it
        self.assertNotIn(
            "publish", [t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(posting)]
        )
        login(self.portal, "member")
        self.assertFalse(api.user.has_permission("View", obj=posting))

        login(self.portal, "gigstaff")
        self.assertTrue(api.user.has_permission("Modify portal content", obj=posting))
        api.content.transition(posting, transition="publish")
        logout()
        self.assertEqual(public_postings(), [posting])
        self.assertEqual([b.UID for b in api.content.find(portal_type="JobPosting")], [posting.UID()])

    def test_rejected_postings_stay_hidden(self):
        posting = make_posting(self.station, publish=False)
        login(self.portal, "gigstaff")
        api.content.transition(posting, transition="reject")
        logout()
        self.assertEqual(public_postings(), [])
        self.assertFalse(api.user.has_permission("View", obj=posting))


class TestExpiry(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.station = make_gig_station()

    def test_after_its_expiry_day_a_posting_leaves_the_listing_and_search(self):
        current = make_posting(self.station, title="今天截止的岗位", valid_through=today())
        expired = make_posting(self.station, title="已过期的岗位")
        # As if it had been posted earlier: its expiry day was yesterday.
        expired.valid_through = today() - timedelta(days=1)
        with api.env.adopt_roles(["Manager"]):
            expired.reindexObject()
        notify(ObjectModifiedEvent(expired))
        self.assertTrue(isExpired(expired))
        self.assertFalse(isExpired(current))

        logout()
        self.assertEqual(public_postings(), [current])
        found = api.content.find(portal_type="JobPosting")
        self.assertEqual([brain.Title for brain in found], ["今天截止的岗位"])
        found = api.content.find(SearchableText="岗位")
        self.assertNotIn("已过期的岗位", [brain.Title for brain in found])

    def test_filters(self):
        cleaner = make_posting(self.station, title="保洁员", trade="cleaning", district="suixian")
        loader = make_posting(self.station, title="装卸工")
        monthly = make_posting(
            self.station, title="仓管员", pay_period="month", pay=minimum_pay("zengdu", "month") + Decimal("2000")
        )
        logout()
        self.assertEqual(set(public_postings(district="suixian")), {cleaner})
        self.assertEqual(set(public_postings(trade="logistics")), {loader, monthly})
        self.assertEqual(set(public_postings(min_pay=minimum_pay("zengdu", "month") + Decimal("1500"))), {monthly})
