"""Statutory clocks: calendar and working days across real holidays and make-up working days,
pause and resume, extension with approval, the registry's numbers, the indexed due dates."""

from datetime import date
from plone import api
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.sweep import sweep
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import new_case
from zope.component import getGlobalSiteManager
from zope.i18n import translate

import unittest


def record_name(name):
    return f"suizhou.laborrights.statutory.{name}"


class ClockTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        self.case = new_case(received=at(2026, 3, 2))

    def start(self, stage, day):
        with api.env.adopt_roles(["Manager"]):
            return clocks.start(self.case, stage, when=day)

    def due(self):
        return clocks.current(self.case).due()


class TestCalendarDays(ClockTestCase):
    def test_mediation_is_15_calendar_days(self):
        self.start("mediation", date(2026, 3, 2))
        self.assertEqual(self.due(), date(2026, 3, 17))
        self.assertFalse(clocks.current(self.case).working)

    def test_arbitration_acceptance_is_5_days_and_award_45(self):
        self.start("arbitration_acceptance", date(2026, 3, 2))
        self.assertEqual(self.due(), date(2026, 3, 9))  # 7th is a Saturday: next working day
        self.start("arbitration_award", date(2026, 3, 10))
        self.assertEqual(self.due(), date(2026, 4, 24))

    def test_a_period_ending_on_a_holiday_ends_on_the_next_working_day(self):
        # 2026-09-16 + 15 days = 2026-10-01, National Day (1–7 October).
        self.start("mediation", date(2026, 9, 16))
        self.assertEqual(self.due(), date(2026, 10, 8))

    def test_rolling_over_holidays_is_a_setting(self):
        api.portal.set_registry_record(record_name("deadline_rolls_over_holidays"), False)
        self.start("mediation", date(2026, 9, 16))
        self.assertEqual(self.due(), date(2026, 10, 1))

    def test_the_days_come_from_the_registry_when_the_clock_starts(self):
        api.portal.set_registry_record(record_name("mediation_days"), 10)
        self.start("mediation", date(2026, 3, 2))
        self.assertEqual(self.due(), date(2026, 3, 12))
        # A later change of the setting does not move a running deadline.
        api.portal.set_registry_record(record_name("mediation_days"), 30)
        self.assertEqual(self.due(), date(2026, 3, 12))


class TestWorkingDays(ClockTestCase):
    def test_inspection_filing_across_a_weekend(self):
        self.start("inspection_filing", date(2026, 3, 6))  # a Friday
        self.assertEqual(self.due(), date(2026, 3, 13))
        self.assertTrue(clocks.current(self.case).working)

    def test_inspection_filing_across_national_day_with_its_make_up_saturday(self):
        # 2026-09-30 counts; 1–7 October are holidays; 8, 9 count; Saturday 10 October is a
        # make-up working day (调休上班) and counts; Sunday 11 does not; Monday 12 is the 5th.
        self.start("inspection_filing", date(2026, 9, 29))
        self.assertEqual(self.due(), date(2026, 10, 12))

    def test_a_make_up_sunday_counts_and_mid_autumn_does_not(self):
        # Sunday 2026-09-20 is a make-up working day; 25–27 September is Mid-Autumn.
        self.start("inspection_filing", date(2026, 9, 18))
        self.assertEqual(self.due(), date(2026, 9, 24))
        # 24 (1), 28, 29, 30 (4), 8, 9, 10 (7) …
        self.assertEqual(
            periods.count_due(date(2026, 9, 23), 7, working=True), date(2026, 10, 10)
        )

    def test_beyond_the_known_years_is_counted_with_a_clear_warning(self):
        self.start("inspection_filing", date(2026, 12, 28))
        status = clocks.status(clocks.current(self.case), on=date(2026, 12, 28))
        # The statutory fallback: 29, 30, 31, (1 January is New Year's Day) 4, 5.
        self.assertEqual(status.due, date(2027, 1, 5))
        self.assertEqual(len(status.warnings), 1)
        warning = translate(status.warnings[0], target_language="zh_CN")
        self.assertIn("2027年", warning)
        self.assertIn("尚未录入", warning)
        # The history says so too.
        started = [e for e in entries(self.case) if e.action == "clock_started"][-1]
        self.assertEqual(dict(started.details)["calendar_unknown_years"], (2027,))

    def test_an_override_line_does_not_complete_a_new_year(self):
        api.portal.set_registry_record(
            record_name("calendar_overrides"), ("2027-01-04|holiday|临时调整",)
        )
        self.start("inspection_filing", date(2026, 12, 28))
        status = clocks.status(clocks.current(self.case), on=date(2026, 12, 28))
        self.assertEqual(status.due, date(2027, 1, 6))  # 29, 30, 31, 5, 6
        self.assertEqual(len(status.warnings), 1)  # the year's arrangement is still missing

    def test_a_correction_wins_over_the_package(self):
        api.portal.set_registry_record(
            record_name("calendar_overrides"), ("2026-03-09|holiday|临时调整",)
        )
        self.start("inspection_filing", date(2026, 3, 6))
        self.assertEqual(self.due(), date(2026, 3, 16))


class TestPauseAndResume(ClockTestCase):
    def test_pause_and_resume_move_the_due_date(self):
        self.start("mediation", date(2026, 3, 2))
        self.assertEqual(self.due(), date(2026, 3, 17))
        with api.env.adopt_roles(["Manager"]):
            clocks.pause(self.case, "等待申请人补正材料", when=date(2026, 3, 4))
            self.assertIsNone(self.due())
            self.assertTrue(clocks.status(clocks.current(self.case)).paused)
            clocks.resume(self.case, "已补正", when=date(2026, 3, 6))
        self.assertEqual(self.due(), date(2026, 3, 19))  # two days later
        actions = [e.action for e in entries(self.case)]
        self.assertIn("clock_paused", actions)
        self.assertIn("clock_resumed", actions)

    def test_pause_in_working_days(self):
        self.start("inspection_filing", date(2026, 3, 2))
        self.assertEqual(self.due(), date(2026, 3, 9))
        with api.env.adopt_roles(["Manager"]):
            clocks.pause(self.case, "补正", when=date(2026, 3, 3))
            clocks.resume(self.case, when=date(2026, 3, 5))
        # 3 March counted; 4 and 5 paused; 6, 9, 10, 11 make five.
        self.assertEqual(self.due(), date(2026, 3, 11))

    def test_pause_needs_a_reason_and_resume_a_pause(self):
        self.start("mediation", date(2026, 3, 2))
        with self.assertRaises(Refused) as refused:
            clocks.pause(self.case, " ", when=date(2026, 3, 4))
        self.assertIn("须说明理由", str(refused.exception))
        with self.assertRaises(Refused) as refused:
            clocks.resume(self.case, when=date(2026, 3, 4))
        self.assertIn("没有暂停", str(refused.exception))

    def test_a_paused_case_is_out_of_the_due_index(self):
        self.start("mediation", date(2026, 3, 2))
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.unrestrictedSearchResults(due_date=date(2026, 3, 17))
        self.assertEqual([b.getId for b in found], [self.case.getId()])
        self.assertEqual(found[0].stage, "mediation")
        with api.env.adopt_roles(["Manager"]):
            clocks.pause(self.case, "补正", when=date(2026, 3, 4))
        self.assertEqual(len(catalog.unrestrictedSearchResults(due_date=date(2026, 3, 17))), 0)
        brain = catalog.unrestrictedSearchResults(UID=self.case.UID())[0]
        self.assertTrue(brain.clock_paused)


class TestExtension(ClockTestCase):
    def test_arbitration_award_extends_once_with_approval(self):
        self.start("arbitration_award", date(2026, 3, 2))
        self.assertEqual(self.due(), date(2026, 4, 16))
        with self.assertRaises(Refused) as refused:
            clocks.extend(self.case, approved_by="", reason="案情复杂")
        self.assertIn("延期须经批准", str(refused.exception))
        with api.env.adopt_roles(["Manager"]):
            clocks.extend(self.case, approved_by="仲裁委主任 李某（随劳仲延字〔2026〕3号）", reason="案情复杂")
        self.assertEqual(self.due(), date(2026, 5, 6))  # 1 May + Labour Day holidays
        with self.assertRaises(Refused) as refused:
            clocks.extend(self.case, approved_by="李某", reason="再延")
        self.assertIn("已延期一次", str(refused.exception))
        extended = [e for e in entries(self.case) if e.action == "clock_extended"][0]
        self.assertEqual(dict(extended.details)["approved_by"], "仲裁委主任 李某（随劳仲延字〔2026〕3号）")

    def test_inspection_investigation_extends_by_30_working_days(self):
        self.start("inspection_investigation", date(2026, 3, 2))
        before = self.due()
        with api.env.adopt_roles(["Manager"]):
            clocks.extend(self.case, approved_by="局长 王某", reason="涉及人数多")
        after = self.due()
        self.assertEqual(
            after, periods.count_due(date(2026, 3, 2), 90, working=True)
        )
        self.assertGreater(after, before)

    def test_mediation_cannot_be_extended(self):
        self.start("mediation", date(2026, 3, 2))
        with self.assertRaises(Refused):
            clocks.extend(self.case, approved_by="某", reason="某")


class TestClocksFollowTheCase(ClockTestCase):
    def setUp(self):
        super().setUp()
        self.unit = make_station("center", title="曾都区维权中心", level="center").UID()

    def test_routing_to_mediation_starts_its_clock_on_the_routing_day(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route="mediation", when=at(2026, 3, 2))
        clock = clocks.current(self.case)
        self.assertEqual((clock.stage, clock.start, clock.due()), ("mediation", date(2026, 3, 2), date(2026, 3, 17)))

    def test_arbitration_accepted_starts_the_award_clock(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route="arbitration", when=at(2026, 3, 2))
            self.assertEqual(clocks.current(self.case).stage, "arbitration_acceptance")
            api.content.transition(obj=self.case, transition="accept")
        self.assertEqual(clocks.current(self.case).stage, "arbitration_award")
        self.assertEqual([c.stage for c in clocks.clocks(self.case)], ["arbitration_acceptance", "arbitration_award"])

    def test_inspection_filed_starts_the_investigation_clock(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route="inspection", when=at(2026, 3, 2))
            self.assertEqual(self.due(), date(2026, 3, 9))
            api.content.transition(obj=self.case, transition="accept")
        self.assertEqual(clocks.current(self.case).stage, "inspection_investigation")

    def test_closing_stops_the_clock(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route="mediation", when=at(2026, 3, 2))
            self.case.outcome = "mediated"
            api.content.transition(obj=self.case, transition="close")
        self.assertIsNone(clocks.current(self.case))
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog.unrestrictedSearchResults(stage="mediation")), 0)

    def test_a_route_without_a_statutory_period_has_no_clock(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.unit, route="employment_service", when=at(2026, 3, 2))
        self.assertIsNone(clocks.current(self.case))


class TestDueDateKept(ClockTestCase):
    def test_the_due_date_is_indexed_without_a_site(self):
        # The catalog may index at commit time, when no site (and no registry) is at hand.
        from suizhou.laborrights.cases.indexers import due_date
        from zope.component.hooks import getSite
        from zope.component.hooks import setSite

        self.start("mediation", date(2026, 3, 2))
        site = getSite()
        setSite(None)
        try:
            value = due_date(self.case)()
        finally:
            setSite(site)
        self.assertEqual(value, date(2026, 3, 17))

    def test_a_new_years_holidays_move_running_deadlines_at_the_next_sweep(self):
        self.start("inspection_filing", date(2026, 12, 28))
        self.assertEqual(clocks.current(self.case).due_date, date(2027, 1, 5))
        api.portal.set_registry_record(
            "suizhou.laborrights.holidays.days_off", ("2027-01-01~2027-01-04|元旦",)
        )
        api.portal.set_registry_record(
            "suizhou.laborrights.holidays.working_days", ("2027-01-09|元旦调休上班",)
        )
        self.assertEqual(sweep(on=date(2026, 12, 28))["moved"], 1)
        catalog = api.portal.get_tool("portal_catalog")
        brain = catalog.unrestrictedSearchResults(UID=self.case.UID())[0]
        self.assertEqual(brain.due_date, date(2027, 1, 6))  # 29, 30, 31, 5, 6


class TestSweep(ClockTestCase):
    def setUp(self):
        super().setUp()
        self.fired = []
        handler = self.fired.append
        gsm = getGlobalSiteManager()
        gsm.registerHandler(handler, (events.ICaseHandlingEvent,))
        self.addCleanup(gsm.unregisterHandler, handler, (events.ICaseHandlingEvent,))

    def test_due_soon_then_overdue_each_announced_once(self):
        self.start("mediation", date(2026, 3, 2))  # due 17 March; 3 days' warning
        self.assertEqual(sweep(on=date(2026, 3, 13)), {"due_soon": 0, "overdue": 0, "moved": 0})
        self.assertEqual(sweep(on=date(2026, 3, 14))["due_soon"], 1)
        self.assertEqual(sweep(on=date(2026, 3, 15))["due_soon"], 0)
        self.assertEqual(sweep(on=date(2026, 3, 18))["overdue"], 1)
        self.assertEqual(sweep(on=date(2026, 3, 19))["overdue"], 0)
        kinds = [(type(e).__name__, e.stage, e.due) for e in self.fired]
        self.assertEqual(
            kinds,
            [("CaseDueSoon", "mediation", date(2026, 3, 17)), ("CaseOverdue", "mediation", date(2026, 3, 17))],
        )
        self.assertEqual([e.action for e in entries(self.case)][-2:], ["due_soon", "overdue"])
        self.assertEqual(entries(self.case)[-1].actor, "system")
