"""Lockout after repeated failed logins (issue 13 item 6), through the real login form: N-1
failures then the right password logs in; N failures lock the account, and even the right password
is refused with the Chinese message; after the lock period it works again; the district
administrator's reset unlocks; one account's failures do not lock another. Unknown logins are
answered alike (locked after N failures too), and a flood of them does not make the memory forget a
real account's failures or lock; the 12345 machine account is not locked for its own
server by failures from elsewhere."""

from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.base.utils import get_installer
from plone.restapi.testing import RelativeSession
from plone.testing.zope import Browser
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from suizhou.laborrights.staff import accounts
from suizhou.laborrights.staff import lockout
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture
from unittest import mock
from zExceptions import Unauthorized
from ZPublisher import HTTPRequest

import lxml.html
import transaction
import unittest


LOCKED = "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试或联系区管理员重置"
NEW_PASSWORD = "new-password-2026"
START = 1_800_000_000.0


class LockoutTestCase(RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_people()
        transaction.commit()
        lockout.forget_all()
        self.addCleanup(lockout.forget_all)
        self.clock = START
        patcher = mock.patch.object(lockout, "now", lambda: self.clock)
        patcher.start()
        self.addCleanup(patcher.stop)

    def log_in(self, login, password):
        """Log in through the login form; True when the site greets the user as logged in."""
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-CN")
        browser.open(self.portal.absolute_url() + "/login")
        browser.getControl(name="__ac_name").value = login
        browser.getControl(name="__ac_password").value = password
        browser.getControl(name="buttons.login").click()
        self.page = browser.contents
        try:  # a page only a logged-in member may see
            browser.open(self.portal.absolute_url() + "/@@personal-information")
        except Unauthorized:
            return False
        return 'name="__ac_password"' not in browser.contents

    def fail_logins(self, login, times):
        for _ in range(times):
            self.assertFalse(self.log_in(login, "wrong-password"))


class TestLockout(LockoutTestCase):
    def test_four_failures_then_the_right_password_logs_in_and_starts_afresh(self):
        self.fail_logins("staff_a", 4)
        self.assertTrue(self.log_in("staff_a", PASSWORD))
        self.fail_logins("staff_a", 4)  # the success reset the count: four more do not lock
        self.assertTrue(self.log_in("staff_a", PASSWORD))

    def test_five_failures_lock_even_the_right_password_until_the_period_is_over(self):
        self.fail_logins("staff_a", 5)
        self.assertFalse(self.log_in("staff_a", PASSWORD))
        self.assertIn(LOCKED, self.page)
        self.clock += 14 * 60
        self.assertFalse(self.log_in("staff_a", PASSWORD))
        self.assertIn("请 1 分钟后再试", self.page)
        self.clock += 60
        self.assertTrue(self.log_in("staff_a", PASSWORD))
        self.assertNotIn("账户已暂时锁定", self.page)

    def test_failures_spread_beyond_the_window_do_not_lock(self):
        self.fail_logins("staff_a", 4)
        self.clock += 16 * 60
        self.fail_logins("staff_a", 1)
        self.assertTrue(self.log_in("staff_a", PASSWORD))

    def test_one_accounts_failures_do_not_lock_another(self):
        self.fail_logins("staff_a", 5)
        self.assertTrue(self.log_in("staff_b", PASSWORD))
        self.assertNotIn("账户已暂时锁定", self.page)
        self.assertFalse(self.log_in("staff_a", PASSWORD))

    def test_the_district_administrators_reset_unlocks(self):
        self.fail_logins("staff_a", 5)
        self.assertFalse(self.log_in("staff_a", PASSWORD))
        with api.env.adopt_user(username="admin_zengdu"):
            accounts.reset_password("zengdu", "staff_a", NEW_PASSWORD)
        transaction.commit()
        self.assertTrue(self.log_in("staff_a", NEW_PASSWORD))

    def test_the_lock_holds_for_http_basic_and_the_rest_api_too(self):
        self.fail_logins("staff_a", 5)
        session = RelativeSession(self.portal.absolute_url() + "/")
        self.addCleanup(session.close)
        session.headers["Accept"] = "application/json"
        self.assertEqual(session.get("@users/staff_a", auth=("staff_a", PASSWORD)).status_code, 401)
        self.assertEqual(session.get("@users/staff_b", auth=("staff_b", PASSWORD)).status_code, 200)
        self.assertEqual(session.post("@login", json={"login": "staff_a", "password": PASSWORD}).status_code, 401)
        self.assertEqual(session.post("@login", json={"login": "staff_b", "password": PASSWORD}).status_code, 200)


class TestLoginsAnsweredAlike(LockoutTestCase):
    def test_an_unknown_login_is_answered_as_a_known_one_also_after_five_failures(self):
        answers = {}
        for login in ("staff_a", "no_such_login"):
            self.fail_logins(login, 4)
            fourth = status_messages(self.page)
            self.fail_logins(login, 1)
            self.assertFalse(self.log_in(login, "wrong-password"))
            answers[login] = (fourth, status_messages(self.page))
        self.assertEqual(answers["staff_a"], answers["no_such_login"])
        fourth, locked = answers["no_such_login"]
        self.assertNotIn(LOCKED, " ".join(fourth))
        self.assertIn(LOCKED, " ".join(locked))

    def test_an_unknown_login_costs_a_password_check_as_a_known_one(self):
        from AuthEncoding import AuthEncoding

        checks = {}
        validate = AuthEncoding.pw_validate
        for login in ("staff_a", "no_such_login"):
            with mock.patch.object(AuthEncoding, "pw_validate", side_effect=validate) as spy:
                self.assertFalse(self.log_in(login, "wrong-password"))
            checks[login] = spy.call_count
        self.assertEqual(checks["staff_a"], checks["no_such_login"])
        self.assertGreater(checks["staff_a"], 0)

    def test_the_memory_of_failures_is_bounded_and_forgets_the_expired_first(self):
        self.enterContext(mock.patch.object(lockout, "MAX_RECORDS", 3))
        self.fail_logins("guess_1", 1)
        self.fail_logins("guess_2", 1)
        self.clock += 16 * 60  # their failures are out of the window
        self.fail_logins("guess_0", 5)
        self.fail_logins("guess_3", 1)  # no room: the expired ones go, the lock stays
        self.assertLessEqual(len(lockout._unknown_records), 3)
        self.fail_logins("guess_4", 1)  # nothing expired: half goes, the running lock last
        self.fail_logins("guess_5", 1)
        self.assertLessEqual(len(lockout._unknown_records), 3)
        self.assertFalse(self.log_in("guess_0", "wrong-password"))
        self.assertIn(LOCKED, " ".join(status_messages(self.page)))

    def test_a_flood_of_made_up_logins_keeps_real_accounts_counts_and_locks(self):
        self.enterContext(mock.patch.object(lockout, "MAX_RECORDS", 3))
        self.fail_logins("staff_a", 5)  # locked
        self.fail_logins("staff_b", 4)  # one failure from the lock
        for guess in ("guess_1", "guess_2", "guess_3", "guess_4"):
            self.fail_logins(guess, 5)  # more locked made-up logins than the memory holds
        self.assertFalse(self.log_in("staff_a", PASSWORD))
        self.assertIn(LOCKED, " ".join(status_messages(self.page)))
        self.fail_logins("staff_b", 1)
        self.assertFalse(self.log_in("staff_b", PASSWORD))
        self.assertIn(LOCKED, " ".join(status_messages(self.page)))


class TestMachineAccount(LockoutTestCase):
    """The 12345 integration account calls the API over HTTP basic from its server (behind the
    site's proxy, which passes the caller's address in X-Forwarded-For)."""

    SERVER, PUBLIC = "10.20.0.5", "203.0.113.9"

    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            api.user.create(email="hotline@example.org", username="hotline_bot", password=PASSWORD)
            api.group.add_user(groupname="hotline_integration", username="hotline_bot")
        transaction.commit()
        patcher = mock.patch.object(HTTPRequest, "trusted_proxies", ["127.0.0.1"])
        patcher.start()
        self.addCleanup(patcher.stop)
        self.session = RelativeSession(self.portal.absolute_url() + "/")
        self.addCleanup(self.session.close)
        self.session.headers["Accept"] = "application/json"

    def call(self, login, password, address):
        response = self.session.get(f"@users/{login}", auth=(login, password), headers={"X-Forwarded-For": address})
        return response.status_code

    def test_failures_from_the_public_do_not_lock_the_12345_account_for_its_server(self):
        for _ in range(10):
            self.assertEqual(self.call("hotline_bot", "guess", self.PUBLIC), 401)
        self.assertEqual(self.call("hotline_bot", PASSWORD, self.PUBLIC), 401)  # the guesser is locked out
        self.assertEqual(self.call("hotline_bot", PASSWORD, self.SERVER), 200)  # the 12345 server is not

    def test_failures_from_its_own_server_lock_it_there(self):
        for _ in range(5):
            self.assertEqual(self.call("hotline_bot", "old-password", self.SERVER), 401)
        self.assertEqual(self.call("hotline_bot", PASSWORD, self.SERVER), 401)
        self.clock += 15 * 60
        self.assertEqual(self.call("hotline_bot", PASSWORD, self.SERVER), 200)

    def test_staff_accounts_are_locked_whatever_the_address(self):
        for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"):
            self.assertEqual(self.call("staff_a", "guess", address), 401)
        self.assertEqual(self.call("staff_a", PASSWORD, self.SERVER), 401)


def status_messages(page):
    """The status messages a page shows (its Chinese texts)."""
    html = lxml.html.fromstring(page)
    return [" ".join(node.text_content().split()) for node in html.xpath("//*[contains(@class, 'statusmessage')]")]


class TestInstalled(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_the_plugin_is_the_first_gate_and_source_users_is_checked_only_through_it(self):
        ids = api.portal.get_tool("acl_users").plugins.listPluginIds(IAuthenticationPlugin)
        self.assertEqual(ids[0], lockout.PLUGIN_ID)
        self.assertNotIn("source_users", ids)

    def test_uninstalling_gives_source_users_its_passwords_back(self):
        with api.env.adopt_roles(["Manager"]):
            get_installer(self.layer["portal"], self.layer["request"]).uninstall_product("suizhou.laborrights")
        acl_users = api.portal.get_tool("acl_users")
        self.assertNotIn(lockout.PLUGIN_ID, acl_users.objectIds())
        self.assertIn("source_users", acl_users.plugins.listPluginIds(IAuthenticationPlugin))
        self.assertIsNotNone(acl_users.authenticate(TEST_USER_NAME, TEST_USER_PASSWORD, self.layer["request"]))
