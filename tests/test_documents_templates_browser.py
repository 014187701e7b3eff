"""Documents from templates in a real browser: the handler issues a 受理通知书 from the case's
正式文书 page and finds it listed with its number; the site administrator uploads a file that is
no Word document to 文书模板 and reads why it was refused under that template's row.
Screenshots in test-output/ (issued-documents.png, document-templates-refused.png). Skipped like
the other browser tests when Chromium or its driver is missing (see tests/browser_helpers.py)."""

from plone import api
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture

import re
import tempfile
import transaction
import unittest


class TestTemplatesInBrowser(RoutingFixture, BrowserTestMixin, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        self.make_people()
        make_user("siteadmin", roles=["Site Administrator"])
        self.case = new_case(received=at(2026, 7, 13, 10))
        with api.env.adopt_roles(["Manager"]):
            api.user.get(username="staff_a").setMemberProperties({"fullname": "李承办"})
            route(self.case, self.a, handler="staff_a", route="mediation")
            api.content.transition(self.case, transition="accept")  # the 受理通知书 is issued
        transaction.commit()
        self.case_path = "/" + "/".join(self.case.getPhysicalPath()[len(self.portal.getPhysicalPath()) :])

    def login(self, username):
        self.open("/login")
        self.css("#__ac_name")[0].send_keys(username)
        self.css("#__ac_password")[0].send_keys(PASSWORD)
        self.click(self.css("#buttons-login")[0])
        self.wait_for(lambda d: self.css("body.userrole-authenticated"))

    def test_the_handler_issues_an_acceptance_notice(self):
        self.login("staff_a")
        self.open(self.case_path)
        [link] = self.css("#case-issued-documents a.sz-more")
        self.assertEqual((link.text, link.is_displayed()), ("出具、下载", True))
        self.driver.get(link.get_attribute("href"))
        self.wait_for(lambda d: self.css(".sz-issue button"))
        buttons = {button.text: button for button in self.css(".sz-issue button")}
        self.assertEqual(sorted(buttons), ["劳动保障维权事项登记表", "受理通知书"])
        # the acceptance notice issued by itself when the case was accepted is listed already
        self.assertEqual(len(self.css("table.sz-issued-documents tbody tr")), 1)
        self.click(buttons["受理通知书"])
        self.wait_for(lambda d: len(self.css("table.sz-issued-documents tbody tr")) == 2)
        row, automatic = self.css("table.sz-issued-documents tbody tr")
        self.assertEqual(automatic.find_elements("css selector", "td")[1].text, "受理通知书")
        cells = [cell.text for cell in row.find_elements("css selector", "td")]
        self.assertRegex(cells[0], re.compile(r"^随劳调受字〔\d{4}〕第\d{4}号$"))
        self.assertEqual(cells[1:2] + cells[3:4], ["受理通知书", "李承办"])
        self.assertIn("Word 文档", cells[4])
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("issued-documents")

    def test_the_administrator_is_told_why_a_file_is_refused(self):
        self.login("siteadmin")
        self.open("/@@document-templates")
        with tempfile.NamedTemporaryFile(suffix=".docx", prefix="受理通知书-") as upload:
            upload.write(b"this is a scanned letter, not a Word document")
            upload.flush()
            self.css("#file-acceptance")[0].send_keys(upload.name)
            self.click(self.css("#template-acceptance button[type=submit]")[0])
            self.wait_for(lambda d: self.css("#template-acceptance .invalid-feedback"))
        message = self.css("#template-acceptance .invalid-feedback")[0].text
        self.assertIn("该文件不是 Word 文档（.docx）", message)
        self.assertIn("默认模板", self.css("#template-acceptance")[0].text)
        transaction.begin()
        self.assertEqual(docx_templates.current_data("acceptance"), docx_templates.default_data("acceptance"))
        self.screenshot("document-templates-refused")
