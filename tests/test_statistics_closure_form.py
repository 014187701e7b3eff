"""@@close-case asks for the closing figures of the case's route (statistics/): a mediation's
kind of closure (required, an error at the field), an inspection's 追发工资 … 移送公安."""

from decimal import Decimal
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.protect.authenticator import createToken
from suizhou.laborrights.cases.closure import CloseCaseForm
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.statistics_helpers import routed
from zope.interface import alsoProvides

import unittest


class TestClosingFiguresForm(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.request = self.layer["request"]
        chinese_site()
        alsoProvides(self.request, IBrowserLayer, IPloneFormLayer)
        setRoles(self.layer["portal"], TEST_USER_ID, ["Manager"])
        self.unit = make_station("unit-f")

    def submit(self, case, **values):
        self.request.form.clear()
        for name, value in values.items():
            self.request.form[f"form.widgets.{name}"] = value
            if isinstance(value, list):
                self.request.form[f"form.widgets.{name}-empty-marker"] = "1"
        self.request.form["form.buttons.close"] = "办结"
        self.request.form["_authenticator"] = createToken()
        self.request["REQUEST_METHOD"] = "POST"
        form = CloseCaseForm(case, self.request)
        form.update()
        return form

    def test_a_mediation_asks_for_its_result_only(self):
        case = routed(at(2026, 3, 2), "mediation", self.unit)
        form = self.submit(case, outcome=["mediated"], amount_recovered="3000")
        self.assertIn("mediation_result", form.widgets)
        self.assertNotIn("wages_paid_workers", form.widgets)
        self.assertTrue(form.widgets["mediation_result"].error)  # required on a mediation
        self.assertEqual(form.widgets["amount_recovered"].value, "3000")  # what was typed is kept
        self.assertEqual(api.content.get_state(case), "routed")
        self.submit(case, outcome=["mediated"], mediation_result=["settlement"])
        self.assertEqual(api.content.get_state(case), "closed")
        self.assertEqual(case.mediation_result, "settlement")

    def test_an_inspection_records_the_report_figures(self):
        case = routed(at(2026, 3, 2), "inspection", self.unit)
        form = self.submit(
            case,
            outcome=["inspection_closed"],
            wages_paid_workers="5",
            wages_paid_amount="-3",
            referred_to_police="selected",
        )
        self.assertNotIn("mediation_result", form.widgets)
        self.assertTrue(form.widgets["wages_paid_amount"].error)
        self.assertEqual(api.content.get_state(case), "routed")
        self.submit(
            case,
            outcome=["inspection_closed"],
            wages_paid_workers="5",
            wages_paid_amount="18000",
            social_insurance_workers="2",
            contracts_signed_workers="3",
            referred_to_police=["selected"],
        )
        self.assertEqual(api.content.get_state(case), "closed")
        self.assertEqual(
            (case.wages_paid_workers, case.wages_paid_amount, case.contracts_signed_workers, case.referred_to_police),
            (5, Decimal("18000"), 3, True),
        )
