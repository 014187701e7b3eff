"""Enterprise service orders (仲裁员进企业): the checks, the public form files an order (not a case),
assignment and visits, and who may see them (staff only)."""

from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.enterprise import orders
from suizhou.laborrights.enterprise.views import OrderReceipt
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.enterprise_helpers import CONTACT_PHONE
from tests.enterprise_helpers import make_arbitrator
from tests.enterprise_helpers import make_order
from tests.enterprise_helpers import order_data
from tests.helpers import browser_for
from tests.helpers import count_cases
from tests.helpers import make_user
from unittest import mock
from zExceptions import Unauthorized

import gzip
import transaction
import unittest


class TestOrderChecks(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_a_good_order_passes(self):
        self.assertEqual(orders.order_errors(order_data()), {})

    def test_bad_credit_code_phone_and_missing_topics_in_chinese(self):
        errors = orders.order_errors(
            order_data(employer_credit_code="91421300MA4000000X", contact_phone="139-07", topics=[])
        )
        self.assertIn("统一社会信用代码不正确", errors["employer_credit_code"])
        self.assertIn("电话号码不正确", errors["contact_phone"])
        self.assertIn("请填写“需要的服务”", errors["topics"])


class TestReferences(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_a_reference_already_given_is_never_given_again(self):
        tokens = iter(["AAAA0001", "AAAA0001", "AAAA0001", "BBBB0002"])
        with mock.patch.object(orders, "new_token", lambda: next(tokens)):
            with api.env.adopt_roles(["Manager"]):
                first = orders.create_order(order_data(employer_name="随州市第一测试有限公司"))
                second = orders.create_order(order_data(employer_name="随州市第二测试有限公司"))
        self.assertTrue(orders.reference(first).endswith("AAAA0001"))
        self.assertTrue(orders.reference(second).endswith("BBBB0002"), orders.reference(second))
        names = {o.employer_name for o in orders.all_orders()}
        self.assertEqual(names, {"随州市第一测试有限公司", "随州市第二测试有限公司"})

    def test_a_reference_has_32_random_bits(self):
        self.assertRegex(orders.new_token(), r"^[0-9A-F]{8}$")

    def test_the_receipt_shows_new_and_earlier_references_only(self):
        request = self.layer["request"]
        for typed, shown in (
            ("qy20261202ab12cd34", "QY20261202AB12CD34"),  # 8 hex since review item 15
            ("QY20261125AB12", "QY20261125AB12"),  # 4 hex, given before
            ("QY20261202AB12-1", ""),
            ("<script>", ""),
        ):
            request.form["reference"] = typed
            page = OrderReceipt(self.layer["portal"], request)  # the employer-service form's receipt
            self.assertEqual(page.reference(), shown, typed)


class TestAssignmentAndVisits(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        make_arbitrator("arbiter")
        make_user("clerk-elsewhere")

    def test_an_order_is_no_case_and_its_visit_is_listed_on_its_page(self):
        cases_before = count_cases()
        order = make_order(arbitrator="arbiter")
        self.assertEqual(count_cases(), cases_before)
        self.assertEqual(order.portal_type, "ServiceOrder")
        login(self.portal, "arbiter")
        page = order.restrictedTraverse("@@view")()
        self.assertIn("按实际加班时长计发加班费", page)
        self.assertIn("2026-12-20", page)
        self.assertIn("添加走访记录", page)

    def test_the_assigned_arbitrator_may_edit_and_reassignment_takes_it_away(self):
        make_arbitrator("arbiter2")
        order = make_order(arbitrator="arbiter")
        self.assertIn("Editor", order.get_local_roles_for_userid("arbiter"))
        with api.env.adopt_roles(["Manager"]):
            orders.assign(order, "arbiter2")
        self.assertNotIn("Editor", order.get_local_roles_for_userid("arbiter"))
        self.assertIn("Editor", order.get_local_roles_for_userid("arbiter2"))

    def test_a_staff_member_who_is_no_arbitrator_and_anonymous_cannot_open_an_order(self):
        order = make_order()
        visit = orders.visits(order)[0]
        login(self.portal, "clerk-elsewhere")
        for obj in (order, visit):
            with self.assertRaises(Unauthorized):
                self.portal.restrictedTraverse("/".join(obj.getPhysicalPath()[2:]))
        self.assertEqual(len(api.content.find(portal_type=["ServiceOrder", "ServiceVisit"])), 0)
        logout()
        self.assertEqual(len(api.content.find(portal_type=["ServiceOrder", "ServiceVisit"])), 0)
        self.assertEqual(len(api.content.find(SearchableText="测试专用汽车")), 0)


class TestPublicFormAndPrivacy(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.app = self.layer["app"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        make_arbitrator("arbiter")
        self.order = make_order(arbitrator="arbiter")
        transaction.commit()

    def anonymous(self):
        from plone.testing.zope import Browser

        browser = Browser(self.app)
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        return browser

    def test_the_employer_form_files_an_order_not_a_case(self):
        cases_before = count_cases()
        browser = self.anonymous()
        browser.handleErrors = True
        browser.open(f"{self.portal.absolute_url()}/apply/employer-service")
        values = {
            "employer_name": "随州市表单测试机械有限公司",
            "employer_credit_code": order_data()["employer_credit_code"],
            "employer_address": "随州市曾都区表单路1号",
            "applicant_name": "表单联系人",
            "applicant_phone": "13807221111",
            "facts": "规章制度审查。",
        }
        for name, value in values.items():
            browser.getControl(name=f"form.widgets.{name}").value = value
        browser.getControl(name="form.widgets.district:list").value = ["zengdu"]
        browser.getControl(name="form.widgets.service_topics:list").value = ["rules"]
        browser.getControl(name="form.widgets.service_mode:list").value = ["visit"]
        browser.getControl(name="form.widgets.confirm:list").value = ["selected"]
        browser.getControl(name="form.buttons.submit").click()
        self.assertIn("@@service-order-receipt", browser.url)
        self.assertIn("企业服务预约已受理", browser.contents)
        transaction.begin()
        self.assertEqual(count_cases(), cases_before)
        [order] = [o for o in orders.all_orders() if o.employer_name == "随州市表单测试机械有限公司"]
        self.assertEqual(order.topics, ["rules"])
        self.assertIn(orders.reference(order), browser.contents)
        self.assertIn("仲裁员上门服务", order.questions)

    def test_a_bad_credit_code_is_refused_at_the_field_and_kept(self):
        browser = self.anonymous()
        browser.handleErrors = True
        browser.open(f"{self.portal.absolute_url()}/apply/employer-service")
        browser.getControl(name="form.widgets.employer_credit_code").value = "91421300MA4000000X"
        browser.getControl(name="form.widgets.employer_name").value = "随州市保留测试有限公司"
        browser.getControl(name="form.buttons.submit").click()
        self.assertIn("统一社会信用代码不正确", browser.contents)
        self.assertEqual(browser.getControl(name="form.widgets.employer_name").value, "随州市保留测试有限公司")

    def test_anonymous_gets_no_order_on_pages_search_sitemap_feeds_or_rest(self):
        order_url = self.order.absolute_url()
        browser = self.anonymous()
        browser.handleErrors = True
        for url in (order_url, f"{order_url}/{orders.visits(self.order)[0].getId()}"):
            browser.open(url)
            self.assertNotIn("加班费以固定补贴代替", browser.contents)
            self.assertNotIn(CONTACT_PHONE, browser.contents)
        portal_url = self.portal.absolute_url()
        for url in (
            f"{portal_url}/@@search?SearchableText=测试专用汽车",
            f"{portal_url}/sitemap.xml.gz",
            f"{portal_url}/RSS",
            f"{portal_url}/enterprise-services/@@enterprise-register",
            f"{portal_url}/++api++/@search?portal_type=ServiceOrder&fullobjects=1",
            f"{portal_url}/++api++/enterprise-services/{self.order.getId()}",
        ):
            browser.open(url)
            contents = browser.contents
            if isinstance(contents, bytes):
                contents = (gzip.decompress(contents) if contents[:2] == b"\x1f\x8b" else contents).decode()
            self.assertNotIn(self.order.getId(), contents.lower(), url)
            self.assertNotIn(CONTACT_PHONE, contents, url)

    def test_the_arbitrator_opens_the_order(self):
        browser = browser_for(self.app, "arbiter")
        browser.open(self.order.absolute_url())
        self.assertIn(CONTACT_PHONE, browser.contents)
        self.assertIn("加班费以固定补贴代替", browser.contents)
