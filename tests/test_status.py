"""The citizen's lookup: reference + phone, nothing personal, throttled guesses."""

from plone import api
from suizhou.laborrights.cases.lookup import checked_lookup
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.cases.lookup import lookup
from suizhou.laborrights.cases.lookup import LookupThrottle
from suizhou.laborrights.cases.lookup import Refused
from suizhou.laborrights.cases.lookup import throttle
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import new_case
from tests.helpers import routable

import unittest


class TestLookup(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        throttle.reset()
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

    def test_failed_guesses_are_refused(self):
        reference = self.case.getId()
        with self.assertRaises(Refused):
            for _ in range(20):
                checked_lookup(reference, "13900000000", "10.0.0.1")
        # the right phone from another client is refused too while the reference is locked
        with self.assertRaises(Refused):
            checked_lookup(reference, "13907221234", "10.0.0.2")


class TestThrottle(unittest.TestCase):
    def setUp(self):
        self.now = 1000.0
        self.throttle = LookupThrottle(free=3, limit=6, window=900, clock=lambda: self.now)

    def test_free_failures_then_growing_waits_then_refusal(self):
        for _ in range(3):
            self.throttle.check("k")
            self.throttle.failed("k")
        self.throttle.check("k")  # the fourth try is still heard
        self.throttle.failed("k")
        with self.assertRaises(Refused) as caught:
            self.throttle.check("k")
        self.assertEqual(caught.exception.retry_after, 3)
        self.now += 2.5
        self.throttle.check("k")
        self.throttle.failed("k")
        self.throttle.failed("k")  # six failures: the limit
        self.now += 60
        with self.assertRaises(Refused):
            self.throttle.check("k")
        self.now += 900
        self.throttle.check("k")

    def test_keys_are_independent(self):
        for _ in range(6):
            self.throttle.failed("a")
        with self.assertRaises(Refused):
            self.throttle.check("a")
        self.throttle.check("b")
