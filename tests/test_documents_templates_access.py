"""Who may issue and download the documents made from templates, and who may change the
templates: the handling unit's staff issue and download (each download in the access log);
another unit's staff, the applicant's side (anonymous) and staff who only view may not; only
Site Administrators and Managers reach @@document-templates, where a broken upload gets a
Chinese message at its field and the old template stays."""

from plone import api
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.documents import pdf_convert
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.audit_helpers import LogDirectory
from tests.docx_helpers import docx_text
from tests.docx_helpers import edited
from tests.helpers import APPLICANT_NAME
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture
from unittest import mock

import lxml.html
import re
import requests
import transaction
import unittest


class AccessFixture(RoutingFixture, LogDirectory):
    def setUp(self):
        self.use_own_log_directory()
        self.portal = self.layer["portal"]
        self.make_people()
        make_user("siteadmin", roles=["Site Administrator"])
        self.case = new_case(received=at(2026, 7, 13, 10))
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.a, handler="staff_a", route="mediation", when=at(2026, 7, 14, 9))
            with mock.patch("suizhou.laborrights.documents.automatic.now", return_value=at(2026, 7, 15, 9)):
                api.content.transition(self.case, transition="accept")  # the 受理通知书 is issued
        self.url = self.case.absolute_url()
        transaction.commit()

    def session(self, username):
        session = requests.Session()
        if username:
            session.auth = (username, PASSWORD)
        session.headers["Accept-Language"] = "zh-CN"
        return session

    def issue_as(self, username):
        session = self.session(username)
        page = session.get(f"{self.url}/@@issued-documents")
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)
        return session.post(
            f"{self.url}/@@issued-documents",
            data={"kind": "acceptance", "_authenticator": token[1] if token else ""},
            allow_redirects=False,
        )


class TestHandlers(AccessFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_the_handler_issues_and_downloads(self):
        response = self.issue_as("staff_a")
        self.assertEqual(response.status_code, 302)
        page = self.session("staff_a").get(f"{self.url}/@@issued-documents").text
        # newest first: the one issued now, then the one issued by itself when the case was accepted
        row, automatic = lxml.html.fromstring(page).cssselect("table.sz-issued-documents tbody tr")
        cells = [" ".join(cell.text_content().split()) for cell in row.cssselect("td")]
        self.assertRegex(cells[0], r"^随劳调受字〔\d{4}〕第\d{4}号$")
        self.assertEqual(cells[1], "受理通知书")
        self.assertEqual(automatic.cssselect("td")[2].text_content(), "2026年7月15日")  # the day it was accepted
        case_page = lxml.html.fromstring(self.session("staff_a").get(self.url).text)
        listed = [" ".join(item.text_content().split()) for item in case_page.cssselect("#case-issued-documents li")]
        self.assertIn(f"受理通知书 {cells[0]}", [text[: len(cells[0]) + 6] for text in listed])
        [docx_link] = row.cssselect("a[href$='.docx']")
        download = self.session("staff_a").get(docx_link.get("href"))
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.headers["Cache-Control"], "private, no-store")
        self.assertIn(APPLICANT_NAME, docx_text(download.content))
        self.assertIn(cells[0], docx_text(download.content))
        self.assertIn(
            ("staff_a", "download", self.case.getId()),
            [(entry["user"], entry["kind"], entry["case"]) for entry in self.lines()],
        )

    def test_the_pdf_is_kept_after_the_first_download(self):
        document = issuing.latest(self.case, "acceptance")  # issued at acceptance
        url = f"{self.url}/@@issued-document/{document['id']}.pdf"
        first = self.session("staff_a").get(url, allow_redirects=False)
        self.assertEqual((first.status_code, first.headers["Content-Type"]), (200, "application/pdf"))
        transaction.begin()
        self.assertEqual(issuing.find(self.case, document["id"])["pdf"].data, first.content)  # a GET that kept it
        with mock.patch.object(pdf_convert, "to_pdf", side_effect=AssertionError("converted again")):
            second = self.session("staff_a").get(url, allow_redirects=False)
        self.assertEqual((second.status_code, second.content), (200, first.content))


class TestDenials(AccessFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        with api.env.adopt_user(username="staff_a"):
            self.document = issuing.issue(self.case, "acceptance")
        transaction.commit()
        self.download = f"{self.url}/@@issued-document/{self.document['id']}.docx"
        self.issued = len(issuing.issued(self.case))  # with the acceptance issued at acceptance

    def assertDenied(self, username):
        session = self.session(username)
        for url in (f"{self.url}/@@issued-documents", self.download, self.download[: -len("docx")] + "pdf"):
            response = session.get(url, allow_redirects=False)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertNotIn(APPLICANT_NAME, response.text)
            self.assertNotIn(self.document["number"], response.text)
            self.assertFalse(response.content.startswith(b"PK"), url)
            self.assertFalse(response.content.startswith(b"%PDF"), url)
        posted = self.issue_as(username)
        self.assertNotIn(posted.status_code, (200, 302))
        transaction.begin()
        self.assertEqual(len(issuing.issued(self.case)), self.issued)
        self.assertEqual(self.lines(), [])

    def test_another_units_staff(self):
        self.assertDenied("staff_b")

    def test_anonymous(self):
        self.assertDenied(None)

    def test_a_district_administrator_of_another_district(self):
        make_user("admin_guangshui", groups=["district_admins_guangshui"])
        transaction.commit()
        self.assertDenied("admin_guangshui")

    def test_the_intake_clerk(self):
        self.assertDenied("clerk")


class TestTemplatesControlPanel(AccessFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def panel(self, username):
        return self.session(username).get(f"{self.portal.absolute_url()}/@@document-templates", allow_redirects=False)

    def test_only_site_administrators(self):
        page = self.panel("siteadmin")
        self.assertEqual(page.status_code, 200)
        titles = [
            " ".join(td.text_content().split())
            for td in lxml.html.fromstring(page.text).cssselect("table.sz-document-templates tbody tr td:first-child")
        ]
        self.assertEqual(
            titles,
            [
                "受理通知书",
                "不予受理通知书",
                "补正通知书",
                "调解协议书",
                "结案通知书",
                "延长仲裁期限通知书",
                "逾期未受理告知书",
                "劳动保障维权事项登记表",
                "司法确认申请书",
            ],
        )
        self.assertIn("applicant_name", page.text)
        for username in ("staff_a", "admin_zengdu", None):
            with self.subTest(user=username):
                self.assertNotEqual(self.panel(username).status_code, 200)

    def upload(self, data, filename="受理通知书.docx"):
        session = self.session("siteadmin")
        page = session.get(f"{self.portal.absolute_url()}/@@document-templates").text
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page)[1]
        return session.post(
            f"{self.portal.absolute_url()}/@@document-templates",
            data={"kind": "acceptance", "_authenticator": token},
            files={"file": (filename, data, docx_templates.DOCX_TYPE)},
            allow_redirects=False,
        )

    def test_upload_download_and_a_broken_file(self):
        mine = edited(docx_templates.default_data("acceptance"), "特此通知。", "特此通知！")
        self.assertEqual(self.upload(mine).status_code, 302)
        page = self.panel("siteadmin").text
        row = lxml.html.fromstring(page).get_element_by_id("template-acceptance")
        self.assertIn("已上传：受理通知书.docx（siteadmin，", " ".join(row.text_content().split()))
        [link] = row.cssselect("a[href*='download=acceptance']")
        self.assertEqual(self.session("siteadmin").get(link.get("href")).content, mine)

        refused = self.upload(b"this is no word file")
        self.assertEqual(refused.status_code, 400)
        row = lxml.html.fromstring(refused.text).get_element_by_id("template-acceptance")
        [message] = row.cssselect(".invalid-feedback")
        self.assertIn("该文件不是 Word 文档", message.text_content())
        self.assertIn("is-invalid", row.cssselect("input[type=file]")[0].get("class"))
        self.assertEqual(self.upload(mine, filename="受理通知书.doc").status_code, 400)
        transaction.begin()
        self.assertEqual(docx_templates.current_data("acceptance"), mine)

        session = self.session("siteadmin")
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page)[1]
        reset = session.post(
            f"{self.portal.absolute_url()}/@@document-templates",
            data={"kind": "acceptance", "reset": "1", "_authenticator": token},
            allow_redirects=False,
        )
        self.assertEqual(reset.status_code, 302)
        row = lxml.html.fromstring(self.panel("siteadmin").text).get_element_by_id("template-acceptance")
        self.assertIn("默认模板", row.text_content())
        self.assertFalse(row.cssselect("button[name=reset]"))
        transaction.begin()
        self.assertEqual(docx_templates.current_data("acceptance"), docx_templates.default_data("acceptance"))

    def test_the_office_code_word(self):
        session = self.session("siteadmin")
        page = session.get(f"{self.portal.absolute_url()}/@@document-templates").text
        self.assertIn("随劳调受字〔2026〕第0012号", page)
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page)[1]
        refused = session.post(
            f"{self.portal.absolute_url()}/@@document-templates",
            data={"prefix": "这是一个远远超过十个字的机关代字", "_authenticator": token},
        )
        self.assertEqual(refused.status_code, 400)
        self.assertIn("请填写 1 至 10 个字的机关代字", refused.text)
        self.assertIn('value="这是一个远远超过十个字的机关代字"', refused.text)  # kept as typed
        session.post(
            f"{self.portal.absolute_url()}/@@document-templates", data={"prefix": "曾劳仲", "_authenticator": token}
        )
        page = session.get(f"{self.portal.absolute_url()}/@@document-templates").text
        self.assertIn("曾劳仲受字〔2026〕第0012号", page)
