"""Publishing a typical case with review, in a real browser: a publicity officer writes it (the
form reminds them to anonymise), submits it, the reviewers are told by e-mail, a reviewer
publishes it, and the public finds it by searching in Chinese. Skipped like the other browser
tests when Chromium or its driver is missing (see tests/browser_helpers.py)."""

from plone import api
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.helpers import make_user
from tests.helpers import PASSWORD
from urllib.parse import quote

import email
import transaction
import unittest


TITLE = "快递分拣员加班费争议经工会调解当场兑现"


class TestReviewerPublishesTypicalCase(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        portal = self.portal
        portal._original_MailHost = portal.MailHost
        portal.MailHost = mailhost = MockMailHost("MailHost")
        portal.getSiteManager().registerUtility(mailhost, provided=IMailHost)
        api.portal.set_registry_record("plone.email_from_address", "noreply@example.org")
        api.portal.set_registry_record("plone.email_from_name", "维权服务平台")
        make_user("xuanchuan", groups=["publicity_staff"])
        make_user("shenhe", groups=["reviewers"])
        transaction.commit()

    def login(self, username):
        self.open("/logout")
        self.open("/login")
        self.css("#__ac_name")[0].send_keys(username)
        self.css("#__ac_password")[0].send_keys(PASSWORD)
        self.css("#buttons-login")[0].click()
        self.wait_for(
            lambda d: self.css(
                "#personaltools-logout, #portal-personaltools .user-name, body.userrole-authenticated"
            )
        )

    def transition(self, name):
        """Do a workflow transition through the toolbar's state menu, as a person would."""
        self.css("#plone-contentmenu-workflow > a")[0].click()
        link = self.wait_for(
            lambda d: [e for e in self.css(f"#workflow-transition-{name}") if e.is_displayed()]
        )
        link[0].click()
        self.wait_for(lambda d: d.execute_script("return document.readyState") == "complete")

    def write_rich_text(self, field_id, text):
        """Write a paragraph into the TinyMCE editor (an iframe) of a rich text field."""
        frame = self.wait_for(lambda d: self.css(f"#formfield-{field_id} iframe"))[0]
        self.driver.switch_to.frame(frame)
        try:
            self.driver.execute_script(
                "var p = document.createElement('p'); p.textContent = arguments[0];"
                "document.body.replaceChildren(p);"
                "document.body.dispatchEvent(new Event('input', {bubbles: true}));",
                text,
            )
        finally:
            self.driver.switch_to.default_content()

    def mails(self):
        transaction.begin()  # see what the server's transactions wrote
        return [
            email.message_from_bytes(m) if isinstance(m, bytes) else m for m in self.portal.MailHost.messages
        ]

    def test_write_submit_review_publish_find(self):
        from selenium.webdriver.support.ui import Select

        # The publicity officer writes the case; the form reminds them to anonymise.
        self.login("xuanchuan")
        self.open("/typical-cases/++add++TypicalCase")
        reminder = self.css("#sz-anonymisation-reminder")
        self.assertTrue(reminder and reminder[0].is_displayed())
        self.assertIn("发布前请脱敏", reminder[0].text)
        self.css("#form-widgets-IDublinCore-title")[0].send_keys(TITLE)
        # Plone's sticky form buttons cover the lower part of the screen: tick by script.
        overtime = self.css("#form-widgets-dispute_types-5")[0]  # 加班费
        self.driver.execute_script("arguments[0].click()", overtime)
        self.assertTrue(overtime.is_selected())
        Select(self.css("#form-widgets-district")[0]).select_by_visible_text("随州高新区")
        self.css("#form-widgets-summary")[0].send_keys(
            "某快递分拣中心拖欠12名分拣员“双十一”期间加班费，工会调解员当天促成兑现。"
        )
        self.write_rich_text(
            "form-widgets-facts", "2026年11月，周某等12名分拣员反映某快递分拣中心未支付旺季加班费。"
        )
        self.screenshot("review-1-add-form")
        self.click(self.css("#form-buttons-save")[0])
        self.wait_for(lambda d: TITLE in d.title)
        case_url = self.driver.current_url.split("?")[0].rstrip("/")
        if case_url.endswith("/view"):
            case_url = case_url[: -len("/view")]

        # Not public yet; the officer can submit it but not publish it.
        self.css("#plone-contentmenu-workflow > a")[0].click()
        self.assertFalse(self.css("#workflow-transition-publish"))
        self.css("#plone-contentmenu-workflow > a")[0].click()
        self.transition("submit")
        self.assertEqual(self.mails_to(), ["shenhe@example.org"])

        # The reviewer publishes it.
        self.login("shenhe")
        self.driver.get(case_url)
        self.wait_for(lambda d: TITLE in d.page_source)  # the page may still be loading under load
        self.screenshot("review-2-pending")
        self.transition("publish")

        # The public sees it in the listing and finds it by searching in Chinese.
        self.open("/logout")
        self.open("/typical-cases")
        self.wait_for(lambda d: TITLE in d.page_source)  # the page may still be loading under load
        self.open("/@@search?SearchableText=" + quote("加班费"))
        self.wait_for(lambda d: TITLE in d.page_source)  # the page may still be loading under load
        self.open("/@@search?SearchableText=" + quote("分拣员"))
        self.wait_for(lambda d: TITLE in d.page_source)  # the page may still be loading under load
        self.driver.get(case_url)
        self.screenshot("review-3-published")
        self.assertAccessible()

    def mails_to(self):
        return sorted(m["To"] for m in self.mails())
