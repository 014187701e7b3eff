"""Staff accounts per district (issue 13 item 6): the district administrator creates, assigns,
disables and resets the accounts of its own district's units, and is refused for every action
across districts (another district's unit or account, a city-wide account); a clerk cannot use it."""

from plone import api
from plone.testing.zope import Browser
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.staff import accounts
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import browser_for
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture

import lxml.html
import transaction
import unittest


NEW_PASSWORD = "new-password-2026"


def can_log_in(login, password):
    plugin = api.portal.get_tool("acl_users").source_users
    return plugin.authenticateCredentials({"login": login, "password": password}) is not None


def groups_of(userid):
    return set(api.user.get(userid=userid).getGroups()) - {"AuthenticatedUsers"}


class StaffAccountsTestCase(RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_people()
        self.gs = make_station("gs-unit", district="guangshui", title="广水市维权中心", level="center").UID()
        make_user("staff_gs", groups=[unit_group_id(self.gs)])
        make_user("admin_gs", groups=["district_admins_guangshui"])
        transaction.commit()

    def as_admin(self, action, *args, user="admin_zengdu"):
        with api.env.adopt_user(username=user):
            return action(*args)

    def refused(self, action, *args, user="admin_zengdu"):
        with self.assertRaises(Refused) as refused:
            self.as_admin(action, *args, user=user)
        return str(refused.exception)


class TestOwnDistrict(StaffAccountsTestCase):
    def test_create_an_account_in_own_units(self):
        self.as_admin(accounts.create_account, "zengdu", "li.si", "李四", "", NEW_PASSWORD, [self.a])
        self.assertEqual(groups_of("li.si"), {unit_group_id(self.a)})
        self.assertEqual(api.user.get(userid="li.si").getProperty("fullname"), "李四")
        self.assertTrue(can_log_in("li.si", NEW_PASSWORD))
        self.assertIn("li.si", [row[0] for row in accounts.accounts("zengdu")])

    def test_assign_disable_and_reset(self):
        self.as_admin(accounts.assign, "zengdu", "staff_a", [self.a, self.b])
        self.assertEqual(groups_of("staff_a"), {unit_group_id(self.a), unit_group_id(self.b)})
        self.as_admin(accounts.disable, "zengdu", "staff_a")
        self.assertFalse(can_log_in("staff_a", PASSWORD))
        self.assertEqual(groups_of("staff_a"), set())
        self.assertIn(("staff_a", True), [(row[0], row[3]) for row in accounts.accounts("zengdu")])
        self.as_admin(accounts.reset_password, "zengdu", "staff_a", NEW_PASSWORD, [self.b])
        self.assertTrue(can_log_in("staff_a", NEW_PASSWORD))
        self.assertEqual(groups_of("staff_a"), {unit_group_id(self.b)})

    def test_password_rules_and_names(self):
        create = accounts.create_account
        self.assertIn("至少10位", self.refused(create, "zengdu", "wang.wu", "王五", "", "short", [self.a]))
        self.assertIn("已被使用", self.refused(create, "zengdu", "staff_b", "王五", "", NEW_PASSWORD, [self.a]))
        self.assertIn("登录名", self.refused(create, "zengdu", "王五", "王五", "", NEW_PASSWORD, [self.a]))
        self.assertIn("至少10位", self.refused(accounts.reset_password, "zengdu", "staff_a", "short"))
        self.assertIsNone(api.user.get(userid="wang.wu"))
        self.assertTrue(can_log_in("staff_a", PASSWORD))


class TestAcrossDistricts(StaffAccountsTestCase):
    def test_create_in_another_districts_unit_or_district_is_refused(self):
        self.assertIn("本区县的承办单位", self.refused(
            accounts.create_account, "zengdu", "zhao.liu", "赵六", "", NEW_PASSWORD, [self.gs]))
        self.assertIn("本区县", self.refused(
            accounts.create_account, "guangshui", "zhao.liu", "赵六", "", NEW_PASSWORD, [self.gs]))
        self.assertIsNone(api.user.get(userid="zhao.liu"))

    def test_assign_across_districts_is_refused(self):
        self.refused(accounts.assign, "zengdu", "staff_a", [self.gs])  # own staff to a foreign unit
        self.refused(accounts.assign, "zengdu", "staff_gs", [self.a])  # a foreign account
        self.refused(accounts.assign, "guangshui", "staff_gs", [self.gs])  # a foreign district
        self.refused(accounts.assign, "zengdu", "mediator", [self.a])  # a city-wide group's account
        self.refused(accounts.assign, "zengdu", "admin_gs", [self.a])
        self.assertEqual(groups_of("staff_gs"), {unit_group_id(self.gs)})
        self.assertEqual(groups_of("mediator"), {"mediators"})
        self.assertEqual(groups_of("staff_a"), {unit_group_id(self.a)})

    def test_disable_and_reset_across_districts_are_refused(self):
        for userid in ("staff_gs", "admin_gs", "mediator", "clerk", "admin_zengdu"):
            self.refused(accounts.disable, "zengdu", userid)
            self.refused(accounts.reset_password, "zengdu", userid, NEW_PASSWORD, [self.a])
            self.assertTrue(can_log_in(userid, PASSWORD), userid)
        self.refused(accounts.disable, "guangshui", "staff_gs")
        self.assertTrue(can_log_in("staff_gs", PASSWORD))

    def test_an_account_with_a_role_of_its_own_is_not_the_districts(self):
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username="staff_b", roles=["Site Administrator"])
        self.refused(accounts.reset_password, "zengdu", "staff_b", NEW_PASSWORD)
        self.assertTrue(can_log_in("staff_b", PASSWORD))

    def test_a_disabled_mark_does_not_hand_over_a_city_or_foreign_account(self):
        """The reviewer's case: a 市局管理员 whose biography reads 【已停用】zengdu (users edit it
        themselves), and another district's account carrying the same mark."""
        make_user("city_admin", groups=["city_admins"])
        with api.env.adopt_roles(["Manager"]):
            for userid in ("city_admin", "staff_gs"):
                api.user.get(userid=userid).setMemberProperties({"description": "【已停用】zengdu"})
        for userid in ("city_admin", "staff_gs"):
            refused = self.refused(accounts.reset_password, "zengdu", userid, NEW_PASSWORD, [self.a])
            self.assertIn("不属于本区县", refused)
            self.refused(accounts.disable, "zengdu", userid)
            self.assertFalse(can_log_in(userid, NEW_PASSWORD), userid)
            self.assertTrue(can_log_in(userid, PASSWORD), userid)
        self.assertEqual(groups_of("city_admin"), {"city_admins"})

    def test_a_clerk_or_a_unit_staff_member_may_do_nothing(self):
        for user in ("clerk", "staff_a"):
            self.refused(accounts.create_account, "zengdu", "x.y", "某某", "", NEW_PASSWORD, [self.a], user=user)
            self.refused(accounts.assign, "zengdu", "staff_b", [self.a], user=user)
            self.refused(accounts.disable, "zengdu", "staff_b", user=user)
            self.refused(accounts.reset_password, "zengdu", "staff_b", NEW_PASSWORD, user=user)
        self.assertTrue(can_log_in("staff_b", PASSWORD))


def form_index(browser, selector):
    """The index (for ``getForm``) of the page's form that matches the CSS ``selector``."""
    forms = lxml.html.fromstring(browser.contents).forms
    wanted = lxml.html.fromstring(browser.contents).cssselect(selector)[0]
    return [form.sourceline for form in forms].index(wanted.sourceline)


class TestPage(StaffAccountsTestCase):
    def open(self, user):
        browser = browser_for(self.layer["app"], user)
        browser.handleErrors, browser.raiseHttpErrors = True, False
        browser.open(self.portal.absolute_url() + "/@@district-staff")
        return browser

    def test_the_administrator_sees_and_creates_own_districts_staff(self):
        browser = self.open("admin_zengdu")
        page = lxml.html.fromstring(browser.contents)
        listed = [row.get("id") for row in page.cssselect(".sz-staff-accounts tbody tr")]
        self.assertEqual(sorted(listed), ["staff-staff_a", "staff-staff_b"])
        self.assertNotIn("广水市维权中心", browser.contents)
        form = browser.getForm(index=form_index(browser, "form.sz-staff-create"))
        form.getControl(name="username").value = "li.si"
        form.getControl(name="fullname").value = "李四"
        form.getControl(name="units:list").value = [self.a]
        form.getControl(name="password").value = "short"
        form.getControl(name="create").click()
        self.assertEqual(browser.headers["status"], "400 Bad Request")
        self.assertIn("密码至少10位", browser.contents)
        form = browser.getForm(index=form_index(browser, "form.sz-staff-create"))
        self.assertEqual(form.getControl(name="username").value, "li.si")
        form.getControl(name="password").value = NEW_PASSWORD
        form.getControl(name="create").click()
        self.assertIn("已创建账号", browser.contents)
        transaction.begin()
        self.assertTrue(can_log_in("li.si", NEW_PASSWORD))

    def test_typing_the_old_disabled_mark_into_ones_own_biography_does_nothing(self):
        make_user("nobody")  # an account with no group and no role: nobody's staff
        transaction.commit()
        browser = browser_for(self.layer["app"], "nobody")
        browser.open(self.portal.absolute_url() + "/@@personal-information")
        browser.getControl(name="form.widgets.description").value = "【已停用】zengdu"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(api.user.get(userid="nobody").getProperty("description"), "【已停用】zengdu")
        page = lxml.html.fromstring(self.open("admin_zengdu").contents)
        listed = [row.get("id") for row in page.cssselect(".sz-staff-accounts tbody tr")]
        self.assertEqual(sorted(listed), ["staff-staff_a", "staff-staff_b"])
        refused = self.refused(accounts.reset_password, "zengdu", "nobody", NEW_PASSWORD, [self.a])
        self.assertIn("不属于本区县", refused)
        self.assertEqual(groups_of("nobody"), set())
        self.assertTrue(can_log_in("nobody", PASSWORD))

    def test_a_disabled_account_is_listed_as_disabled_whatever_its_biography_says(self):
        self.as_admin(accounts.disable, "zengdu", "staff_b")
        with api.env.adopt_user(username="staff_b"):
            api.user.get(userid="staff_b").setMemberProperties({"description": "在职"})
        transaction.commit()
        page = lxml.html.fromstring(self.open("admin_zengdu").contents)
        row = page.get_element_by_id("staff-staff_b")
        self.assertIn("已停用", row.text_content())
        self.as_admin(accounts.reset_password, "zengdu", "staff_b", NEW_PASSWORD, [self.b])
        transaction.commit()
        self.assertTrue(can_log_in("staff_b", NEW_PASSWORD))
        self.assertEqual(groups_of("staff_b"), {unit_group_id(self.b)})

    def test_a_forged_post_for_another_district_is_refused(self):
        browser = self.open("admin_zengdu")
        form = browser.getForm(index=form_index(browser, "#staff-staff_a form"))
        form.getControl(name="district").value = "guangshui"
        form.getControl(name="userid").value = "staff_gs"
        form.getControl(name="disable").click()
        self.assertEqual(browser.headers["status"], "403 Forbidden")
        self.assertIn("只能管理本区县", browser.contents)
        transaction.begin()
        self.assertTrue(can_log_in("staff_gs", PASSWORD))

    def test_a_clerk_and_anonymous_cannot_open_the_page(self):
        for user in ("clerk", "staff_a", "mediator"):
            browser = self.open(user)
            self.assertNotIn("sz-staff-create", browser.contents, user)
            self.assertNotIn("staff-staff_b", browser.contents, user)

    def test_anonymous_cannot_open_the_page(self):
        browser = Browser(self.layer["app"])
        browser.handleErrors, browser.raiseHttpErrors = True, False
        browser.open(self.portal.absolute_url() + "/@@district-staff")
        self.assertNotIn("sz-staff-create", browser.contents)
        self.assertNotIn("staff-staff_b", browser.contents)
