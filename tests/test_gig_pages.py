"""The gig-worker station's pages over HTTP: the posting form, the review, the public lists,
registration and its withdrawal, and the staff's matching page."""

from datetime import timedelta
from plone import api
from suizhou.laborrights.gig.postings import minimum_pay
from suizhou.laborrights.gig.postings import today
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.gig_helpers import GigSessions
from tests.gig_helpers import make_gig_station
from tests.gig_helpers import make_posting
from tests.gig_helpers import make_seeker
from tests.gig_helpers import SEEKER_ID_NUMBER
from tests.gig_helpers import SEEKER_NAME
from tests.gig_helpers import SEEKER_PHONE
from tests.helpers import valid_credit_code
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import re
import transaction
import unittest


def job_form(station, **overrides):
    fields = {
        "station": station.UID(),
        "title": "水电安装工",
        "trade": "construction",
        "pay": str(minimum_pay("zengdu", "day") + 100),
        "pay_period": "day",
        "district": "zengdu",
        "place": "曾都区某小区",
        "hours": "每天 8:00-18:00",
        "number_wanted": "3",
        "employer_name": "随州测试建筑有限公司",
        "employer_credit_code": valid_credit_code(33),
        "contact_phone": "13800002222",
        "valid_through": (today() + timedelta(days=7)).isoformat(),
    }
    fields.update(overrides)
    return fields


class TestGigPages(GigSessions, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.station = make_gig_station()
        self.other = make_gig_station("other-gig", staff="otherstaff")
        transaction.commit()

    def test_an_employer_posts_a_job_the_station_reviews_it(self):
        anonymous = self.session()
        bad = self.post_form(
            anonymous,
            "@@gig-post-job",
            job_form(self.station, contact_phone="1234", pay="1", valid_through="2020-01-01"),
        )
        self.assertEqual(bad.status_code, 400)
        self.assertIn("电话号码不正确", bad.text)
        self.assertIn("低于本地区现行最低工资标准", bad.text)
        self.assertIn("截止日期不能早于今天。", bad.text)
        self.assertIn('value="随州测试建筑有限公司"', bad.text)  # what was typed is kept
        self.assertIn("水电安装工", bad.text)

        good = self.post_form(anonymous, "@@gig-post-job", job_form(self.station))
        self.assertEqual(good.status_code, 200, re.findall(r'invalid-feedback d-block">([^<]*)', good.text))
        self.assertIn("审核通过后公开发布", good.text)
        self.assertNotIn("水电安装工", anonymous.get("@@gig-jobs").text)  # pending: not yet public

        review = self.session("gigstaff").get("@@gig-matching")
        self.assertIn("待审核的招聘岗位", review.text)
        self.assertIn("水电安装工", review.text)
        self.assertNotIn("水电安装工", self.session("otherstaff").get("@@gig-matching").text)

        transaction.begin()
        posting = api.content.find(portal_type="JobPosting", unrestricted=True)[0]._unrestrictedGetObject()
        self.assertIn(anonymous.get(posting.absolute_url(), allow_redirects=False).status_code, (302, 401, 403, 404))
        self.assertEqual(api.content.get_state(posting), "pending")
        with api.env.adopt_user("otherstaff"):
            self.assertFalse(api.user.has_permission("Review portal content", obj=posting))
        with api.env.adopt_user("gigstaff"):
            api.content.transition(posting, transition="publish")
        transaction.commit()

        page = anonymous.get(posting.absolute_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("水电安装工", page.text)
        jobs = anonymous.get("@@gig-jobs")
        self.assertIn("水电安装工", jobs.text)
        self.assertIn("13800002222", jobs.text)
        station_page = anonymous.get("stations/zengdu/test-gig/@@gig-station")
        self.assertEqual(station_page.status_code, 200)
        self.assertIn("水电安装工", station_page.text)
        self.assertNotIn("水电安装工", anonymous.get("stations/zengdu/other-gig/@@gig-station").text)
        self.assertNotIn("水电安装工", anonymous.get("@@gig-jobs", params={"trade": "cleaning"}).text)
        self.assertNotIn("水电安装工", anonymous.get("@@gig-jobs", params={"district": "suixian"}).text)

    def test_the_station_page_holds_the_four_services(self):
        page = self.session().get("stations/zengdu/test-gig/@@gig-station")
        for heading in ("招聘岗位", "求职登记", "法律服务", "劳动维权"):
            self.assertIn(heading, page.text)
        self.assertIn(f"@@gig-register?station={self.station.UID()}", page.text)
        self.assertIn(f"@@gig-post-job?station={self.station.UID()}", page.text)
        self.assertIn("在本站点提交申请", page.text)
        # Not a gig-worker station: no such page.
        transaction.begin()
        plain = api.content.get(path="/stations/zengdu/other-gig")
        plain.host_type = "union_station"
        transaction.commit()
        self.assertEqual(self.session().get("stations/zengdu/other-gig/@@gig-station").status_code, 404)

    def test_expired_postings_are_not_listed(self):
        transaction.begin()
        make_posting(self.station, title="今天截止的岗位", valid_through=today())
        expired = make_posting(self.station, title="昨天截止的岗位")
        expired.valid_through = today() - timedelta(days=1)
        notify(ObjectModifiedEvent(expired))
        transaction.commit()
        for path in ("@@gig-jobs", "stations/zengdu/test-gig/@@gig-station"):
            text = self.session().get(path).text
            self.assertIn("今天截止的岗位", text)
            self.assertNotIn("昨天截止的岗位", text)

    def test_a_seeker_registers_and_withdraws(self):
        anonymous = self.session()
        fields = {
            "station": self.station.UID(),
            "real_name": SEEKER_NAME,
            "id_number": "421300199001011234",
            "phone": SEEKER_PHONE,
            "wanted_trades:list": ["logistics"],
            "wanted_district": "zengdu",
        }
        refused = self.post_form(anonymous, "@@gig-register", fields)
        self.assertEqual(refused.status_code, 400)
        self.assertIn("身份证号码不正确", refused.text)
        self.assertIn("请阅读并勾选同意后再提交。", refused.text)
        self.assertIn(f'value="{SEEKER_NAME}"', refused.text)

        fields.update({"id_number": SEEKER_ID_NUMBER, "consent:list": ["yes"]})
        done = self.post_form(anonymous, "@@gig-register", fields)
        self.assertEqual(done.status_code, 200)
        reference = re.search(r"登记编号是 (QZ[0-9A-F]{8})", done.text).group(1)
        self.assertNotIn(SEEKER_ID_NUMBER, done.text)

        transaction.begin()
        seeker = self.portal["job-seekers"][reference.lower()]
        self.assertEqual(seeker.real_name, SEEKER_NAME)
        self.assertIsNotNone(seeker.consent_date)

        wrong = self.post_form(anonymous, "@@gig-withdraw", {"reference": reference, "phone": "13700000000"})
        self.assertIn("登记编号与手机号码不匹配", wrong.text)
        right = self.post_form(anonymous, "@@gig-withdraw", {"reference": reference, "phone": SEEKER_PHONE})
        self.assertIn("您的求职登记已删除", right.text)
        transaction.begin()
        self.assertNotIn(reference.lower(), self.portal["job-seekers"])

    def test_matching_and_referrals(self):
        transaction.begin()
        loader = make_posting(self.station, title="装卸工")
        make_posting(self.station, title="保洁员", trade="cleaning")
        seeker = make_seeker(self.station)
        transaction.commit()

        staff = self.session("gigstaff")
        page = staff.get("@@gig-matching")
        self.assertEqual(page.status_code, 200)
        self.assertIn(SEEKER_NAME, page.text)
        self.assertIn("装卸工", page.text)
        self.assertNotIn("保洁员", page.text)  # another trade

        saved = self.post_form(
            staff, "@@gig-matching", {"seeker": seeker.getId(), "posting": loader.UID(), "outcome": "hired"}
        )
        self.assertIn("推荐记录已保存。", saved.text)
        self.assertIn("装卸工：已上岗", saved.text)

        for who in ("otherstaff", None):
            with self.subTest(who=who):
                response = self.session(who).get("@@gig-matching", allow_redirects=False)
                self.assertNotIn(SEEKER_NAME, response.text)
                if who is None:
                    self.assertIn(response.status_code, (302, 401, 403))

    def test_the_challenge_when_it_is_switched_on(self):
        api.portal.set_registry_record("suizhou.laborrights.filing.challenge_enabled", True)
        transaction.commit()
        anonymous = self.session()
        refused = self.post_form(anonymous, "@@gig-post-job", job_form(self.station, challenge="99"))
        self.assertEqual(refused.status_code, 400)
        self.assertIn("验证问题回答错误或已过期", refused.text)
        self.assertIn('value="随州测试建筑有限公司"', refused.text)

        page = anonymous.get("@@gig-post-job")
        question = re.search(r"([零一二三四五六七八九])加([零一二三四五六七八九])等于几", page.text)
        numerals = "零一二三四五六七八九"
        answer = numerals.index(question.group(1)) + numerals.index(question.group(2))
        token = re.search(r'name="challenge.token"[^>]*value="([^"]+)"', page.text).group(1)
        auth = re.search(r'name="_authenticator" value="([^"]+)"', page.text).group(1)
        fields = dict(job_form(self.station), challenge=str(answer), _authenticator=auth)
        fields["challenge.token"] = token
        done = anonymous.post("@@gig-post-job", data=fields)
        self.assertEqual(done.status_code, 200)
        self.assertIn("审核通过后公开发布", done.text)
