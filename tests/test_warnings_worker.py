"""The warning worker (``warnings.after_commit``): the filing answers before the rules have run,
the filings committed while the worker is busy are checked together in one step, and the
warning's e-mail links to the address the filing came through (the worker has no request)."""

from Products.SiteAccess.VirtualHostMonster import manage_addVirtualHostMonster
from suizhou.laborrights import background
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.warnings import after_commit
from suizhou.laborrights.warnings import subscribers
from tests.api_helpers import ApiTestCase
from tests.api_helpers import filing
from tests.helpers import new_case
from tests.helpers import valid_credit_code
from tests.mocks import swap_mailhost
from tests.notification_helpers import decoded
from tests.warnings_helpers import commit
from tests.warnings_helpers import warnings_of
from unittest import mock
from zope.event import notify
from zope.processlifetime import ProcessStarting

import gc
import os
import signal
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

        self.assertFalse(background.drain(timeout=0.2))
        transaction.begin()
        self.assertEqual(warnings_of(), [])  # the filings are stored, their rules not yet run

        self.release.set()
        self.assertTrue(background.drain(timeout=30))
        transaction.begin()
        self.assertEqual(self.steps, [[first], sorted(burst)])
        cases = {uid for warning in warnings_of("collective") for uid in warning.cases}
        self.assertEqual(cases, {first, *burst})


    def test_filings_a_moment_apart_are_one_step(self):
        self.release.set()  # nothing held: the worker gathers for a moment before each step
        with mock.patch.object(after_commit._worker, "gather", 30):
            filed = [self.collective_case(seq) for seq in (1, 2, 3)]
            self.assertTrue(background.drain(timeout=30))  # someone waiting: no more gathering
        self.assertEqual(self.steps, [sorted(filed)])

    def test_a_case_that_cannot_be_checked_costs_the_others_nothing(self):
        self.collective_case(1)
        self.assertTrue(self.entered.wait(30))
        burst = [self.collective_case(seq) for seq in (2, 3, 4)]  # one step, once the first is done
        check_case = subscribers.check_case

        def failing(case):
            if case.UID() == burst[1]:
                raise ValueError("cannot be checked")
            check_case(case)

        with mock.patch.object(subscribers, "check_case", failing), mock.patch.object(after_commit, "logger") as log:
            self.release.set()
            self.assertTrue(background.drain(timeout=30))
        transaction.begin()
        cases = {uid for warning in warnings_of("collective") for uid in warning.cases}
        self.assertEqual(cases & set(burst), {burst[0], burst[2]})
        self.assertEqual(log.exception.call_count, 2)  # the batch, then the one case alone

    def test_a_sigterm_waits_for_the_queue_then_ends_the_process(self):
        first = self.collective_case(1)
        self.assertTrue(self.entered.wait(30))
        with mock.patch.object(signal, "signal") as set_handler, mock.patch.object(os, "kill") as kill:
            stopping = background._drain_then_stop(signal.SIGTERM, None)
            set_handler.assert_called_once_with(signal.SIGTERM, signal.SIG_DFL)  # a second one ends it at once
            stopping.join(0.2)
            self.assertTrue(stopping.is_alive())  # waiting for the queued rules
            kill.assert_not_called()
            self.release.set()
            stopping.join(30)
            self.assertFalse(stopping.is_alive())
        kill.assert_called_once_with(os.getpid(), signal.SIGTERM)  # the signal's own end, as before
        transaction.begin()
        self.assertTrue([warning for warning in warnings_of("collective") if first in warning.cases])


class TestTheStopHandler(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_installed_at_process_start_unless_the_process_has_its_own(self):
        collector = {name: mock.DEFAULT for name in ("collect", "freeze", "set_threshold")}
        self.enterContext(mock.patch.multiple(gc, **collector))  # the other subscriber at start
        for current, installed in ((signal.SIG_DFL, True), (signal.SIG_IGN, False)):
            with self.subTest(current=current):
                with mock.patch.object(signal, "getsignal", return_value=current), mock.patch.object(
                    signal, "signal"
                ) as set_handler:
                    notify(ProcessStarting())
                calls = [mock.call(signal.SIGTERM, background._drain_then_stop)] if installed else []
                self.assertEqual(set_handler.call_args_list, calls)


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

        self.assertTrue(background.drain(timeout=30))
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
        commit()  # and the worker's own step on it done: it would call the check below too
        moved_from = (*self.layer["portal"].getPhysicalPath(), "cases", "elsewhere", case.getId())

        for path, searched in ((case.getPhysicalPath(), False), (moved_from, True)):
            with self.subTest(path=path), mock.patch.object(subscribers, "check_case") as check_case:
                with mock.patch.object(subscribers, "uuidToObject", wraps=subscribers.uuidToObject) as by_uid:
                    subscribers.check_noted({case.UID(): (path, {"case"})})
                self.assertEqual([call.args[0].UID() for call in check_case.call_args_list], [case.UID()])
                self.assertEqual(by_uid.called, searched)  # the catalog only for a case moved since
        with mock.patch.object(subscribers, "check_case") as check_case:
            subscribers.check_noted({"a-deleted-case": (moved_from, {"case"})})
            check_case.assert_not_called()
