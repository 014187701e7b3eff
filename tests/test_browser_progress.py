"""The progress page on a phone (390 px): the story of a case as a timeline with the unit to
call, and the 好差评 five levels with a reason asked for the last two. Screenshots in
test-output/ (progress-*-phone.png); the pages pass the static check and axe-core."""

from datetime import timedelta
from plone import api
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from suizhou.laborrights.timezone import chinese_datetime
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import APPLICANT_NAME
from tests.helpers import bring_to
from tests.helpers import new_case

import transaction
import unittest


APPLICANT_PHONE = "13907221234"  # the phone of tests.helpers.case_fields


class TestProgressOnAPhone(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def look_up(self, reference):
        self.open("/@@case-progress")
        self.css("#progress-ref")[0].send_keys(reference)
        self.css("#progress-phone")[0].send_keys(APPLICANT_PHONE)
        self.click(self.css("button[name=lookup]")[0])
        return self.wait_for(lambda d: self.css(".laborrights-progress-result"))[0]

    def test_the_steps_and_the_unit_to_call(self):
        catalog = api.portal.get_tool("portal_catalog")
        stations = [brain.getObject() for brain in catalog(portal_type="ServiceStation", district="zengdu")]
        unit = next(station for station in stations if station.phones)
        session_date = (now() + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0, tzinfo=None)
        with api.env.adopt_roles(["Manager"]):
            case = new_case(received=now() - timedelta(days=3), district="zengdu")
            route(case, unit.UID(), route="mediation")
            api.content.transition(obj=case, transition="accept")
            api.content.create(
                container=case,
                type="MediationSession",
                id="session-1",
                session_date=session_date,
                mediator="张调解",
                mediation_kind="people",
                parties="被申请人人事经理李某某",
                result="continued",
            )
        transaction.commit()
        result = self.look_up(case.getId())
        steps = [step.text for step in self.css(".sz-timeline-step")]
        self.assertEqual(len(steps), 4, steps)
        self.assertIn("分办至承办单位", steps[1])
        self.assertIn(unit.Title(), steps[1])
        self.assertIn(chinese_datetime(session_date), steps[3])
        self.assertIn("承办单位联系方式", result.text)
        self.assertIn(unit.phones[0], result.text)
        self.assertIn("法定期限至", result.text)
        for private in ("张调解", "李某某", APPLICANT_NAME):
            self.assertNotIn(private, self.driver.page_source)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("progress-1-timeline-phone")
        self.assertAccessible()

    def test_the_five_levels_and_the_reason_asked_at_the_field(self):
        with api.env.adopt_roles(["Manager"]):
            case = new_case(received=now() - timedelta(days=20))
            bring_to(case, "closed")
        transaction.commit()
        self.look_up(case.getId())
        labels = self.css(".sz-rating-level")
        self.assertEqual([label.text for label in labels], ["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
        self.assertEqual(self.css(".sz-rating-levels legend")[0].text, "满意程度")
        for label in labels:  # the whole row is the touch target
            self.assertGreaterEqual(label.size["height"], 44)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("progress-2-rating-phone")
        self.assertAccessible()

        self.click(labels[3])  # 不满意, no reason
        self.click(self.css("button[name=rate]")[0])
        error = self.wait_for(lambda d: self.css("#rating-comment-error"))[0]
        self.assertEqual(error.text, "选择“不满意”或“非常不满意”时，请填写不满意的原因。")
        self.assertTrue(self.css("input[name=level][value=dissatisfied]")[0].is_selected())
        self.screenshot("progress-3-reason-asked-phone")
        self.assertAccessible()

        self.css("#rating-comment")[0].send_keys("等了很久才有人回电话")
        self.click(self.css("button[name=rate]")[0])
        given = self.wait_for(lambda d: self.css(".laborrights-rating-given"))[0]
        self.assertIn("不满意", given.text)
        self.assertIn("等了很久才有人回电话", given.text)
        self.screenshot("progress-4-rated-phone")
