"""The citizen's lookup: reference + phone, nothing personal; failed lookups are counted per
client, reference and phone in the ZODB and step up to the challenge, never lock anyone out."""

from plone import api
from suizhou.laborrights.cases import counters
from suizhou.laborrights.cases.lookup import ChallengeRequired
from suizhou.laborrights.cases.lookup import checked_lookup
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.lookup import CLIENT
from suizhou.laborrights.cases.lookup import Guard
from suizhou.laborrights.cases.lookup import lookup
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.forms import challenge
from suizhou.laborrights.i18n import zh
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import new_case
from tests.helpers import routable
from unittest import mock
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import threading
import time
import transaction
import unittest


class TestLookup(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.case = new_case(applicant_phone="13907221234")

    def test_reference_and_phone_must_both_match(self):
        reference = self.case.getId()
        self.assertEqual(lookup(reference, "139 0722 1234"), self.case)
        self.assertEqual(lookup(reference.lower(), "13907221234"), self.case)
        self.assertIsNone(lookup(reference, "13907221235"))
        self.assertIsNone(lookup("SZ-2026-999999", "13907221234"))
        self.assertIsNone(lookup(reference, ""))

    def test_status_shows_nothing_personal(self):
        status = citizen_status(self.case)
        self.assertEqual(status["status"], "registered")
        self.assertEqual(status["status_title"], "已登记")
        text = repr(status)
        for personal in (APPLICANT_NAME, "13907221234", self.case.applicant_id_number, "工资未发放"):
            self.assertNotIn(personal, text)

    def test_stage_and_outcome(self):
        with api.env.adopt_roles(["Manager"]):
            self.case.route = "mediation"
            routable(self.case)  # routing needs a handling unit
            api.content.transition(self.case, transition="route")
            self.assertEqual(citizen_status(self.case)["stage"], "调解中")
            self.case.outcome = "mediated"
            api.content.transition(self.case, transition="close")
        status = citizen_status(self.case)
        self.assertEqual((status["status"], status["outcome"]), ("closed", "调解成功"))

    def test_rejected_case_shows_not_accepted(self):
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(self.case, transition="reject", comment="不属于受理范围")
        self.assertEqual(citizen_status(self.case)["outcome"], "不予受理")


PHONE = "13907221234"


def solved(question, token):
    """(token, answer) of a challenge question, as a citizen answers it."""
    numerals = challenge.NUMERALS
    return token, str(numerals.index(question[0]) + numerals.index(question[2]))


class TestGuard(unittest.TestCase):
    """Each call is one request: a transaction that sees what earlier requests committed."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        counters.reset()
        self.case = new_case(applicant_phone=PHONE)
        self.other = new_case(applicant_phone="13800000001")
        transaction.commit()
        self.reference = self.case.getId()

    def request(self, reference, phone, client="10.0.0.1", token=None, answer=None):
        transaction.begin()
        try:
            return checked_lookup(reference, phone, client, token, answer)
        finally:
            transaction.abort()

    def fail(self, times, reference=None, phone=None, client=None):
        for n in range(times):
            found = self.request(
                reference or f"SZ-2026-{900000 + n:06d}",
                phone or f"1370000{n:04d}",
                client or f"10.9.0.{n}",
            )
            self.assertIsNone(found)

    def challenge_then_answer(self, reference, phone, client):
        """A correct lookup is stepped up: it succeeds once the question is answered."""
        with self.assertRaises(ChallengeRequired) as caught:
            self.request(reference, phone, client)
        self.assertFalse(caught.exception.wrong)
        self.assertIn("验证问题", zh(caught.exception.message))
        token, answer = solved(caught.exception.question, caught.exception.token)
        self.assertEqual(self.request(reference, phone, client, token, answer), self.case)
        return token, answer

    def test_correct_lookup_needs_no_challenge(self):
        self.fail(3)
        self.assertEqual(self.request(self.reference, "139 0722 1234"), self.case)

    def test_others_failures_from_the_same_client_step_up_not_lock_out(self):
        self.fail(20, client="10.0.0.1")  # other citizens behind the same proxy address
        self.challenge_then_answer(self.reference, PHONE, "10.0.0.1")
        # another client is not concerned
        self.assertEqual(self.request(self.reference, PHONE, "10.0.0.2"), self.case)

    def test_others_failures_on_the_same_reference_step_up_not_lock_out(self):
        self.fail(5, reference=self.reference)  # anyone guessing phones for this reference
        self.challenge_then_answer(self.reference, PHONE, "10.0.0.7")
        self.assertEqual(self.request(self.other.getId(), "13800000001", "10.0.0.7"), self.other)

    def test_others_failures_with_the_same_phone_step_up_not_lock_out(self):
        self.fail(5, phone=PHONE)
        self.challenge_then_answer(self.reference, PHONE, "10.0.0.8")

    def test_employer_scanning_references_with_one_phone_is_stepped_up(self):
        # one phone against each sequential reference, from changing addresses
        self.fail(5, phone=PHONE)
        # the next reference, right or wrong, gets the same question, not the answer
        for reference in (self.reference, "SZ-2026-999999"):
            with self.assertRaises(ChallengeRequired):
                self.request(reference, PHONE, "10.8.0.1")

    def test_a_solved_challenge_is_not_replayed(self):
        self.fail(5, reference=self.reference)
        token, answer = self.challenge_then_answer(self.reference, PHONE, "10.0.0.1")
        with self.assertRaises(ChallengeRequired) as caught:
            self.request(self.reference, PHONE, "10.0.0.1", token, answer)
        self.assertTrue(caught.exception.wrong)
        self.assertIn("回答错误或已过期", zh(caught.exception.message))

    def test_a_wrong_answer_is_refused(self):
        self.fail(5, reference=self.reference)
        with self.assertRaises(ChallengeRequired) as caught:
            self.request(self.reference, PHONE)
        token, answer = solved(caught.exception.question, caught.exception.token)
        with self.assertRaises(ChallengeRequired):
            self.request(self.reference, PHONE, "10.0.0.1", token, str(int(answer) + 1))

    def test_one_request_with_several_lookups_counts_each(self):
        transaction.begin()
        guard = Guard("10.0.0.3")
        for n in range(5):
            self.assertIsNone(guard.lookup(f"SZ-2026-{800000 + n:06d}", PHONE))
        with self.assertRaises(ChallengeRequired):
            guard.lookup(self.reference, PHONE)
        transaction.abort()

    def test_success_writes_nothing_and_failures_keep_no_phone(self):
        db = self.layer["portal"]._p_jar.db()
        before = db.lastTransaction()
        self.assertEqual(self.request(self.reference, PHONE), self.case)
        self.assertEqual(db.lastTransaction(), before)
        self.fail(1, reference=self.reference, phone="13700001111")
        self.assertNotEqual(db.lastTransaction(), before)
        transaction.begin()
        keys = list(get_register()._guard_counters.keys())
        self.assertEqual(len(keys), 3)
        self.assertFalse([key for key in keys if "13700001111" in key])

    def test_another_instance_sees_the_counters(self):
        """A second ZODB connection (another instance, or this one after a restart)."""
        self.fail(5, reference=self.reference)
        db = self.layer["portal"]._p_jar.db()
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        try:
            register = connection.get(get_register()._p_oid)
            times = register._guard_counters[f"lookup-reference:{self.reference}"].times
            self.assertEqual(len(times), 5)
        finally:
            manager.abort()
            connection.close()
        with self.assertRaises(ChallengeRequired):
            self.request(self.reference, PHONE, "10.0.0.9")

    def test_failures_of_one_client_at_the_same_moment_all_count(self):
        """Citizens behind one carrier address, looking up at once on two instances: both
        failures commit (neither conflicts and is run again), and both count."""
        self.fail(1, client="10.0.0.5")
        key, budget, window = "lookup-client:10.0.0.5", CLIENT[1], CLIENT[2]
        db = self.layer["portal"]._p_jar.db()
        managers = [transaction.TransactionManager() for _n in range(2)]
        connections = [db.open(transaction_manager=manager) for manager in managers]
        try:
            at = counters.now()
            for connection in connections:  # both read the same committed state, then write
                connection.get(get_register()._p_oid)._guard_counters[key].add(at, window, budget)
            for manager in managers:
                manager.commit()  # the second is merged into the first, no ConflictError
        finally:
            for manager, connection in zip(managers, connections):
                manager.abort()
                connection.close()
        transaction.begin()
        self.assertEqual(len(counters.recent(key, window)), 3)

    def record_at_once(self, count, events_of):
        """``counters.record(events_of(n))`` from ``count`` threads let go at the same moment, as
        concurrent requests of one process; the errors they raised."""
        portal, errors, unseen = self.layer["portal"], [], []
        db, register_oid = portal._p_jar.db(), get_register()._p_oid
        start = threading.Barrier(count)

        def request(n):
            setSite(portal)  # the objects it reads were loaded by setUp
            start.wait()
            try:
                counters.record(events_of(n))
            except Exception as error:
                errors.append(error)
                return
            manager = transaction.TransactionManager()  # what another request sees now
            connection = db.open(transaction_manager=manager)
            try:
                stored = getattr(connection.get(register_oid), "_guard_counters", {})
                unseen.extend(key for key, _window, _keep in events_of(n) if key not in stored)
            finally:
                manager.abort()
                connection.close()

        threads = [threading.Thread(target=request, args=(n,)) for n in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(any(thread.is_alive() for thread in threads), "a request still waits")
        self.assertFalse(unseen, f"requests returned before their failures were committed: {unseen}")
        return errors

    def test_failures_arriving_during_a_commit_are_committed_together_none_lost(self):
        phone_key, window = "lookup-phone:same-phone", 3600
        write, commits = counters.in_own_transaction, []

        def slow_write(obj, work):  # a commit that takes a while, as on a busy storage
            commits.append(work)
            time.sleep(0.2)
            return write(obj, work)

        def events_of(n):
            return [(phone_key, window, 100), (f"lookup-reference:SZ-2026-9{n:05d}", window, 5)]

        with mock.patch.object(counters, "in_own_transaction", slow_write):
            self.assertEqual(self.record_at_once(8, events_of), [])
        self.assertLess(len(commits), 8)
        transaction.begin()
        self.assertEqual(len(counters.recent(phone_key, window)), 8)
        for n in range(8):
            self.assertEqual(len(counters.recent(f"lookup-reference:SZ-2026-9{n:05d}", window)), 1)

    def test_a_failed_commit_fails_every_request_whose_failure_it_held(self):
        def failing_write(obj, work):  # retried until it gives up, meanwhile others join
            time.sleep(0.2)
            raise ConflictError()

        with mock.patch.object(counters, "in_own_transaction", failing_write):
            errors = self.record_at_once(4, lambda n: [("lookup-phone:other-phone", 3600, 100)])
        self.assertEqual(len(errors), 4)
        self.assertTrue(all(isinstance(error, ConflictError) for error in errors))
        transaction.begin()
        self.assertEqual(counters.recent("lookup-phone:other-phone", 3600), ())

    def test_counts_stored_as_tuples_before_are_kept(self):
        at = counters.now()
        key = "lookup-client:10.0.0.6"
        counters.ensure()
        transaction.begin()
        get_register()._guard_counters[key] = (at - 20, at - 10)  # as stored before EventTimes
        transaction.commit()
        self.assertEqual(counters.recent(key, 900, at=at), (at - 20, at - 10))

        counters.record([(key, 900, 20)], at=at)

        transaction.begin()
        self.assertEqual(counters.recent(key, 900, at=at), (at - 20, at - 10, at))
        self.assertIsInstance(get_register()._guard_counters[key], counters.EventTimes)

    def test_a_raised_budget_keeps_more_times(self):
        at = counters.now()
        key = "filing-client:10.0.0.7"
        for n in range(3):
            counters.record([(key, 3600, 2)], at=at + n)
        counters.record([(key, 3600, 4)], at=at + 3)  # the administrator raised the budget
        counters.record([(key, 3600, 4)], at=at + 4)
        transaction.begin()
        self.assertEqual(counters.recent(key, 3600, at=at + 4), (at + 1, at + 2, at + 3, at + 4))

    def test_old_failures_expire_and_are_pruned(self):
        at = counters.now()
        key = "lookup-reference:SZ-2026-000001"
        counters.record([(key, 3600, 5)], at=at - 7200)
        counters.record([("lookup-reference:SZ-2026-000000", 3600, 5)], at=at)
        transaction.begin()
        self.assertEqual(counters.recent(key, 3600), ())
        self.assertNotIn(key, get_register()._guard_counters)
