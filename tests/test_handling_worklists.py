"""Worklists (工作台): 待分办, 我的在办, 本单位, 即将到期, 已超期 with counts, columns,
filters and batch reassignment — each person sees only their own cases."""

from datetime import date
from decimal import Decimal
from plone import api
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import periods
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.worklists import counts
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.audit_helpers import LogDirectory
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import new_case
from tests.helpers import RoutingFixture

import csv
import io
import lxml.html
import openpyxl
import transaction
import unittest


class WorklistFixture(RoutingFixture):
    def make_cases(self):
        self.make_people()
        # 20 days' warning, so that clocks started today are "due soon"
        api.portal.set_registry_record("suizhou.laborrights.statutory.due_soon_days", 20)
        self.unrouted = new_case(district="zengdu", channel="hotline_12345", hotline_ticket="T-1")
        self.overdue = new_case(district="zengdu", received=at(2026, 3, 1))
        self.soon = new_case(district="zengdu", channel="web")
        self.other_unit = new_case(district="zengdu", dispute_types=["wage_arrears"])
        self.paused = new_case(district="zengdu")
        self.done = new_case(district="zengdu")
        with api.env.adopt_roles(["Manager"]):
            route(self.overdue, self.a, handler="mediator", route="mediation", when=at(2026, 3, 2))
            route(self.soon, self.a, handler="mediator", route="mediation")
            route(self.other_unit, self.b, route="inspection")
            route(self.paused, self.a, handler="mediator", route="mediation")
            clocks.pause(self.paused, "等待申请人补正材料")
            route(self.done, self.a, handler="mediator", route="mediation", when=at(2026, 3, 2))
            self.done.outcome = "mediated"
            api.content.transition(obj=self.done, transition="close")


class TestWorklistCounts(WorklistFixture, unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_cases()

    def counts_of(self, username):
        with api.env.adopt_user(username=username):
            return counts()

    def test_the_clerk_sees_what_waits_for_routing(self):
        self.assertEqual(self.counts_of("clerk"), {"unrouted": 1, "mine": 0, "unit": 0, "due_soon": 0, "overdue": 0})

    def test_the_handler_sees_their_cases(self):
        self.assertEqual(self.counts_of("mediator"), {"unrouted": 0, "mine": 3, "unit": 3, "due_soon": 1, "overdue": 1})

    def test_each_unit_sees_its_own(self):
        self.assertEqual(self.counts_of("staff_a"), {"unrouted": 0, "mine": 0, "unit": 3, "due_soon": 1, "overdue": 1})
        self.assertEqual(self.counts_of("staff_b"), {"unrouted": 0, "mine": 0, "unit": 1, "due_soon": 1, "overdue": 0})

    def test_the_district_supervisor_sees_the_district(self):
        self.assertEqual(
            self.counts_of("admin_zengdu"),
            {"unrouted": 1, "mine": 0, "unit": 4, "due_soon": 2, "overdue": 1},
        )

    def test_resuming_a_paused_clock_brings_the_case_back(self):
        with api.env.adopt_roles(["Manager"]):
            clocks.resume(self.paused, "已补正")
        self.assertEqual(self.counts_of("staff_a")["due_soon"], 2)

    def test_the_overdue_list_is_a_catalog_query_on_the_due_date(self):
        catalog = api.portal.get_tool("portal_catalog")
        found = catalog.unrestrictedSearchResults(
            portal_type="Case", due_date={"query": periods.today(), "range": "max"}
        )
        self.assertEqual([b.getId for b in found], [self.overdue.getId()])
        self.assertEqual(found[0].due_date, date(2026, 3, 16))  # 15 days from its receipt, 1 March
        self.assertEqual(found[0].stage, "mediation")


class TestWorklistPage(WorklistFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.make_cases()
        self.worklist = f"{self.portal.absolute_url()}/@@worklist"
        transaction.commit()

    def test_tabs_with_counts_and_columns(self):
        browser = browser_for(self.app, "staff_a")
        browser.open(f"{self.worklist}?tab=overdue")
        self.assertIn("已超期", browser.contents)
        tab = browser.getLink(id="worklist-tab-overdue")
        self.assertIn("1", tab.text)
        self.assertIn(self.overdue.getId(), browser.contents)
        self.assertNotIn(self.soon.getId(), browser.contents)
        for column in ("受理编号", "受理时间", "争议类型", "渠道", "承办单位", "承办人", "到期日", "状态"):
            self.assertIn(column, browser.contents)
        for value in ("2026-03-01", "拖欠工资", "窗口", "曾都区维权中心", "2026-03-16", "已分办"):
            self.assertIn(value, browser.contents)
        browser.getLink(id="worklist-tab-due_soon").click()
        self.assertIn(self.soon.getId(), browser.contents)
        self.assertNotIn(self.paused.getId(), browser.contents)
        browser.getLink(id="worklist-tab-unit").click()
        self.assertIn(self.paused.getId(), browser.contents)
        self.assertIn("暂停计时", browser.contents)
        self.assertNotIn(self.other_unit.getId(), browser.contents)
        # no batch reassignment for a unit's staff
        self.assertNotIn("批量改派", browser.contents)

    def test_filters(self):
        browser = browser_for(self.app, "admin_zengdu")
        browser.open(f"{self.worklist}?tab=unit&channel=web")
        self.assertIn(self.soon.getId(), browser.contents)
        self.assertNotIn(self.overdue.getId(), browser.contents)
        browser.open(f"{self.worklist}?tab=unit&stage=inspection_filing")
        self.assertIn(self.other_unit.getId(), browser.contents)
        self.assertNotIn(self.soon.getId(), browser.contents)
        browser.open(f"{self.worklist}?tab=unit&received_to=2026-03-31")
        self.assertIn(self.overdue.getId(), browser.contents)
        self.assertNotIn(self.soon.getId(), browser.contents)

    def test_batch_reassignment_needs_a_reason_and_moves_the_cases(self):
        browser = browser_for(self.app, "admin_zengdu")
        browser.open(f"{self.worklist}?tab=unit")
        boxes = browser.getControl(name="uids:list")
        boxes.value = [self.overdue.UID(), self.soon.UID()]
        browser.getControl(name="unit").value = [self.b]
        browser.getControl(name="batch_reassign").click()
        self.assertIn("改派或重新分办须说明理由。", browser.contents)
        browser.getControl(name="uids:list").value = [self.overdue.UID(), self.soon.UID()]
        browser.getControl(name="unit").value = [self.b]
        browser.getControl(name="reason").value = "曾都区维权中心人手不足，统一调整"
        browser.getControl(name="batch_reassign").click()
        self.assertIn("已改派 2 件", browser.contents)
        transaction.begin()
        for case in (self.overdue, self.soon):
            self.assertEqual(case.assigned_unit, self.b)
            self.assertTrue(api.user.has_permission("View", username="staff_b", obj=case))
            self.assertFalse(api.user.has_permission("View", username="staff_a", obj=case))

    def test_anonymous_has_no_worklist(self):
        from plone.testing.zope import Browser

        browser = Browser(self.app)
        browser.open(self.worklist)
        self.assertIn("/login", browser.url)


class TestWorklistColumnsAndExport(LogDirectory, WorklistFixture, unittest.TestCase):
    """What the handler needs at a glance, in the order they choose, and the list as a file."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.use_own_log_directory()
        self.make_cases()
        api.user.get(username="mediator").setMemberProperties({"fullname": "李调解"})
        for case, name, employer, amount in (
            (self.overdue, "赵一", "随州市恒驰机械有限公司", "8800"),
            (self.soon, "安二", '=HYPERLINK("http://example.org")', "12000.5"),
            (self.paused, "孙三", "随州市大洪山茶业有限公司", None),
        ):
            case.applicant_name, case.employer_name = name, employer
            case.claim_amount = Decimal(amount) if amount else None
            case.reindexObject()
        self.worklist = f"{self.portal.absolute_url()}/@@worklist"
        transaction.commit()

    def table(self, browser):
        html = lxml.html.fromstring(browser.contents)
        header = [
            th.text_content().split()[0] if th.text_content().split() else ""
            for th in html.xpath("//table[contains(@class, 'worklist')]//th")
        ]
        rows = [
            {header[i]: td.text_content().strip() for i, td in enumerate(tr.xpath("td"))}
            for tr in html.xpath("//table[contains(@class, 'worklist')]/tbody/tr")
        ]
        return header, rows, html

    def test_the_columns_a_handler_needs(self):
        browser = browser_for(self.app, "mediator")
        browser.open(f"{self.worklist}?tab=mine")
        header, rows, _html = self.table(browser)
        for column in ("申请人", "用人单位", "争议类型", "金额（元）", "受理时间", "已等待（天）", "到期日", "承办人"):
            self.assertIn(column, header)
        overdue = next(row for row in rows if row["受理编号"] == self.overdue.getId())
        self.assertEqual(overdue["申请人"], "赵一")
        self.assertEqual(overdue["用人单位"], "随州市恒驰机械有限公司")
        self.assertEqual(overdue["金额（元）"], "8,800.00")
        self.assertEqual(overdue["承办人"], "李调解")  # the full name, not the login name
        self.assertEqual(int(overdue["已等待（天）"]), (periods.today() - date(2026, 3, 1)).days)
        self.assertIn("已超期", overdue["到期日"])

    def test_the_first_tab_with_work_opens(self):
        for username, tab in (("clerk", "unrouted"), ("mediator", "mine"), ("staff_a", "unit")):
            with self.subTest(username=username):
                browser = browser_for(self.app, username)
                browser.open(self.worklist)
                self.assertIn("active", browser.getLink(id=f"worklist-tab-{tab}").attrs["class"])

    def test_sorted_by_the_column_clicked(self):
        browser = browser_for(self.app, "mediator")
        browser.open(f"{self.worklist}?tab=mine")
        # the oldest received first by default
        self.assertEqual([row["申请人"] for row in self.table(browser)[1]][0], "赵一")
        browser.getLink(id="sort-applicant").click()
        self.assertEqual([row["申请人"] for row in self.table(browser)[1]], ["安二", "孙三", "赵一"])  # pinyin
        browser.getLink(id="sort-applicant").click()
        self.assertEqual([row["申请人"] for row in self.table(browser)[1]], ["赵一", "孙三", "安二"])
        browser.getLink(id="sort-amount").click()  # the largest first; no amount last
        self.assertEqual([row["申请人"] for row in self.table(browser)[1]], ["安二", "赵一", "孙三"])

    def test_filters_have_labels(self):
        browser = browser_for(self.app, "admin_zengdu")
        browser.open(f"{self.worklist}?tab=unit")
        html = lxml.html.fromstring(browser.contents)
        labels = {label.get("for"): label.text_content().strip() for label in html.xpath("//form//label")}
        self.assertEqual(labels["filter-channel"], "渠道")
        self.assertEqual(labels["filter-assigned_unit"], "承办单位")
        self.assertEqual(labels["filter-received_from"], "受理日期 从")

    def test_csv_export_of_the_current_list_is_logged(self):
        browser = browser_for(self.app, "mediator")
        browser.open(f"{self.worklist}?tab=mine&sort=applicant")
        browser.getLink(id="worklist-export-csv").click()
        self.assertIn("text/csv", browser.headers["Content-Type"])
        self.assertIn("attachment", browser.headers["Content-Disposition"])
        self.assertIn("no-store", browser.headers["Cache-Control"])
        rows = list(csv.reader(io.StringIO(browser.contents.lstrip("\ufeff"))))
        self.assertEqual(rows[0][:3], ["受理编号", "申请人", "用人单位"])
        self.assertEqual([row[1] for row in rows[1:]], ["安二", "孙三", "赵一"])
        # a name that a spreadsheet would run as a formula is written as text
        self.assertTrue(rows[1][2].startswith("'="))
        (entry,) = self.lines()
        self.assertEqual((entry["user"], entry["kind"]), ("mediator", "export"))
        self.assertEqual((entry["query"]["tab"], entry["query"]["format"], entry["query"]["rows"]), ("mine", "csv", 3))

    def test_excel_export_holds_only_what_the_user_may_see(self):
        browser = browser_for(self.app, "staff_b")
        browser.open(f"{self.worklist}?tab=unit&export=xlsx")
        sheet = openpyxl.load_workbook(
            io.BytesIO(browser.contents if isinstance(browser.contents, bytes) else browser.contents.encode("latin-1"))
        ).active
        references = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(references, [self.other_unit.getId()])
        self.assertEqual(self.lines()[0]["query"]["format"], "xlsx")

    def test_on_a_phone_each_row_is_a_card_with_its_labels(self):
        browser = browser_for(self.app, "mediator")
        browser.open(f"{self.worklist}?tab=mine")
        html = lxml.html.fromstring(browser.contents)
        cell = html.xpath("//table[contains(@class, 'worklist')]/tbody/tr/td[contains(@class, 'applicant')]")[0]
        self.assertEqual(cell.get("data-label"), "申请人")
        self.assertIn("attr(data-label)", browser.contents)
