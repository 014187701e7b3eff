"""The access log covers every way staff read a case (audit.publication): the case page, its
edit form, evidence files, documents, receipts, the hand-over page and the REST API each leave
exactly one entry saying who, when, which case, which page and from where; a refused or
anonymous request leaves none."""

from plone import api
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.audit import log
from suizhou.laborrights.documents import issuing
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.audit_helpers import LogDirectory
from tests.handling_helpers import PAYSLIP
from tests.handling_helpers import routed_case_with_payslip
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture
from unittest import mock

import lxml.html
import transaction
import unittest


PHONE = "13907221234"  # tests.helpers.case_fields


class CoverageFixture(LogDirectory, RoutingFixture):
    def setUp(self):
        self.portal = self.layer["portal"]
        self.use_own_log_directory()
        self.make_people()
        make_user("city_admin", roles=["Site Administrator"])
        self.unit_a.partner_agencies = ["hrss", "court"]
        self.court = units.token("court", self.a)
        with api.env.adopt_roles(["Manager"]):
            make_user("judge", groups=[units.ensure_group(self.court)])
        self.case = routed_case_with_payslip(self.a)
        with api.env.adopt_user(username="staff_a"):
            self.document = issuing.issue(self.case, "acceptance")
            transfers.send(self.case, self.court, "judicial_confirmation", "请依法审查调解协议")
        transaction.commit()
        self.reference = self.case.getId()
        self.path = "/".join(self.case.getPhysicalPath()[len(self.portal.getPhysicalPath()) :])
        self.sessions = []
        self.addCleanup(lambda: [session.close() for session in self.sessions])

    def session(self, username=None, accept="text/html"):
        session = RelativeSession(self.portal.absolute_url() + "/")
        if username:
            session.auth = (username, PASSWORD)
        session.headers["Accept"] = accept
        session.headers["Accept-Language"] = "zh-CN"
        self.sessions.append(session)
        return session

    def read(self, address, username="staff_a", accept="text/html"):
        """The answer to ``address`` (relative to the site) and the entries it added."""
        before = len(self.lines())
        answer = self.session(username, accept).get(address, allow_redirects=False)
        return answer, self.lines()[before:]


class TestEachReadingIsOneEntry(CoverageFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def assert_one_entry(self, address, kind, page, username="staff_a", accept="text/html"):
        answer, added = self.read(address, username, accept)
        self.assertEqual(answer.status_code, 200, address)
        self.assertEqual(len(added), 1, (address, added))
        (entry,) = added
        self.assertEqual(
            (entry["user"], entry["kind"], entry["case"], entry["page"]),
            (username, kind, self.reference, page),
        )
        self.assertEqual(entry["client"], "127.0.0.1")
        self.assertRegex(entry["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
        return answer

    def test_the_case_page(self):
        answer = self.assert_one_entry(self.path, "view", "")
        self.assertIn("sz-case-view", answer.text)

    def test_the_edit_form(self):
        answer = self.assert_one_entry(f"{self.path}/@@edit", "view", "@@edit")
        self.assertIn("applicant_name", answer.text)

    def test_an_evidence_file_downloaded_and_displayed(self):
        for view in ("@@download", "@@display-file"):
            with self.subTest(view=view):
                page = f"attachment-1/{view}/file"
                answer = self.assert_one_entry(f"{self.path}/{page}", "download", page)
                self.assertEqual(answer.content, PAYSLIP)

    def test_an_issued_document_downloaded(self):
        page = f"@@issued-document/{self.document['id']}.docx"
        answer = self.assert_one_entry(f"{self.path}/{page}", "download", page)
        self.assertTrue(answer.content.startswith(b"PK"))

    def test_the_documents_pages(self):
        self.assert_one_entry(f"{self.path}/@@case-document", "view", "@@case-document")
        self.assert_one_entry(f"{self.path}/@@issued-documents", "view", "@@issued-documents")

    def test_a_redirect_reads_nothing_the_page_it_leads_to_is_the_entry(self):
        before = len(self.lines())
        answer = self.session("staff_a").get(f"{self.path}/@@case-document/acceptance")
        self.assertEqual(answer.status_code, 200)
        self.assertTrue(answer.url.split("#")[0].endswith("/@@issued-documents"), answer.url)
        pages = [(entry["kind"], entry["page"]) for entry in self.lines()[before:]]
        self.assertEqual(pages, [("view", "@@issued-documents")])

    def test_a_notice_as_page_and_as_pdf(self):
        # a notice from the Word templates: its page and its PDF lead to the issued document …
        for page in ("@@case-document/acceptance", "@@case-document/acceptance.pdf"):
            answer, _added = self.read(f"{self.path}/{page}")
            self.assertEqual(answer.status_code, 302, page)
        # … whose PDF is one download entry
        answer, added = self.read(f"{self.path}/@@issued-document/{self.document['id']}.pdf")
        self.assertTrue(answer.content.startswith(b"%PDF"))
        entries = [(entry["user"], entry["kind"], entry["case"]) for entry in added]
        self.assertEqual(entries, [("staff_a", "download", self.reference)])

    def test_the_receipt_and_the_registration_pdf(self):
        self.assert_one_entry(f"{self.path}/@@intake-receipt", "view", "@@intake-receipt")
        answer = self.assert_one_entry(f"{self.path}/@@intake-receipt.pdf", "download", "@@intake-receipt.pdf")
        self.assertTrue(answer.content.startswith(b"%PDF"))

    def test_the_partners_handover_page(self):
        answer = self.assert_one_entry(f"{self.path}/@@partner-handover", "view", "@@partner-handover", "judge")
        self.assertIn("请依法审查调解协议", answer.text)

    def test_the_rest_api(self):
        answer = self.assert_one_entry(self.path, "view", "REST GET", accept="application/json")
        self.assertEqual(answer.json()["applicant_phone"], PHONE)
        answer = self.assert_one_entry(
            f"++api++/{self.path}/@case-timeline", "view", "REST GET @case-timeline", accept="application/json"
        )
        self.assertTrue(answer.json()["history"])

    def test_cases_read_in_bulk_through_the_rest_search(self):
        # one line per case returned, whichever way @search hands out its data
        other = new_case(received=at(2026, 7, 13, 11))
        with api.env.adopt_roles(["Manager"]):
            route(other, self.a, handler="staff_a", route="mediation", when=at(2026, 7, 14, 9))
        transaction.commit()
        for query in ("fullobjects=1", "metadata_fields=_all"):
            with self.subTest(query=query):
                answer, added = self.read(
                    f"++api++/@search?portal_type=Case&{query}", accept="application/json"
                )
                self.assertEqual(answer.status_code, 200, answer.text)
                returned = sorted(item["@id"].rsplit("/", 1)[-1] for item in answer.json()["items"])
                self.assertEqual(returned, sorted([self.reference, other.getId()]))
                self.assertEqual(
                    sorted((entry["user"], entry["kind"], entry["case"], entry["page"]) for entry in added),
                    sorted(("staff_a", "view", reference, "REST GET @search") for reference in returned),
                )
        answer, _added = self.read("++api++/@search?portal_type=Case&fullobjects=1", accept="application/json")
        self.assertIn(PHONE, answer.text)
        # a search without the cases' data reads only their references
        answer, added = self.read("++api++/@search?portal_type=Case", accept="application/json")
        self.assertEqual(len(answer.json()["items"]), 2)
        self.assertEqual(added, [])

    def test_the_log_page_names_the_page_read(self):
        self.read(f"{self.path}/@@edit")
        answer, added = self.read("@@access-log", username="city_admin")
        self.assertEqual(added, [])  # reading the log reads no case
        [row] = lxml.html.fromstring(answer.text).cssselect("table.access-log tbody tr")
        cells = [" ".join(cell.text_content().split()) for cell in row.cssselect("td")]
        self.assertEqual(cells[2], "查看案件")
        self.assertEqual(cells[3], f"{self.reference} @@edit")


class TestNothingReadNothingLogged(CoverageFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_a_failure_to_record_never_fails_the_page(self):
        with mock.patch.object(log, "record_access", side_effect=RuntimeError("disk gone")):
            with self.assertLogs("suizhou.laborrights", "ERROR") as logged:
                answer, added = self.read(self.path)
        self.assertEqual(answer.status_code, 200)
        self.assertIn("sz-case-view", answer.text)
        self.assertEqual(added, [])
        self.assertIn("access log: request not recorded", logged.output[0])

    def test_no_method_changes_the_log_through_the_web(self):
        self.read(self.path)  # one entry to keep
        before = self.lines()
        for accept in ("text/html", "application/json"):
            session = self.session("city_admin", accept)
            for method in ("POST", "PUT", "PATCH", "DELETE"):
                for address in ("@@access-log", "++api++/@@access-log"):
                    with self.subTest(method=method, address=address, accept=accept):
                        session.request(method, address, data={"delete": "1", "case": self.reference})
                        self.assertEqual(self.lines(), before)

    def test_anonymous_requests_are_not_logged(self):
        for address in (self.path, f"{self.path}/attachment-1/@@download/file", "cases/zengdu/SZ-2026-999999"):
            with self.subTest(address=address):
                answer, added = self.read(address, username=None)
                self.assertEqual(answer.status_code, 404)
                self.assertEqual(added, [])

    def test_a_form_field_cannot_pass_for_the_marks_of_the_log(self):
        # request attributes fall back to the form: the marks must not be settable from the address
        for query in ("_suizhou_access_recorded=1", "_suizhou_laborrights_read_in_bulk=x"):
            with self.subTest(query=query):
                answer, added = self.read(f"{self.path}?{query}")
                self.assertEqual(answer.status_code, 200)
                self.assertEqual([(entry["case"], entry["page"]) for entry in added], [(self.reference, "")])

    def test_anonymous_rest_search_finds_no_case_and_leaves_no_entry(self):
        for query in ("fullobjects=1", "metadata_fields=_all"):
            with self.subTest(query=query):
                answer, added = self.read(
                    f"++api++/@search?portal_type=Case&{query}", username=None, accept="application/json"
                )
                self.assertEqual(answer.status_code, 200, answer.text)
                self.assertEqual(answer.json()["items"], [])
                self.assertNotIn(PHONE, answer.text)
                self.assertEqual(added, [])

    def test_another_units_staff_refused_leave_no_entry(self):
        for address in (self.path, f"{self.path}/@@edit", f"{self.path}/@@partner-handover"):
            with self.subTest(address=address):
                answer, added = self.read(address, username="staff_b")
                self.assertIn(answer.status_code, (403, 404))
                self.assertNotIn(self.reference, answer.text)
                self.assertEqual(added, [])

    def test_the_applicants_own_lookup_is_not_a_staff_reading(self):
        session = self.session(accept="application/json")
        before = len(self.lines())
        answer = session.post("++api++/@case-status", json={"reference": self.reference, "phone": PHONE})
        self.assertEqual(answer.status_code, 200, answer.text)
        self.assertEqual(answer.json()["reference"], self.reference)
        self.assertEqual(self.lines()[before:], [])

    def test_pages_without_a_case_leave_no_entry(self):
        for address in ("@@worklist", "cases"):
            with self.subTest(address=address):
                before = len(self.lines())
                answer = self.session("staff_a").get(address)
                self.assertEqual(answer.status_code, 200)
                self.assertEqual(self.lines()[before:], [])
