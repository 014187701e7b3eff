"""Procedural events that pause a period or make it count anew (《劳动人事争议仲裁办案规则》
第四十六条), on real 2026 dates: 补正 requested pauses the acceptance count and it restarts
from the day the materials arrive; a changed claim, an added party, a counter-application
restart the award period; a suspension (中止) pauses it. Each is in the history with who and
when, shown on the clock panel, and fired as an event."""

from datetime import date
from plone import api
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling import procedure
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.panel import HandlingInfo
from suizhou.laborrights.handling.panel import history_rows
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from zope.component import getGlobalSiteManager
from zope.component import provideHandler
from zope.i18n import translate

import transaction
import unittest


SATURDAY = at(2026, 3, 7, 10)  # received; the acceptance count (5 days) ends Thursday 12 March


class ProcedureFixture(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        chinese_site()
        self.case = new_case(received=SATURDAY)
        self.unit = make_station("center", title="曾都区劳动争议仲裁院", level="center").UID()
        make_user("arbitrator_wang", roles=["Manager"])
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route="arbitration", when=at(2026, 3, 9))

    def record(self, kind, day, **kwargs):
        with api.env.adopt_roles(["Manager"]), api.env.adopt_user(username="arbitrator_wang"):
            return procedure.record_event(self.case, kind, when=day, **kwargs)

    def accept(self, day):
        with api.env.adopt_roles(["Manager"]):
            return clocks.advance(self.case, when=day)

    def due(self):
        return clocks.current(self.case).due()


class TestSupplement(ProcedureFixture):
    def request_supplement(self):
        return self.record(
            "supplement_requested", date(2026, 3, 10), supply="劳动合同复印件、工资流水", supply_by=date(2026, 3, 17)
        )

    def test_the_acceptance_count_waits_for_the_materials_then_counts_anew(self):
        self.assertEqual(self.due(), date(2026, 3, 12))
        clock = self.request_supplement()
        self.assertTrue(clock.paused)
        self.assertIsNone(clock.due())
        # The materials arrive on Monday 16 March: 5 days from then end on Saturday 21 March,
        # a rest day, so the count ends on Monday 23 March (not 12 March + the paused days).
        clock = self.record("supplement_received", date(2026, 3, 16), comment="申请人当面补交")
        self.assertEqual(
            (clock.stage, clock.start, clock.due()), ("arbitration_acceptance", date(2026, 3, 16), date(2026, 3, 23))
        )
        self.assertFalse(clock.paused)
        self.assertEqual(clocks.clocks(self.case)[0].stopped, date(2026, 3, 16))

    def test_the_panel_shows_what_the_period_counts_from(self):
        self.request_supplement()
        self.record("supplement_received", date(2026, 3, 16))
        with api.env.adopt_roles(["Manager"]):
            shown = HandlingInfo(self.case).clock()
        self.assertEqual((shown["start"], shown["due"]), ("2026-03-16", "2026-03-23"))
        self.assertEqual(shown["counts_from"], "自收到补正材料之日起重新计算")

    def test_recorded_with_who_and_when_and_what_to_supply(self):
        self.request_supplement()
        self.record("supplement_received", date(2026, 3, 16), comment="申请人当面补交")
        (asked,) = [e for e in entries(self.case) if e.action == "supplement_requested"]
        details = dict(asked.details)
        self.assertEqual(asked.actor, "arbitrator_wang")
        self.assertEqual(details["supply"], "劳动合同复印件、工资流水")
        self.assertEqual((details["supply_by"], details["event_day"]), (date(2026, 3, 17), date(2026, 3, 10)))
        (received,) = [e for e in entries(self.case) if e.action == "supplement_received"]
        self.assertEqual((received.actor, received.comment), ("arbitrator_wang", "申请人当面补交"))
        with api.env.adopt_roles(["Manager"]):
            shown = [(row["action"], row["details"]) for row in history_rows(self.case)]
        self.assertIn(
            (
                "通知补正材料",
                [
                    "办理阶段：仲裁立案审查",
                    "事项日期：2026-03-10",
                    "需补正的材料：劳动合同复印件、工资流水",
                    "补正期限：2026-03-17",
                ],
            ),
            [(translate(action, context=self.layer["request"]), details) for action, details in shown],
        )

    def test_a_request_without_the_list_of_materials_is_refused(self):
        with self.assertRaises(Refused) as refused:
            self.record("supplement_requested", date(2026, 3, 10), supply=" ", supply_by=date(2026, 3, 17))
        self.assertIn("请写明需要补正的材料", str(refused.exception))
        self.assertFalse(clocks.current(self.case).paused)

    def test_fires_its_event(self):
        seen = []

        def handler(case, event):
            seen.append((event.kind, event.day, event.stage))

        provideHandler(handler, (None, events.ISupplementReceived))
        self.addCleanup(getGlobalSiteManager().unregisterHandler, handler, (None, events.ISupplementReceived))
        self.request_supplement()
        self.record("supplement_received", date(2026, 3, 16))
        self.assertEqual(seen, [("supplement_received", date(2026, 3, 16), "arbitration_acceptance")])


class TestAwardPeriod(ProcedureFixture):
    def setUp(self):
        super().setUp()
        self.accept(date(2026, 3, 10))  # the award: 45 days from 10 March, Friday 24 April

    def test_a_changed_claim_restarts_the_award_period(self):
        self.assertEqual(self.due(), date(2026, 4, 24))
        clock = self.record("claim_changed", date(2026, 4, 1), comment="增加加班费请求")
        # 45 days from 1 April: Saturday 16 May, so Monday 18 May.
        self.assertEqual(
            (clock.stage, clock.start, clock.due()), ("arbitration_award", date(2026, 4, 1), date(2026, 5, 18))
        )
        with api.env.adopt_roles(["Manager"]):
            self.assertEqual(HandlingInfo(self.case).clock()["counts_from"], "自受理增加、变更仲裁请求之日起重新计算")

    def test_a_counter_application_restarts_the_award_period(self):
        clock = self.record("counter_application", date(2026, 4, 20))
        # 45 days from 20 April: Thursday 4 June.
        self.assertEqual((clock.start, clock.due()), (date(2026, 4, 20), date(2026, 6, 4)))

    def test_an_added_party_restarts_the_award_period(self):
        clock = self.record("party_added", date(2026, 3, 30), comment="追加某某劳务派遣公司为被申请人")
        # 45 days from 30 March: Thursday 14 May.
        self.assertEqual((clock.start, clock.due()), (date(2026, 3, 30), date(2026, 5, 14)))

    def test_a_restart_after_an_extension_counts_the_plain_period(self):
        with api.env.adopt_roles(["Manager"]):
            clocks.extend(self.case, "仲裁委主任张某批准", "案情复杂")
        self.assertEqual(self.due(), date(2026, 5, 9))  # 24 April + 15 days: Saturday 9 May, a make-up working day
        clock = self.record("claim_changed", date(2026, 4, 1))
        self.assertEqual(clock.due(), date(2026, 5, 18))

    def test_a_suspension_pauses_the_award_period(self):
        clock = self.record("suspended", date(2026, 4, 10), comment="申请人住院治疗")
        self.assertTrue(clock.paused)
        with api.env.adopt_roles(["Manager"]):
            clock = clocks.resume(self.case, "恢复审理", when=date(2026, 4, 20))
        self.assertEqual(clock.due(), date(2026, 5, 6))  # 24 April + 10 days → 4 May, a holiday → 6 May
        self.assertEqual(clock.start, date(2026, 3, 10))

    def test_the_acceptance_events_do_not_apply_to_the_award(self):
        with self.assertRaises(Refused):
            self.record("supplement_received", date(2026, 4, 1))
        self.assertEqual(self.due(), date(2026, 4, 24))

    def test_a_date_before_the_period_began_is_refused(self):
        with self.assertRaises(Refused):
            self.record("claim_changed", date(2026, 3, 9))


class TestProcedureForm(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        chinese_site()
        self.case = new_case(received=SATURDAY)
        unit = make_station("center", title="曾都区劳动争议仲裁院", level="center").UID()
        make_user("arbitrator_wang", roles=["Manager"])
        with api.env.adopt_roles(["Manager"]):
            route(self.case, unit, route="arbitration", when=at(2026, 3, 9))
        transaction.commit()
        self.browser = browser_for(self.layer["app"], "arbitrator_wang")
        self.url = self.case.absolute_url()

    def submit(self, kind, day, **fields):
        self.browser.open(f"{self.url}/@@procedure-event")
        if kind:
            self.browser.getControl(name="form.widgets.kind:list").value = [kind]
        self.browser.getControl(name="form.widgets.day").value = day
        for name, value in fields.items():
            self.browser.getControl(name=f"form.widgets.{name}").value = value
        self.browser.getControl(name="form.buttons.record").click()
        transaction.begin()

    def test_the_handler_asks_for_materials_then_records_their_arrival(self):
        self.browser.open(self.url)
        self.assertIn("@@procedure-event", self.browser.contents)  # offered on the case's panel
        self.submit("supplement_requested", "2026-03-10", supply="劳动合同复印件", supply_by="2026-03-17")
        self.assertIn("已记录程序事项", self.browser.contents)
        self.assertTrue(clocks.current(self.case).paused)
        self.submit("supplement_received", "2026-03-16")
        clock = clocks.current(self.case)
        self.assertEqual((clock.start, clock.due()), (date(2026, 3, 16), date(2026, 3, 23)))
        self.assertIn("自收到补正材料之日起重新计算", self.browser.contents)
        actors = [e.actor for e in entries(self.case) if e.action == "supplement_received"]
        self.assertEqual(actors, ["arbitrator_wang"])

    def test_no_kind_chosen_is_refused_in_chinese(self):
        self.submit(None, "2026-03-10")
        self.assertIn("请选择程序事项。", self.browser.contents)
        self.assertEqual(clocks.current(self.case).start, date(2026, 3, 7))
