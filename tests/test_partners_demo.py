"""The demo's 1+X partner data: a mediated case sent to the court for 司法确认, the court's ruling
returned to it; its hand-over page, history and the court's mailbox show it."""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.demo.partners import COURT_ACCOUNT
from suizhou.laborrights.demo.partners import demo_case
from suizhou.laborrights.handling import mediation
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.interfaces import IBrowserLayer
from suizhou.laborrights.partners import agreement
from suizhou.laborrights.partners import mailbox
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from suizhou.laborrights.timezone import beijing
from zope.interface import alsoProvides

import unittest


class TestPartnerDemo(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_a_mediated_case_went_to_the_court_and_came_back_confirmed(self):
        case = demo_case()
        [transfer] = transfers.transfers(case)
        self.assertEqual(units.agency_of(transfer["partner"]), units.COURT)
        self.assertEqual(transfer["purpose"], "judicial_confirmation")
        self.assertEqual(transfers.state(transfer), transfers.RETURNED)
        self.assertEqual(transfer["outcome"], "confirmed")
        session = mediation.agreed_session(case)
        # sent within the 30 days after the agreement, the ruling after the sending
        self.assertLessEqual((beijing(transfer["sent"]).date() - beijing(session.session_date).date()).days, 30)
        self.assertLess(beijing(transfer["sent"]).date(), transfer["result_day"])
        self.assertEqual(agreement.deadlines(case), [])  # sent: no period left to watch
        actions = [entry.action for entry in entries(case)]
        self.assertIn("partner_transfer", actions)
        self.assertIn("partner_result", actions)
        history_days = [beijing(e.when).date() for e in entries(case) if e.action.startswith("partner_")]
        self.assertEqual(history_days, [beijing(transfer["sent"]).date(), transfer["result_day"]])
        # the court's mailbox holds it as answered; its member no longer reads the case
        self.assertIn(case, [found for found, _t in mailbox.matters(transfer["partner"])])
        self.assertFalse(api.user.has_permission("View", username=COURT_ACCOUNT, obj=case))

    def test_the_handover_page_shows_the_ruling_to_the_staff(self):
        alsoProvides(self.layer["request"], IBrowserLayer)
        setRoles(self.layer["portal"], TEST_USER_ID, ["Manager"])
        login(self.layer["portal"], "test-user")
        case = demo_case()
        view = api.content.get_view("partner-handover", case, self.layer["request"])
        html = view()
        self.assertIn("调解协议司法确认", html)
        self.assertIn("裁定调解协议有效", html)
        self.assertIn("民特118号", html)
