"""The daily sweep as the timer runs it: scripts/handling_sweep.py on the database, committing,
with the notifications going out after commit (mock mail host) — once per clock and due date,
however often it runs."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from datetime import date
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.history import entries
from tests.helpers import at
from tests.notification_helpers import NotificationFixture
from tests.notification_helpers import UNIT_MAILBOX
from unittest import mock
from ZODB.POSException import ConflictError

import os
import pathlib
import runpy
import transaction


SCRIPT = pathlib.Path(__file__).parent.parent / "scripts" / "handling_sweep.py"
HANDLER_MAILBOX = "mediator_li@example.org"  # tests.helpers.make_user


class TestHandlingSweepScript(NotificationFixture):
    def setUp(self):
        super().setUp()
        self.route(when=at(2026, 3, 2))  # mediation, due 17 March: reminders from the 14th
        transaction.commit()
        self.mailhost.reset()
        del self.sms.sent[:]
        self.addCleanup(setSecurityManager, getSecurityManager())  # the script logs in as system

    def run_script(self, day):
        """Run the script as `bin/instance run` does, with `day` as today; returns its counts."""
        with (
            mock.patch.object(clocks, "today", return_value=day),
            mock.patch.object(periods, "today", return_value=day),
            mock.patch.dict(os.environ, {"SITE_ID": self.portal.getId()}),
            mock.patch("logging.basicConfig"),  # the test runner keeps its logging
        ):
            return runpy.run_path(str(SCRIPT), init_globals={"app": self.layer["app"]})["counts"]

    def reminders(self):
        return [(to, subject) for to, subject, body in self.mails() if "【即将到期】" in subject]

    def test_twice_on_the_same_day_reminds_once(self):
        self.assertEqual(self.run_script(date(2026, 3, 14))["due_soon"], 1)
        self.assertEqual(self.run_script(date(2026, 3, 14))["due_soon"], 0)
        reminders = self.reminders()
        self.assertEqual(sorted(to for to, subject in reminders), [HANDLER_MAILBOX, UNIT_MAILBOX])
        self.assertIn(self.case.getId(), reminders[0][1])
        self.assertIn("2026-03-17", reminders[0][1])
        self.assertEqual([e.action for e in entries(self.case)].count("due_soon"), 1)

    def test_later_days_remind_no_more_until_overdue(self):
        for day in (13, 14, 15, 16, 17):
            self.run_script(date(2026, 3, day))
        self.assertEqual(len(self.reminders()), 2)
        self.assertEqual(self.run_script(date(2026, 3, 18))["overdue"], 1)
        self.assertEqual(self.run_script(date(2026, 3, 18))["overdue"], 0)
        self.assertEqual(len(self.mails_to(UNIT_MAILBOX)), 2)  # due soon, overdue

    def test_a_conflict_with_the_running_instances_is_retried_and_reminds_once(self):
        real_announce = clocks.announce
        calls = []

        def announce_then_conflict(case, on=None):
            calls.append(on)
            kind = real_announce(case, on)
            if len(calls) == 1:
                raise ConflictError("a staff member saved the same case")
            return kind

        with mock.patch.object(clocks, "announce", announce_then_conflict):
            self.assertEqual(self.run_script(date(2026, 3, 14))["due_soon"], 1)
        self.assertEqual(len(calls), 2)
        self.assertEqual(len(self.reminders()), 2)
        self.assertEqual([e.action for e in entries(self.case)].count("due_soon"), 1)
