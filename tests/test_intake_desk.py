"""The intake desk: walk-in, phone and 12345 matters on the registration form; oral applications."""

from plone import api
from plone.testing.zope import Browser
from suizhou.laborrights.cases.register import case_for_ticket
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.intake.desk import OralApplicationForm
from suizhou.laborrights.intake.interfaces import IOralApplication
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.desk_helpers import DeskTestCase
from tests.helpers import count_cases
from tests.helpers import make_user

import transaction
import unittest


class TestIntakeDesk(DeskTestCase):
    def test_walk_in_is_registered_with_its_channel(self):
        self.submit()
        case = self.registered()
        self.assertIsNotNone(case)
        self.assertEqual(case.channel, "window")
        self.assertEqual(case.district, "zengdu")
        self.assertEqual(api.content.get_state(case), "registered")
        self.assertEqual(case.applicant_name, "测试申请人李大山")

    def test_phone_matter(self):
        self.submit(channel=["phone"])
        self.assertEqual(self.registered().channel, "phone")

    def test_hotline_matter_keeps_its_ticket(self):
        self.submit(channel=["hotline_12345"], hotline_ticket="12345-20261008-0042")
        case = self.registered()
        self.assertEqual(case.channel, "hotline_12345")
        self.assertEqual(case.hotline_ticket, "12345-20261008-0042")
        self.assertEqual(case_for_ticket("12345-20261008-0042"), case.getId())

    def test_desk_cases_join_the_same_register_as_web_filings(self):
        self.submit(channel=["phone"])
        case = self.registered()
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.unrestrictedSearchResults(portal_type="Case", channel="phone", district="zengdu")
        self.assertEqual([brain.getId for brain in found], [case.getId()])
        self.assertEqual(case.getPhysicalPath()[-4:-2], ("cases", "zengdu"))

    def test_the_online_channels_are_not_offered(self):
        form = self.form_class(self.desk, self.request)
        form.update()
        tokens = [term.token for term in form.widgets["channel"].terms]
        self.assertIn("hotline_12345", tokens)
        self.assertNotIn("web", tokens)
        self.assertNotIn("mini_program", tokens)

    def test_duplicate_ticket_is_refused_in_chinese_and_nothing_stored(self):
        self.submit(channel=["hotline_12345"], hotline_ticket="12345-20261008-0042")
        first = self.registered()
        before = count_cases()
        form = self.submit(channel=["hotline_12345"], hotline_ticket="12345-20261008-0042")
        self.assertIn("已登记为事项" + first.getId(), self.errors(form)["hotline_ticket"])
        self.assertEqual(count_cases(), before)

    def test_every_problem_is_shown_at_once(self):
        self.submit(channel=["hotline_12345"], hotline_ticket="12345-20261008-0042")
        before = count_cases()
        form = self.submit(
            channel=["hotline_12345"], hotline_ticket="12345-20261008-0042", applicant_phone="1390722"
        )
        errors = self.errors(form)
        self.assertIn("电话号码不正确", errors["applicant_phone"])
        self.assertIn("同一工单不能重复登记", errors["hotline_ticket"])
        self.assertEqual(count_cases(), before)

    def test_hotline_matter_needs_its_ticket(self):
        before = count_cases()
        form = self.submit(channel=["hotline_12345"])
        self.assertIn("请填写工单号", self.errors(form)["hotline_ticket"])
        self.assertEqual(count_cases(), before)

    def test_ticket_only_with_the_hotline_channel(self):
        form = self.submit(channel=["window"], hotline_ticket="12345-1")
        self.assertIn("12345热线", self.errors(form)["hotline_ticket"])

    def test_invalid_data_gets_chinese_messages_and_stores_nothing(self):
        before = count_cases()
        form = self.submit(applicant_phone="1390722", applicant_id_number="421300199001020010", facts="")
        errors = self.errors(form)
        self.assertIn("电话号码不正确", errors["applicant_phone"])
        self.assertIn("身份证号码不正确", errors["applicant_id_number"])
        self.assertIn("facts", errors)
        self.assertEqual(count_cases(), before)
        self.assertIsNone(self.registered())

    def test_applicant_email_is_checked(self):
        form = self.submit(applicant_email="wang at example")
        self.assertIn("电子邮箱格式不正确", self.errors(form)["applicant_email"])
        self.submit(applicant_email="wang@example.org")
        self.assertEqual(self.registered().applicant_email, "wang@example.org")

    def test_a_district_clerk_cannot_register_for_another_district(self):
        before = count_cases()
        form = self.submit(district=["suixian"])
        self.assertIn("没有为该区县登记事项的权限", self.errors(form)["district"])
        self.assertEqual(count_cases(), before)

    def test_received_in_the_future_is_refused(self):
        form = self.submit(**{"received": "2099-01-01T09:00"})
        self.assertIn("不能晚于当前时间", self.errors(form)["received"])

    def test_district_is_preset_from_the_desk(self):
        form = self.form_class(self.desk, self.request)
        form.update()
        self.assertEqual(form.widgets["district"].value, ["zengdu"])


class TestOralApplication(DeskTestCase):
    form_class = OralApplicationForm

    def test_oral_application_needs_only_applicant_dispute_reasons_time(self):
        form = self.form_class(self.desk, self.request)
        form.update()
        self.assertNotIn("employer_credit_code", form.widgets)
        self.assertNotIn("workers_involved", form.widgets)
        self.submit(received="2026-10-08T10:30")
        case = self.registered()
        self.assertTrue(IOralApplication.providedBy(case))
        self.assertEqual(case.workers_involved, 1)
        self.assertEqual((case.received.year, case.received.month, case.received.day), (2026, 10, 8))
        self.assertIn("oral_application", [entry.action for entry in entries(case)])

    def test_oral_application_refuses_missing_reasons(self):
        before = count_cases()
        form = self.submit(facts="", applicant_name="")
        errors = self.errors(form)
        self.assertIn("facts", errors)
        self.assertIn("applicant_name", errors)
        self.assertEqual(count_cases(), before)


class TestDeskInTheBrowser(unittest.TestCase):
    """A clerk at a township station registers a walk-in and prints the receipt."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        make_user("clerk_zengdu", groups=["intake_clerks_zengdu"])
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", "Basic clerk_zengdu:secret-password-123")

    def test_register_and_print(self):
        browser = self.browser
        browser.open(f"{self.portal.absolute_url()}/cases/zengdu/@@intake-desk")
        self.assertIn("受理台", browser.contents)
        browser.getControl(name="form.widgets.channel:list").value = ["phone"]
        browser.getControl(name="form.widgets.applicant_name").value = "测试申请人赵小河"
        browser.getControl(name="form.widgets.applicant_phone").value = "13807221111"
        browser.getControl(name="form.widgets.dispute_types:list").value = ["wage_arrears"]
        browser.getControl(name="form.widgets.facts").value = "工资拖欠两个月。"
        browser.getControl(name="form.buttons.register").click()
        self.assertIn("@@intake-receipt", browser.url)
        self.assertIn("受理回执", browser.contents)
        self.assertIn("测试申请人赵小河", browser.contents)
        self.assertIn("138****1111", browser.contents)
        browser.open(browser.url + ".pdf")
        self.assertEqual(browser.headers["Content-Type"], "application/pdf")
        self.assertTrue(browser.contents.startswith(b"%PDF"))

    def test_anonymous_cannot_open_the_desk(self):
        browser = Browser(self.layer["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(f"{self.portal.absolute_url()}/cases/zengdu/@@intake-desk")
        self.assertEqual(browser.headers["status"], "404 Not Found")  # no credentials: no register
        self.assertNotIn("form.widgets.applicant_name", browser.contents)
