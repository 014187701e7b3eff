"""The case register: reference numbers, placement, what is indexed, concurrent filings."""

from plone import api
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import at
from tests.helpers import case_fields
from tests.helpers import new_case
from zope.component.hooks import setSite

import threading
import transaction
import unittest


ZOPE_CONFLICT_RETRIES = 3  # Zope's default (profiles/base.cfg sets no max-conflict-retries)


class TestCaseRegister(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_reference_numbers_follow_the_pattern_and_count_up(self):
        first = new_case(received=at(2026, 3, 2))
        second = new_case(received=at(2026, 3, 3))
        self.assertRegex(first.getId(), r"^SZ-2026-\d{6}$")
        self.assertEqual(int(second.getId()[-6:]), int(first.getId()[-6:]) + 1)
        self.assertEqual(first.reference, first.getId())

    def test_each_year_counts_from_one(self):
        new_case(received=at(2026, 12, 31))
        self.assertEqual(new_case(received=at(2031, 1, 1)).getId(), "SZ-2031-000001")

    def test_pattern_is_configurable(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.statutory.reference_pattern", "GS{year}{number:05d}"
        )
        self.assertRegex(new_case(received=at(2026, 5, 1)).getId(), r"^GS2026\d{5}$")

    def test_aborted_filing_leaves_a_gap_never_a_duplicate(self):
        first = new_case(received=at(2026, 4, 1)).getId()
        transaction.abort()
        # A real retry comes with a new request; this test goes on in the same one, whose
        # per-request catalog cache (the early-warning rules' search) still holds the aborted case.
        self.layer["request"].other.pop("__catalog_cache__", None)
        second = new_case(received=at(2026, 4, 1)).getId()
        self.assertNotEqual(first, second)

    def test_case_is_stored_by_district_and_month(self):
        case = new_case(received=at(2026, 7, 15), district="guangshui")
        self.assertEqual(
            case.getPhysicalPath()[-4:], ("cases", "guangshui", "2026-07", case.getId())
        )
        self.assertEqual(find_case(case.getId()), case)
        self.assertIsNone(find_case("SZ-2026-999999"))

    def test_register_folders_are_unordered(self):
        case = new_case(received=at(2026, 7, 15))
        self.assertEqual(case.aq_parent.getOrdering().__class__.__name__, "UnorderedOrdering")

    def test_new_case_is_registered(self):
        case = new_case()
        self.assertEqual(api.content.get_state(case), "registered")
        self.assertEqual(case.channel, "window")
        self.assertIsNotNone(case.received)

    def test_title_and_description_carry_no_personal_data(self):
        case = new_case()
        self.assertEqual(case.Title(), case.getId())
        self.assertEqual(case.Description(), "")
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog.unrestrictedSearchResults(UID=case.UID())[0]
        self.assertEqual(brain.getId, case.getId())
        columns = catalog.getMetadataForRID(brain.getRID())
        # The worklist's row (applicant and employer names, amount) is the one column with a name:
        # it reaches only those the catalog lets find the case (its handlers; privacy tests).
        self.assertEqual(columns["worklist_row"]["applicant"], APPLICANT_NAME)
        metadata = " ".join(str(value) for name, value in columns.items() if name != "worklist_row")
        for personal in (APPLICANT_NAME, case.applicant_phone, case.applicant_id_number):
            self.assertNotIn(personal, metadata)
        for personal in (case.applicant_phone, case.applicant_id_number):
            self.assertNotIn(personal, str(columns["worklist_row"]))

    def test_case_text_is_not_full_text_indexed(self):
        new_case()
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog.unrestrictedSearchResults(SearchableText="王小明")), 0)
        self.assertEqual(len(catalog.unrestrictedSearchResults(SearchableText="工资未发放")), 0)

    def test_worklist_indexes(self):
        case = new_case(received=at(2026, 9, 1), channel="hotline_12345", hotline_ticket="T1")
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.unrestrictedSearchResults(
            portal_type="Case", district="zengdu", channel="hotline_12345", dispute_types="wage_arrears"
        )
        self.assertEqual([b.getId for b in found], [case.getId()])


class TestBinsStayPut(unittest.TestCase):
    """Filing a case does not rewrite its month folder (which every filing of the month would
    otherwise conflict on) and keeps the folder's catalog entry as it was."""

    layer = FUNCTIONAL_TESTING

    def test_adding_a_case_leaves_the_month_folder_unwritten(self):
        new_case(received=at(2026, 10, 8))
        transaction.commit()
        month = api.portal.get()["cases"]["zengdu"]["2026-10"]
        serial = month._p_serial
        catalog = api.portal.get_tool("portal_catalog")
        itself = {"query": "/".join(month.getPhysicalPath()), "depth": 0}
        (before,) = catalog.unrestrictedSearchResults(path=itself)

        case = new_case(received=at(2026, 10, 9))
        transaction.commit()

        self.assertIn(case.getId(), month.objectIds())
        self.assertEqual(month._p_serial, serial)
        (after,) = catalog.unrestrictedSearchResults(path=itself)
        self.assertEqual(after.modified, before.modified)


class TestConcurrentFilings(unittest.TestCase):
    """Four writers on their own connections, retried as the site retries conflicts (Zope's
    default 3 times: the filings of a process take turns, cases/serial.py)."""

    layer = FUNCTIONAL_TESTING
    writers = 4
    cases_per_writer = 15

    def _writer(self, db, references, failures):
        connection = db.open()
        try:
            app = connection.root()["Application"]
            setSite(app.plone)
            for _ in range(self.cases_per_writer):
                for attempt in transaction.manager.attempts(1 + ZOPE_CONFLICT_RETRIES):
                    with attempt:
                        with api.env.adopt_roles(["IntakeClerk"]):
                            case = file_case(case_fields(), received=at(2026, 10, 8))
                        reference = case.getId()
                references.append(reference)
        except Exception as error:  # collected and asserted below
            failures.append(str(error))
        finally:
            setSite(None)
            transaction.abort()
            connection.close()

    def test_no_case_is_lost_and_no_reference_given_twice(self):
        transaction.commit()
        db = self.layer["zodbDB"]
        references, failures = [], []
        threads = [
            threading.Thread(target=self._writer, args=(db, references, failures))
            for _ in range(self.writers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])
        expected = self.writers * self.cases_per_writer
        self.assertEqual(len(set(references)), expected)
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog.unrestrictedSearchResults(portal_type="Case")), expected)
        stored = self.layer["portal"].cases.zengdu["2026-10"].objectIds()
        self.assertEqual(sorted(stored), sorted(references))
