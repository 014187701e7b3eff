"""Statistics (issue 14 item 2): the figures of a fixed set of cases equal the hand-computed
values (tests/statistics_helpers.py), on the page and in the Excel file; the closing figures."""

from decimal import Decimal
from fractions import Fraction
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from suizhou.laborrights.cases.closure import close_case
from suizhou.laborrights.forms.rating import rate
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.periods import today
from suizhou.laborrights.statistics import figures as f
from suizhou.laborrights.statistics.excel import xlsx_bytes
from suizhou.laborrights.statistics.selection import Period
from suizhou.laborrights.statistics.selection import select
from suizhou.laborrights.statistics.tables import all_tables
from suizhou.laborrights.statistics.tables import period_label
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.statistics_helpers import Q1
from tests.statistics_helpers import routed
from tests.statistics_helpers import statistics_cases

import unittest


CITY = ["zengdu", "guangshui"]


class StatisticsTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.cases = statistics_cases()
        self.s = select(Q1, CITY)

    def table(self, table_id):
        table = next(t for t in all_tables(self.s) if t.id == table_id)
        return {str(row[0]).strip("　 "): row[1:] for row in table.rows}


class TestSelection(StatisticsTestCase):
    def test_received_and_closed_in_the_period(self):
        received = sorted(r.received for r in self.s.received)
        self.assertEqual(len(received), 10)  # not A0, A0b (before) nor X (00:00 on 1 April)
        self.assertEqual(received[-1], "2026-03-31")  # I1, 23:00 Beijing time on the last day
        # M1 M2 M3 R H A1 I1; A3 was refused today (outside the period); R counts once
        self.assertEqual(len(self.s.closed), 7)
        self.assertEqual(len(self.s.arbitration_pending), 1)  # A0; A0b ended in December

    def test_months_count_the_boundary_and_the_reopened_case_once(self):
        months = self.table("months")
        self.assertEqual(months["2026-01"], [3, 0])  # M1, A1, R received; R's January closure replaced
        self.assertEqual(months["2026-02"], [4, 2])  # M2 M3 A3 I2 received; M1 (2 Feb), M3 closed
        self.assertEqual(months["2026-03"], [3, 5])  # A2 I1 H; M2 A1 R I1 H closed


class TestFigures(StatisticsTestCase):
    def test_official_table(self):
        t = self.table("official")
        expected = {
            "上期未结案件数": 1,
            "当期案件受理数": 2,  # A1 A2 (A3 refused)
            "其中：集体劳动争议案件数": 1,
            "劳动者申诉案件数": 1,
            "按争议原因：劳动报酬": 1,
            "变更、解除、终止劳动合同": 1,
            "社会保险": 0,
            "其他": 0,
            "劳动者当事人数": 13,
            "其中：集体争议劳动者当事人数": 12,
            "结案数": 1,
            "按处理方式：仲裁调解": 0,
            "仲裁裁决": 1,
            "其他方式": 0,
            "按处理结果：用人单位胜诉": 0,
            "劳动者胜诉": 1,
            "双方部分胜诉": 0,
            "案外调解案件数": 3,  # M1 R H
            "涉案金额（元）": Decimal("28000.00"),
            "仲裁结案率": Fraction(1, 3),  # 1 ÷ (2 + 1)
        }
        self.assertEqual({label: t[label][0] for label in expected}, expected)
        labels = [label for label in t]
        self.assertEqual(labels[:2], ["上期未结案件数", "当期案件受理数"])  # the official order

    def test_mediation_closed_is_not_successful(self):
        t = self.table("mediation")
        self.assertEqual(t["调解结案数"][0], 5)
        self.assertEqual([t[k][0] for k in ("达成协议", "和解", "未达成协议", "撤回")], [2, 1, 1, 1])
        self.assertEqual(f.mediation_success_rate(self.s.closed), Fraction(3, 5))

    def test_on_time_per_clock_leaves_paused_days_out(self):
        t = self.table("clocks")
        self.assertEqual(t["调解"], [5, 5, 1])  # M2 is on time only because its pause does not count
        self.assertEqual(t["仲裁立案审查"], [1, 1, 1])
        self.assertEqual(t["仲裁审理"], [1, 0, 0])
        self.assertEqual(t["监察立案审查"], [1, 1, 1])
        self.assertEqual(t["全部"], [8, 7, Fraction(7, 8)])

    def test_days_amounts_and_workers(self):
        self.assertEqual(sorted(f.days_to_close(self.s.closed)), [0, 2, 3, 4, 31, 54, 74])
        self.assertEqual(f.average_days_to_close(self.s.closed), Decimal("24.0"))
        self.assertEqual(f.median_days_to_close(self.s.closed), Decimal("4"))
        self.assertEqual(f.amount_claimed(self.s.received), Decimal("34000.00"))
        self.assertEqual(f.amount_recovered(self.s.closed), Decimal("29000.50"))
        self.assertEqual(f.workers_benefited(self.s.closed), 17)

    def test_satisfaction_and_12345(self):
        self.assertEqual(f.satisfaction_levels(self.s.closed), {5: 1, 4: 1, 3: 0, 2: 1, 1: 0})
        self.assertEqual(f.satisfaction_average(self.s.closed), Decimal("3.67"))
        self.assertEqual(f.satisfied_share(self.s.closed), Fraction(2, 3))
        t = self.table("hotline")
        self.assertEqual(t["12345 工单事项数"][0], 1)
        self.assertEqual(t["办结率"][0], 1)
        self.assertEqual(t["满意率"][0], 1)

    def test_a_rating_given_after_the_closure_is_counted(self):
        rate(self.cases["I1"], "basically_satisfied")  # the records were read in setUp
        closed = select(Q1, CITY).closed
        self.assertEqual(f.satisfaction_levels(closed), {5: 1, 4: 1, 3: 1, 2: 1, 1: 0})
        self.assertEqual(f.satisfied_share(closed), Fraction(3, 4))

    def test_inspection_figures(self):
        t = self.table("inspection")
        self.assertEqual(t["举报投诉案件数"][0], 2)  # I1, and I2 of 广水市
        self.assertEqual(t["投诉办结率"][0], Fraction(1, 2))
        self.assertEqual(t["追发工资等待遇人数"][0], 3)
        self.assertEqual(t["追发工资等待遇金额（元）"][0], Decimal("9000.50"))
        self.assertEqual(t["督促补缴社会保险金额（元）"][0], Decimal("4000.00"))
        self.assertEqual(t["补签劳动合同人数"][0], 1)
        self.assertEqual(t["移送公安机关件数"][0], 1)

    def test_channels_districts_and_ranking_minimum(self):
        self.assertEqual(self.table("channels"), {"窗口": [9], "12345热线": [1]})
        districts = self.table("districts")
        self.assertEqual(districts["曾都区"][:2], [9, 7])
        self.assertEqual(districts["广水市"][:2], [1, 0])
        ranking = self.table("ranking")
        self.assertEqual(ranking["曾都区"], [5, None, 8, None])  # fewer than 10: not ranked

    def test_figures_per_month(self):
        months = self.table("by_month")
        # February: received M2 M3 A3 I2; closed M1 (2 Feb, received in January) and M3 (withdrawn)
        self.assertEqual(months["2026-02"][:4], [4, 2, Fraction(1, 2), 1])
        self.assertEqual(months["2026-02"][4:6], [Decimal("2.5"), Decimal("2.5")])  # 3 and 2 days

    def test_a_station_filter_keeps_its_cases(self):
        station = self.cases["I2"].assigned_unit
        self.assertEqual(len(select(Q1, CITY, unit=station).received), 1)


class TestExcel(StatisticsTestCase):
    def test_the_workbook_holds_the_same_numbers(self):
        tables = all_tables(self.s)
        book = load_workbook(BytesIO(xlsx_bytes(tables, period_label(Q1))))
        self.assertEqual(book.sheetnames, [t.title for t in tables])
        official = book["劳动争议处理情况"]
        self.assertEqual([c.value for c in official[1]], ["项目", "数值"])
        self.assertTrue(official["A1"].font.bold)
        self.assertEqual(official.freeze_panes, "A2")
        rows = {str(r[0].value).strip("　 "): r[1] for r in official.iter_rows(min_row=2) if r[1].value is not None}
        self.assertEqual(rows["当期案件受理数"].value, 2)
        self.assertEqual(rows["涉案金额（元）"].value, 28000)
        self.assertEqual(rows["涉案金额（元）"].number_format, "#,##0.00")
        self.assertAlmostEqual(rows["仲裁结案率"].value, 1 / 3)
        self.assertEqual(rows["仲裁结案率"].number_format, "0.0%")
        clocks = book["法定时限按期办结率"]
        self.assertEqual([c.value for c in clocks[7]], ["全部", 8, 7, 0.875])
        self.assertGreaterEqual(official.column_dimensions["A"].width, 20)
        self.assertIn("统计期间：2026-01-01 至 2026-03-31（按北京时间）", [r[0].value for r in official.iter_rows()])


class TestClosingFigures(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        setRoles(self.layer["portal"], TEST_USER_ID, ["Manager"])

    def test_a_mediation_closes_only_with_its_kind(self):
        unit = make_station("unit-m")
        case = routed(at(2026, 3, 2), "mediation", unit)
        with self.assertRaises(Refused):
            close_case(case, "mediated")
        with self.assertRaises(Refused):
            close_case(case, "mediated", mediation_result="agreement", wages_paid_workers=2)
        self.assertEqual(api.content.get_state(case), "routed")
        close_case(case, "mediated", mediation_result="settlement")
        self.assertEqual(case.mediation_result, "settlement")
        this_year = Period.this_year(today())  # closed today
        results = f.mediation_results(select(this_year, ["zengdu"]).closed)
        self.assertEqual(results, {"agreement": 0, "settlement": 1, "failed": 0, "withdrawn": 0})

    def test_inspection_figures_are_kept_and_wrong_ones_refused(self):
        unit = make_station("unit-i")
        case = routed(at(2026, 3, 2), "inspection", unit)
        with self.assertRaises(Refused):
            close_case(case, "inspection_closed", wages_paid_amount=Decimal("-1"))
        with self.assertRaises(Refused):
            close_case(case, "inspection_closed", mediation_result="agreement")
        self.assertIsNone(getattr(case, "wages_paid_amount", None))
        close_case(case, "inspection_closed", wages_paid_workers=4, wages_paid_amount=Decimal("12000"))
        self.assertEqual((case.wages_paid_workers, case.wages_paid_amount), (4, Decimal("12000")))
