"""Closing a case: outcome required, amount recovered and workers benefited kept."""

from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.protect.authenticator import createToken
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.cases.closure import CloseCaseForm
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import last
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import make_station
from tests.helpers import new_case
from zope.interface import alsoProvides

import unittest


class TestClosure(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        alsoProvides(self.request, IBrowserLayer, IPloneFormLayer)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.unit = make_station("zengdu-center", title="曾都区劳动保障维权中心", level="center")
        self.case = new_case(workers_involved=4)
        route(self.case, unit=self.unit.UID(), route="inspection")

    def assert_untouched(self):
        self.assertEqual(api.content.get_state(self.case), "routed")
        self.assertIsNone(self.case.outcome)
        self.assertIsNone(self.case.amount_recovered)
        self.assertIsNone(self.case.workers_benefited)

    def test_close_with_outcome_amount_and_workers(self):
        close_case(self.case, "inspection_closed", Decimal("36000"), 4, comment="责令支付，已全部到账")
        self.assertEqual(api.content.get_state(self.case), "closed")
        self.assertEqual(self.case.outcome, "inspection_closed")
        self.assertEqual(self.case.amount_recovered, Decimal("36000"))
        self.assertEqual(self.case.workers_benefited, 4)
        self.assertIsNotNone(self.case.closed)
        self.assertEqual(last(self.case, "close").comment, "责令支付，已全部到账")

    def test_closing_without_an_outcome_is_refused(self):
        with self.assertRaises(Refused) as refused:
            close_case(self.case, None, Decimal("100"), 1)
        self.assertEqual(str(refused.exception), "办结须选择办理结果。")
        self.assert_untouched()

    def test_outcomes_of_other_transitions_are_refused(self):
        for outcome in ("withdrawn", "not_accepted", "piracy"):
            with self.assertRaises(Refused):
                close_case(self.case, outcome)
        self.assert_untouched()

    def test_negative_numbers_are_refused(self):
        with self.assertRaises(Refused) as refused:
            close_case(self.case, "mediated", Decimal("-1"))
        self.assertIn("金额", str(refused.exception))
        with self.assertRaises(Refused):
            close_case(self.case, "mediated", workers_benefited=-2)
        self.assert_untouched()

    def test_a_case_not_yet_routed_cannot_be_closed(self):
        fresh = new_case()
        with self.assertRaises(Refused) as refused:
            close_case(fresh, "mediated")
        self.assertIn("当前不能办结", str(refused.exception))
        self.assertIsNone(fresh.outcome)

    def submit(self, **values):
        self.request.form.clear()
        for name, value in values.items():
            self.request.form[f"form.widgets.{name}"] = value
            if isinstance(value, list):
                self.request.form[f"form.widgets.{name}-empty-marker"] = "1"
        self.request.form["form.buttons.close"] = "办结"
        self.request.form["_authenticator"] = createToken()
        self.request["REQUEST_METHOD"] = "POST"
        form = CloseCaseForm(self.case, self.request)
        form.update()
        return form

    def test_form_closes_and_shows_the_closure_notice(self):
        self.submit(outcome=["answered"], amount_recovered="0", workers_benefited="4")
        self.assertEqual(api.content.get_state(self.case), "closed")
        self.assertTrue(self.request.response.getHeader("Location").endswith("@@case-document/closure"))

    def test_form_without_outcome_stores_nothing(self):
        form = self.submit(outcome=[], amount_recovered="100")
        self.assertTrue(form.widgets["outcome"].error)
        self.assert_untouched()

    def test_form_offers_the_closing_outcomes_and_proposes_the_workers(self):
        form = CloseCaseForm(self.case, self.request)
        form.update()
        tokens = [term.token for term in form.widgets["outcome"].terms]
        self.assertIn("mediated", tokens)
        self.assertNotIn("withdrawn", tokens)
        self.assertNotIn("not_accepted", tokens)
        self.assertEqual(form.widgets["workers_benefited"].value, "4")
