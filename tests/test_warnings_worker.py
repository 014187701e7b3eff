"""The warning worker (``warnings.after_commit``): the filing answers before the rules have run,
the filings committed while the worker is busy are checked together in one step, and the
warning's e-mail links to the address the filing came through (the worker has no request)."""

from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.warnings import after_commit
from suizhou.laborrights.warnings import subscribers
from tests.api_helpers import ApiTestCase
from tests.api_helpers import filing
from tests.helpers import new_case
from tests.helpers import valid_credit_code
from tests.mocks import swap_mailhost
from tests.notification_helpers import decoded
from tests.warnings_helpers import warnings_of
from unittest import mock

import threading
import transaction
import unittest


class TestTheFilingDoesNotWait(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.entered, self.release = threading.Event(), threading.Event()
        self.steps = []
        check_noted = subscribers.check_noted

        def held(noted):  # the first step waits until the test lets it go
            self.steps.append(sorted(noted))
            self.entered.set()
            self.release.wait(30)
            check_noted(noted)

        patcher = mock.patch.object(subscribers, "check_noted", held)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.addCleanup(self.release.set)

    def collective_case(self, seq):
        case = new_case(workers_involved=30, employer_credit_code=valid_credit_code(seq))
        transaction.commit()  # the request's commit: it does not wait for the rules
        return case.UID()

    def test_the_filing_commits_before_the_rules_and_a_burst_is_one_step(self):
        first = self.collective_case(1)
        self.assertTrue(self.entered.wait(30), "the worker took the first filing")
        burst = [self.collective_case(seq) for seq in (2, 3, 4)]  # committed while the worker is busy

        self.assertFalse(after_commit.drain(timeout=0.2))
        transaction.begin()
        self.assertEqual(warnings_of(), [])  # the filings are stored, their rules not yet run

        self.release.set()
        self.assertTrue(after_commit.drain(timeout=30))
        transaction.begin()
        self.assertEqual(self.steps, [[first], sorted(burst)])
        cases = {uid for warning in warnings_of("collective") for uid in warning.cases}
        self.assertEqual(cases, {first, *burst})


class TestTheWarningMailLinksToTheFilingsAddress(ApiTestCase):
    def test_a_filing_through_the_public_address(self):
        mailhost = swap_mailhost(self, self.portal)
        manage_addVirtualHostMonster(self.layer["app"], "virtual_hosting")  # as behind the proxy
        transaction.commit()
        public = self.portal_url.replace(
            "/plone", "/VirtualHostBase/https/labour.example.cn:443/plone/VirtualHostRoot"
        )
        response = self.anonymous.post(f"{public}/@cases", json=filing(workers_involved=30))
        self.assertEqual(response.status_code, 201, response.text)

        self.assertTrue(after_commit.drain(timeout=30))
        transaction.begin()
        [warning] = warnings_of("collective")
        self.assertEqual(warning.level, "red")
        [(to, _subject, body)] = [decoded(raw) for raw in mailhost.messages]
        self.assertEqual(to, "supervisor@example.org")
        self.assertIn(f"https://labour.example.cn/@@warning?id={warning.id}", body)


class TestANotedCaseIsFound(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_at_its_path_or_by_its_uid_once_moved(self):
        case = new_case()
        transaction.commit()
        moved_from = (*self.layer["portal"].getPhysicalPath(), "cases", "elsewhere", case.getId())

        for path in (case.getPhysicalPath(), moved_from):
            with self.subTest(path=path), mock.patch.object(subscribers, "check_case") as check_case:
                subscribers.check_noted({case.UID(): (path, {"case"})})
                self.assertEqual([call.args[0].UID() for call in check_case.call_args_list], [case.UID()])
        with mock.patch.object(subscribers, "check_case") as check_case:
            subscribers.check_noted({"a-deleted-case": (moved_from, {"case"})})
            check_case.assert_not_called()
