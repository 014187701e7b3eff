"""Mediation first (先调后裁): sessions, an agreement closes the case, and without agreement
after the mediation period the case goes on to arbitration with its own clock."""

from datetime import date
from decimal import Decimal
from plone import api
from suizhou.laborrights.cases.lookup import citizen_status
from suizhou.laborrights.content.mediation_session import IMediationSession
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.mediation import sessions
from suizhou.laborrights.handling.mediation import transfer_offered
from suizhou.laborrights.handling.mediation import transfer_to_arbitration
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from zope.component import getGlobalSiteManager
from zope.interface import Invalid

import datetime
import transaction
import unittest


class MediationFixture:
    def make_case(self, routed=None):
        chinese_site()
        self.unit = make_station("studio", title="新就业形态劳动维权调解工作室").UID()
        self.arbitration = make_station("arbitration", title="曾都区劳动人事争议仲裁院", level="center").UID()
        make_user("mediator", groups=[unit_group_id(self.unit)])
        make_user("arbitrator", groups=[unit_group_id(self.arbitration)])
        self.case = new_case(district="zengdu", dispute_types=["overtime"], claim_amount=Decimal("8600"))
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, handler="mediator", route="mediation", when=routed)

    def add_session(self, **data):
        fields = {
            "session_date": datetime.datetime(2026, 3, 5, 9, 30),
            "mediator": "张调解",
            "mediation_kind": "people",
            "parties": "申请人本人；被申请人人事经理",
            "result": "continued",
        }
        fields.update(data)
        with api.env.adopt_user(username="mediator"):
            return api.content.create(
                container=self.case, type="MediationSession", id=f"session-{len(sessions(self.case)) + 1}", **fields
            )


class TestMediation(MediationFixture, unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.fired = []
        handler = self.fired.append
        gsm = getGlobalSiteManager()
        gsm.registerHandler(handler, (events.ICaseHandlingEvent,))
        self.addCleanup(gsm.unregisterHandler, handler, (events.ICaseHandlingEvent,))

    def test_a_session_is_recorded_and_the_case_goes_on(self):
        self.make_case()
        session = self.add_session(notes="双方分歧较大，约定下周再调。")
        self.assertEqual(session.Title(), "调解记录 2026-03-05 09:30")
        self.assertEqual(sessions(self.case), [session])
        entry = [e for e in entries(self.case) if e.action == "mediation_session"][-1]
        self.assertEqual((entry.actor, entry.comment), ("mediator", "双方分歧较大，约定下周再调。"))
        self.assertEqual(dict(entry.details)["result"], "continued")
        self.assertEqual(api.content.get_state(self.case), "routed")

    def test_an_agreement_closes_the_case_as_mediated(self):
        self.make_case()
        with api.env.adopt_user(username="mediator"):
            api.content.transition(obj=self.case, transition="accept")
        self.add_session(
            result="agreed",
            agreement_amount=Decimal("8000"),
            agreement_terms="被申请人于2026年3月20日前一次性支付加班费8000元。",
            performance_deadline=date(2026, 3, 20),
        )
        self.assertEqual(api.content.get_state(self.case), "closed")
        self.assertEqual(self.case.outcome, "mediated")
        self.assertEqual(self.case.amount_recovered, Decimal("8000"))
        self.assertIsNone(clocks.current(self.case))
        closed = [e for e in self.fired if isinstance(e, events.CaseClosed)]
        self.assertEqual([(e.case, e.outcome) for e in closed], [(self.case, "mediated")])
        agreement = [e for e in entries(self.case) if e.action == "mediation_agreement"][0]
        self.assertEqual(dict(agreement.details)["amount"], Decimal("8000"))
        self.assertEqual(citizen_status(self.case)["outcome"], "调解成功")

    def test_an_agreement_needs_its_amount_and_terms(self):
        class Data:
            result = "agreed"
            agreement_amount = None
            agreement_terms = ""

        with self.assertRaises(Invalid) as invalid:
            IMediationSession.getTaggedValue("invariants")[0](Data())
        self.assertIn("须填写协议金额和协议内容", str(invalid.exception.args[0].default))

    def test_no_transfer_before_the_mediation_period_ends(self):
        self.make_case(routed=at(2026, 3, 2))  # mediation due 17 March
        self.assertFalse(transfer_offered(self.case, on=date(2026, 3, 17)))
        with api.env.adopt_user(username="mediator"), self.assertRaises(Refused) as refused:
            transfer_to_arbitration(self.case, "调解不成", when=date(2026, 3, 10))
        self.assertIn("调解期限（15日）届满", str(refused.exception))

    def test_after_15_days_without_agreement_the_case_goes_to_arbitration(self):
        self.make_case(routed=at(2026, 3, 2))
        session = self.add_session()
        self.assertTrue(transfer_offered(self.case, on=date(2026, 3, 18)))
        with api.env.adopt_user(username="mediator"):
            transfer_to_arbitration(self.case, "调解期满未达成协议，申请人申请仲裁。", when=date(2026, 3, 18))
        clock = clocks.current(self.case)
        self.assertEqual(
            (clock.stage, clock.start, clock.due()), ("arbitration_acceptance", date(2026, 3, 18), date(2026, 3, 23))
        )
        # the whole history stays: the mediation clock, the session, the entries
        self.assertEqual([c.stage for c in clocks.clocks(self.case)], ["mediation", "arbitration_acceptance"])
        self.assertEqual(clocks.clocks(self.case)[0].stopped, date(2026, 3, 18))
        self.assertEqual(sessions(self.case), [session])
        actions = [e.action for e in entries(self.case)]
        self.assertLess(actions.index("mediation_session"), actions.index("transfer"))
        self.assertEqual(self.case.route, "arbitration")
        self.assertEqual(citizen_status(self.case)["stage"], "仲裁中")
        transferred = [e for e in self.fired if isinstance(e, events.CaseTransferred)]
        self.assertEqual(
            [(e.from_stage, e.to_stage) for e in transferred], [("mediation", "arbitration_acceptance")]
        )

    def test_a_failed_session_offers_the_transfer_at_once(self):
        self.make_case()
        self.assertFalse(transfer_offered(self.case))
        self.add_session(result="failed", notes="被申请人拒绝调解。")
        self.assertTrue(transfer_offered(self.case))

    def test_transfer_to_the_arbitration_unit_moves_the_case_there(self):
        self.make_case(routed=at(2026, 3, 2))
        with api.env.adopt_user(username="mediator"):
            transfer_to_arbitration(
                self.case, "调解期满未达成协议", unit=self.arbitration, handler="arbitrator", when=date(2026, 3, 18)
            )
        self.assertEqual(api.content.get_state(self.case), "routed")
        self.assertTrue(api.user.has_permission("View", username="arbitrator", obj=self.case))
        self.assertFalse(api.user.has_permission("View", username="mediator", obj=self.case))
        with api.env.adopt_user(username="arbitrator"):
            api.content.transition(obj=self.case, transition="accept")
        self.assertEqual(clocks.current(self.case).stage, "arbitration_award")


class TestMediationPages(MediationFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_the_mediator_records_the_agreement_and_the_case_is_closed(self):
        self.portal = self.layer["portal"]
        self.make_case()
        url = self.case.absolute_url()
        transaction.commit()
        browser = browser_for(self.layer["app"], "mediator")
        browser.open(url)
        browser.getLink("添加调解记录").click()
        browser.getControl(name="form.widgets.mediator").value = "张调解"
        browser.getControl(name="form.widgets.mediation_kind:list").value = ["people"]
        browser.getControl(name="form.widgets.parties").value = "申请人；被申请人代理人"
        browser.getControl(name="form.widgets.result:list").value = ["agreed"]
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("达成调解协议的，须填写协议金额和协议内容。", browser.contents)
        browser.getControl(name="form.widgets.agreement_amount").value = "8000"
        browser.getControl(name="form.widgets.agreement_terms").value = "一次性支付8000元。"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(api.content.get_state(self.case), "closed")
        browser.open(url)
        self.assertIn("调解成功", browser.contents)
        self.assertIn("达成调解协议", browser.contents)
