"""Holidays beyond the calendar package's years (2027): the statutory fallback, the year's
arrangement entered in the control panel, the staff warning until both parts are entered.
(Upgrade 1008 is tested in test_upgrades.)"""

from datetime import date
from plone import api
from plone.testing.zope import Browser
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import holidays
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from zope.i18n import translate

import transaction
import unittest


DAYS_OFF = "suizhou.laborrights.holidays.days_off"
WORKING_DAYS = "suizhou.laborrights.holidays.working_days"
# A 2027 arrangement as the State Council's notice might give it (Spring Festival 9 days).
SPRING_OFF = "2027-02-05~2027-02-13|春节"
SPRING_WORK = ("2027-02-14|春节调休上班", "2027-02-20|春节调休上班")


def workday(day):
    return holidays.HolidayCalendar().is_workday(day)


class TestFallback(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_the_package_stops_before_2027(self):
        self.assertLess(holidays.PACKAGE_LAST_YEAR, 2027)

    def test_2027_statutory_holidays_are_not_working_days(self):
        self.assertFalse(workday(date(2027, 1, 1)))  # New Year's Day, a Friday
        # Spring Festival: 除夕 5 February to 初三 8 February; Saturday and Sunday made up
        # on Tuesday 9 and Wednesday 10.
        for day in range(5, 11):
            self.assertFalse(workday(date(2027, 2, day)), f"2027-02-{day}")
        self.assertTrue(workday(date(2027, 2, 11)))
        self.assertFalse(workday(date(2027, 4, 5)))  # 清明
        self.assertFalse(workday(date(2027, 6, 9)))  # 端午
        self.assertFalse(workday(date(2027, 9, 15)))  # 中秋
        self.assertFalse(workday(date(2027, 10, 1)))
        self.assertTrue(workday(date(2027, 1, 4)))  # an ordinary Monday

    def test_2025_rules_13_days(self):
        statutory = holidays.statutory_holidays(2027)
        names = [name for name in statutory.values() if not name.endswith("补假")]
        self.assertEqual(len(names), 13)
        self.assertEqual(names.count("春节"), 4)
        self.assertEqual(names.count("劳动节"), 2)
        self.assertEqual(names.count("国庆节"), 3)

    def test_the_fallback_agrees_with_the_package_where_it_knows(self):
        for year in (2025, 2026):
            for day in holidays.statutory_holidays(year):
                self.assertFalse(workday(day), day)

    def test_a_working_day_period_across_spring_festival_2027(self):
        case = new_case(received=at(2027, 2, 4))
        with api.env.adopt_roles(["Manager"]):
            clocks.start(case, "inspection_filing", when=date(2027, 2, 4))
        status = clocks.status(clocks.current(case), on=date(2027, 2, 4))
        self.assertEqual(status.due, date(2027, 2, 17))  # 11, 12, 15, 16, 17
        self.assertEqual(len(status.warnings), 1)


class TestEnteredArrangement(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        chinese_site()

    def status_on_spring_festival(self):
        case = new_case(received=at(2027, 2, 4))
        with api.env.adopt_roles(["Manager"]):
            clocks.start(case, "inspection_filing", when=date(2027, 2, 4))
        return clocks.status(clocks.current(case), on=date(2027, 2, 4))

    def test_a_make_up_day_counts_only_when_entered(self):
        self.assertFalse(workday(date(2027, 2, 14)))  # a Sunday
        api.portal.set_registry_record(WORKING_DAYS, SPRING_WORK)
        self.assertTrue(workday(date(2027, 2, 14)))

    def test_the_whole_arrangement_is_counted_and_silences_the_warning(self):
        api.portal.set_registry_record(DAYS_OFF, ("2027-01-01|元旦", SPRING_OFF))
        api.portal.set_registry_record(WORKING_DAYS, SPRING_WORK)
        status = self.status_on_spring_festival()
        self.assertEqual(status.due, date(2027, 2, 18))  # 14 (Sunday, make-up), 15, 16, 17, 18
        self.assertEqual(status.warnings, ())
        # Outside the entered days, Monday to Friday.
        self.assertTrue(workday(date(2027, 4, 5)))

    def test_half_entered_keeps_warning(self):
        for days_off, working in (((SPRING_OFF,), ()), ((), SPRING_WORK)):
            api.portal.set_registry_record(DAYS_OFF, days_off)
            api.portal.set_registry_record(WORKING_DAYS, working)
            status = self.status_on_spring_festival()
            self.assertEqual(len(status.warnings), 1, (days_off, working))
            warning = translate(status.warnings[0], target_language="zh_CN")
            self.assertIn("2027年的国务院节假日安排尚未录入", warning)
            self.assertIn("节假日安排", warning)

    def test_another_years_arrangement_does_not_complete_2027(self):
        api.portal.set_registry_record(DAYS_OFF, ("2028-01-01|元旦",))
        api.portal.set_registry_record(WORKING_DAYS, ("2028-01-29|春节调休上班", "2027-02-14|调休"))
        self.assertEqual(len(self.status_on_spring_festival().warnings), 1)


class TestControlPanel(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        make_user("siteadmin", roles=["Site Administrator"])
        api.portal.set_registry_record(DAYS_OFF, ("2028-01-01|元旦",))
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic siteadmin:{PASSWORD}")

    def open(self, year):
        self.browser.open(f"{self.portal.absolute_url()}/@@laborrights-holidays?year={year}")

    def test_the_administrator_enters_2027_one_year_at_a_time(self):
        self.open(2027)
        self.assertIn("维权平台：节假日安排", self.browser.contents)
        self.assertIn("2027年的节假日安排尚未录入完整", self.browser.contents)
        self.assertIn("02-05春节", self.browser.contents)  # the fallback it counts with
        self.browser.getControl(name="form.widgets.days_off").value = f"2027-01-01|元旦\n{SPRING_OFF}"
        self.browser.getControl(name="form.buttons.save").click()
        self.assertIn("2027年的节假日安排已保存", self.browser.contents)
        self.assertIn("尚未录入完整", self.browser.contents)  # no make-up days yet
        self.browser.getControl(name="form.widgets.working_days").value = "\n".join(SPRING_WORK)
        self.browser.getControl(name="form.buttons.save").click()
        self.assertIn("2027年的节假日安排已录入", self.browser.contents)
        transaction.begin()
        self.assertEqual(
            api.portal.get_registry_record(DAYS_OFF),
            ("2027-01-01|元旦", SPRING_OFF, "2028-01-01|元旦"),  # 2028 kept
        )
        self.assertTrue(holidays.Arrangement().entered(2027))
        # The form shows one year: 2028's line only under 2028.
        self.open(2028)
        self.assertEqual(
            self.browser.getControl(name="form.widgets.days_off").value.strip(), "2028-01-01|元旦"
        )

    def test_a_line_of_another_year_or_not_a_date_is_refused(self):
        self.open(2027)
        for line in ("2028-01-01|元旦", "一月一日|元旦"):
            self.browser.getControl(name="form.widgets.days_off").value = line
            self.browser.getControl(name="form.buttons.save").click()
            self.assertNotIn("已保存", self.browser.contents)
        transaction.begin()
        self.assertEqual(api.portal.get_registry_record(DAYS_OFF), ("2028-01-01|元旦",))
