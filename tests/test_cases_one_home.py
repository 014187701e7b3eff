"""Every way a case comes in obeys the same rules (issue 11): a clerk registers cases in the
own district only, and a 12345 matter needs its ticket number — on the intake desk, the oral
application, POST @cases, the add form and ``file_case`` itself, with the same Chinese messages.
"""

from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.testing.zope import Browser
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.filing import FilingError
from tests.api_helpers import ApiTestCase
from tests.helpers import case_fields
from tests.helpers import make_user
from tests.helpers import valid_id_number

import lxml.html
import transaction


PASSWORD = "secret-password-123"  # tests.helpers.make_user
NOT_YOUR_DISTRICT = "您没有为该区县登记事项的权限，请选择您所在的区县。"
TICKET_REQUIRED = "12345热线转来的事项请填写工单号。"


class OneHomeTestCase(ApiTestCase):
    """A clerk of 曾都区 (zengdu); 广水市 (guangshui) is somebody else's district."""

    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            make_user("zengdu_clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()
        self.session_zengdu = self.session("zengdu_clerk")
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic zengdu_clerk:{PASSWORD}")

    def field_text(self, name):
        """The text of a field's block on the page: label, input and error message."""
        page = lxml.html.fromstring(self.browser.contents)
        blocks = page.xpath(f'//div[@id="formfield-form-widgets-{name}"]')
        return " ".join(block.text_content() for block in blocks)

    def filed_by_function(self, **overrides):
        """The errors ``file_case`` refuses the filing with, as the clerk; {} if it was filed."""
        transaction.begin()
        login(self.portal, "zengdu_clerk")
        try:
            file_case(case_fields(**overrides))
        except FilingError as error:
            return error.errors
        finally:
            transaction.abort()
            logout()
        return {}

    def desk(self, view, **values):
        browser = self.browser
        browser.open(f"{self.portal_url}/cases/zengdu/{view}")
        browser.getControl(name="form.widgets.applicant_name").value = "测试申请人孙小林"
        browser.getControl(name="form.widgets.applicant_phone").value = "13807223333"
        browser.getControl(name="form.widgets.dispute_types:list").value = ["wage_arrears"]
        browser.getControl(name="form.widgets.facts").value = "工资拖欠两个月。"
        for name, value in values.items():
            control = f"form.widgets.{name}:list" if isinstance(value, list) else f"form.widgets.{name}"
            browser.getControl(name=control).value = value
        browser.getControl(name="form.buttons.register").click()

    def add_form(self, **values):
        browser = self.browser
        browser.open(f"{self.portal_url}/cases/zengdu/++add++Case")
        browser.getControl(name="form.widgets.applicant_name").value = "表单申请人周七"
        browser.getControl(name="form.widgets.applicant_id_number").value = valid_id_number(9)
        browser.getControl(name="form.widgets.applicant_phone").value = "13907226789"
        browser.getControl(name="form.widgets.dispute_types:list").value = ["wage_arrears"]
        browser.getControl(name="form.widgets.workers_involved").value = "1"
        browser.getControl(name="form.widgets.facts").value = "2026年9月工资未发放。"
        for name, value in values.items():
            control = f"form.widgets.{name}:list" if isinstance(value, list) else f"form.widgets.{name}"
            browser.getControl(name=control).value = value
        browser.getControl(name="form.buttons.save").click()

    def assertNothingFiled(self, before):
        self.assertEqual(self.case_count(), before)


class TestOwnDistrictOnly(OneHomeTestCase):
    def test_file_case(self):
        before = self.case_count()
        self.assertEqual(self.filed_by_function(district="guangshui").get("district"), NOT_YOUR_DISTRICT)
        self.assertNothingFiled(before)
        self.assertEqual(self.filed_by_function(), {})  # the own district: filed

    def test_intake_desk(self):
        before = self.case_count()
        self.desk("@@intake-desk", channel=["window"], district=["guangshui"])
        self.assertNotIn("@@intake-receipt", self.browser.url)
        self.assertIn(NOT_YOUR_DISTRICT, self.field_text("district"))
        self.assertNothingFiled(before)

    def test_oral_application(self):
        before = self.case_count()
        self.desk("@@oral-application", channel=["window"], district=["guangshui"])
        self.assertNotIn("@@intake-receipt", self.browser.url)
        self.assertIn(NOT_YOUR_DISTRICT, self.field_text("district"))
        self.assertNothingFiled(before)

    def test_rest(self):
        before = self.case_count()
        for fields in ({"channel": "window"}, {"channel": "hotline_12345", "hotline_ticket": "T-42"}):
            response = self.post_case(self.session_zengdu, district="guangshui", **fields)
            self.assertError(response, 400, "BadRequest", fields=["district"])
            self.assertEqual(response.json()["error"]["fields"]["district"], NOT_YOUR_DISTRICT)
        self.assertNothingFiled(before)

    def test_add_form(self):
        before = self.case_count()
        self.add_form(channel=["window"], district=["guangshui"])
        self.assertIn("++add++Case", self.browser.url)
        self.assertIn(NOT_YOUR_DISTRICT, self.field_text("district"))
        self.assertNothingFiled(before)
        self.add_form(channel=["window"], district=["zengdu"])
        self.assertNotIn("++add++Case", self.browser.url)
        self.assertEqual(self.case_count(), before + 1)


class TestHotlineTicketRequired(OneHomeTestCase):
    def test_file_case(self):
        before = self.case_count()
        errors = self.filed_by_function(channel="hotline_12345")
        self.assertEqual(errors.get("hotline_ticket"), TICKET_REQUIRED)
        self.assertNothingFiled(before)

    def test_intake_desk(self):
        before = self.case_count()
        self.desk("@@intake-desk", channel=["hotline_12345"], district=["zengdu"])
        self.assertIn(TICKET_REQUIRED, self.field_text("hotline_ticket"))
        self.assertNothingFiled(before)

    def test_rest(self):
        before = self.case_count()
        for session in (self.session_zengdu, self.hotline):
            response = self.post_case(session, channel="hotline_12345")
            self.assertError(response, 400, "BadRequest", fields=["hotline_ticket"])
            self.assertEqual(response.json()["error"]["fields"]["hotline_ticket"], TICKET_REQUIRED)
        self.assertNothingFiled(before)

    def test_add_form(self):
        before = self.case_count()
        self.add_form(channel=["hotline_12345"], district=["zengdu"])
        self.assertIn("++add++Case", self.browser.url)
        self.assertIn(TICKET_REQUIRED, self.field_text("hotline_ticket"))
        self.assertNothingFiled(before)
        self.add_form(channel=["hotline_12345"], district=["zengdu"], hotline_ticket="12345-20261008-0099")
        self.assertNotIn("++add++Case", self.browser.url)
        self.assertEqual(self.case_count(), before + 1)
