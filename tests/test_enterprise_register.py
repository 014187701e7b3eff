"""The enterprise register (企业台账): per credit code the orders, visits and disputes against the
employer; the risk level set by staff with a reason; staff-only."""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.enterprise import register
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.enterprise_helpers import EMPLOYER_CODE
from tests.enterprise_helpers import make_arbitrator
from tests.enterprise_helpers import make_order
from tests.helpers import browser_for
from tests.helpers import make_user
from tests.helpers import new_case

import transaction
import unittest


class TestRiskLevel(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_a_level_needs_a_known_level_and_a_reason(self):
        with self.assertRaises(register.RiskRefused) as refused:
            register.set_risk_level(EMPLOYER_CODE, "extreme", " ", "arbiter")
        self.assertEqual(refused.exception.errors["level"], "请选择风险等级。")
        self.assertEqual(refused.exception.errors["reason"], "请填写设定风险等级的理由。")
        self.assertIsNone(register.risk_level(EMPLOYER_CODE))

    def test_a_high_level_makes_a_risk_source_and_the_history_is_kept(self):
        self.assertFalse(register.is_risk_source(EMPLOYER_CODE))
        register.set_risk_level(EMPLOYER_CODE, "high", "三个月内两起集体欠薪投诉", "arbiter")
        register.set_risk_level(EMPLOYER_CODE.lower(), "low", "已整改，补发工资", "arbiter")
        self.assertEqual(register.risk_level(EMPLOYER_CODE), "low")
        self.assertFalse(register.is_risk_source(EMPLOYER_CODE))
        self.assertEqual(
            [entry["reason"] for entry in register.risk_history(EMPLOYER_CODE)][0], "三个月内两起集体欠薪投诉"
        )

    def test_the_disputes_against_the_employer_are_found_by_credit_code(self):
        new_case(employer_credit_code=EMPLOYER_CODE, employer_name="随州市测试专用汽车有限公司")
        new_case()  # another employer
        make_arbitrator("arbiter")
        login(self.layer["portal"], "arbiter")
        # the arbitrator learns there is one, and sees none of the cases' personal data
        cases, total = register.disputes_against(EMPLOYER_CODE, "随州市测试专用汽车有限公司")
        self.assertEqual((len(cases), total), (0, 1))


class TestRegisterPage(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.app = self.layer["app"]
        make_arbitrator("arbiter")
        make_user("clerk-elsewhere")
        self.order = make_order(arbitrator="arbiter")
        new_case(employer_credit_code=EMPLOYER_CODE, employer_name="随州市测试专用汽车有限公司")
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/enterprise-services/@@enterprise-register"

    def test_the_arbitrator_sees_orders_visits_disputes_and_sets_a_level(self):
        browser = browser_for(self.app, "arbiter")
        browser.open(self.url)
        self.assertIn(EMPLOYER_CODE, browser.contents)
        browser.open(f"{self.url}?code={EMPLOYER_CODE}")
        self.assertIn(self.order.getId().upper(), browser.contents)
        self.assertIn("按实际加班时长计发加班费", browser.contents)  # the visit's advice
        self.assertIn("共 1 件", browser.contents)  # the dispute against it
        # no reason: refused at the field, the chosen level kept
        browser.getControl(name="level").value = ["high"]
        browser.getControl("保存风险等级").click()
        self.assertIn("请填写设定风险等级的理由。", browser.contents)
        self.assertEqual(browser.getControl(name="level").value, ["high"])
        browser.getControl(name="reason").value = "旺季加班费计算不规范，职工投诉集中"
        browser.getControl("保存风险等级").click()
        self.assertIn("本单位为风险源。", browser.contents)
        self.assertIn("旺季加班费计算不规范", browser.contents)
        transaction.begin()
        self.assertEqual(register.risk_level(EMPLOYER_CODE), "high")

    def test_another_staff_member_and_anonymous_are_refused(self):
        register.set_risk_level(EMPLOYER_CODE, "high", "隐私测试理由", "arbiter")
        transaction.commit()
        clerk = browser_for(self.app, "clerk-elsewhere")
        clerk.handleErrors, clerk.raiseHttpErrors = True, False
        for browser in (clerk, self.anonymous()):
            browser.open(f"{self.url}?code={EMPLOYER_CODE}")
            self.assertNotIn("隐私测试理由", browser.contents)
            self.assertNotIn("企业台账", browser.contents)

    def test_elsewhere_than_the_orders_folder_there_is_no_register(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        with api.env.adopt_roles(["Manager"]):
            page = self.portal.restrictedTraverse("@@enterprise-register")
            with self.assertRaises(Exception) as raised:
                page()
        self.assertEqual(type(raised.exception).__name__, "NotFound")

    def test_a_folder_elsewhere_named_enterprise_services_has_no_register(self):
        register.set_risk_level(EMPLOYER_CODE, "high", "隐私测试理由", "arbiter")
        with api.env.adopt_roles(["Manager"]):
            other = api.content.create(container=self.portal, type="Folder", id="other", title="其他")
            api.content.create(container=other, type="Folder", id="enterprise-services", title="假的企业服务")
        transaction.commit()
        admin = self.site_owner()
        admin.open(f"{self.portal.absolute_url()}/other/enterprise-services/@@enterprise-register?code={EMPLOYER_CODE}")
        self.assertEqual(admin.headers["status"], "404 Not Found")
        self.assertNotIn(EMPLOYER_CODE, admin.contents)
        self.assertNotIn("隐私测试理由", admin.contents)

    def test_setting_a_level_needs_the_forms_authenticator(self):
        browser = self.site_owner()
        browser.post(f"{self.url}?code={EMPLOYER_CODE}", "level=high&reason=%E4%BC%AA%E9%80%A0")
        self.assertNotEqual(browser.headers["status"], "200 OK")
        transaction.begin()
        self.assertIsNone(register.risk_level(EMPLOYER_CODE))

    def site_owner(self):
        browser = self.anonymous()
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        return browser

    def anonymous(self):
        from plone.testing.zope import Browser

        browser = Browser(self.app)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        return browser
