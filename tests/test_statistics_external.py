"""External numbers (外部报送数): an administrator enters the 12345 platform's, the arbitration
commission's and the court's monthly figures for a district; they show on the statistics page
and as their own sheet of the workbook, labelled with their source and the period; bad input
gets Chinese messages, keeps what was typed and loses nothing stored; every change is kept with
who and when; a district administrator neither enters nor sees another district's numbers."""

from io import BytesIO
from openpyxl import load_workbook
from suizhou.laborrights.statistics import external
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.assessment_helpers import form_fields
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import staff_session

import lxml.html
import transaction
import unittest


FORM = "@@external-figures"
Q1 = "@@statistics?start=2026-01-01&end=2026-03-31"
ZENGDU_JANUARY = {
    "district": "zengdu",
    "month": "2026-01",
    "hotline_received": "1,234",
    "hotline_completion_rate": "96.5",
    "hotline_satisfaction_rate": "88.25",
    "arbitration_filed": "41",
    "arbitration_closed": "37",
    "court_mediation": "5",
    "court_confirmation": "",
}


class TestExternalFigures(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()

    def session(self, user=None):
        return staff_session(self, user)

    def enter(self, user, values, path=FORM):
        """Open the form as ``user``, type ``values`` and save it; the answer after redirects."""
        session = self.session(user)
        page = session.get(path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        return session.post(FORM, data=form_fields(page.text) | values | {"save": "1"})

    def stored(self, district, month):
        transaction.begin()  # what the requests committed
        entry = external.find(district, month)
        return dict(entry["values"]) if entry else None

    def rows(self, user, query=Q1):
        answer = self.session(user).get(query)
        self.assertEqual(answer.status_code, 200)
        doc = lxml.html.fromstring(answer.text)
        section = doc.get_element_by_id("table-external")
        return section, [
            [cell.text_content().strip() for cell in row.xpath("th|td")] for row in section.xpath(".//tbody/tr")
        ]

    def test_numbers_entered_show_on_the_page_and_in_their_own_sheet(self):
        saved = self.enter("city", ZENGDU_JANUARY)
        self.assertEqual(saved.status_code, 200)
        self.assertIn("已保存。", saved.text)
        self.enter("city", ZENGDU_JANUARY | {"month": "2025-12", "hotline_received": "999"})

        section, rows = self.rows("city")
        # only the months of the period; rates as percentages; "—" for a figure not reported
        self.assertEqual(rows, [["曾都区", "2026-01", "1234", "96.5%", "88.2%", "41", "37", "5", "—"]])
        self.assertEqual(section.xpath("string(h2)"), "外部报送数")
        headers = [th.text_content() for th in section.xpath(".//thead/tr/th")]
        self.assertEqual(headers[2:5], ["12345·受理量", "12345·办结率（%）", "12345·满意率（%）"])
        self.assertIn("仲裁委：劳动人事争议仲裁委员会", section.text_content())
        self.assertIn("不是本系统统计的结果", section.text_content())

        answer = self.session("city").get(Q1.replace("@@statistics", "@@statistics.xlsx"))
        sheet = load_workbook(BytesIO(answer.content))["外部报送数"]
        self.assertEqual(sheet["A1"].value, "区县")
        self.assertEqual(sheet["C1"].value, "12345·受理量")
        self.assertEqual([cell.value for cell in sheet[2]], ["曾都区", "2026-01", 1234, 0.965, 0.8825, 41, 37, 5, None])
        self.assertEqual(sheet["D2"].number_format, "0.0%")
        self.assertEqual(sheet["A4"].value, "统计期间：2026-01-01 至 2026-03-31（按北京时间）")
        self.assertIn("外部报送数", sheet["A5"].value)

    def test_bad_input_is_explained_keeps_the_typed_values_and_loses_nothing(self):
        self.enter("city", ZENGDU_JANUARY)
        answer = self.enter(
            "city",
            ZENGDU_JANUARY | {"hotline_received": "12.5", "hotline_satisfaction_rate": "101", "court_mediation": "7"},
            path=f"{FORM}?district=zengdu&month=2026-01",
        )
        self.assertEqual(answer.status_code, 200)
        doc = lxml.html.fromstring(answer.text)
        self.assertEqual(
            doc.get_element_by_id("error-hotline_received").text, "请填写 0 或正整数（不带小数点和单位）。"
        )
        self.assertIn("0 至 100 之间的百分数", doc.get_element_by_id("error-hotline_satisfaction_rate").text)
        self.assertIn("尚未保存", doc.get_element_by_id("external-message").text)
        # what was typed is still in the fields, the valid ones too
        self.assertEqual(doc.get_element_by_id("external-hotline_received").get("value"), "12.5")
        self.assertEqual(doc.get_element_by_id("external-court_mediation").get("value"), "7")
        # the stored numbers are untouched
        self.assertEqual(self.stored("zengdu", "2026-01")["hotline_received"], 1234)
        self.assertEqual(self.stored("zengdu", "2026-01")["court_mediation"], 5)

        for month, message in (("2026-13", "请按“年-月”填写月份"), ("2099-01", "不能填写尚未到来的月份")):
            answer = self.enter("city", ZENGDU_JANUARY | {"month": month})
            self.assertIn(message, lxml.html.fromstring(answer.text).get_element_by_id("error-month").text)
            self.assertIsNone(self.stored("zengdu", month))
        answer = self.enter("city", {key: "" for key in ZENGDU_JANUARY} | {"district": "zengdu", "month": "2026-02"})
        self.assertIn("请至少填写一项数字", answer.text)
        self.assertIsNone(self.stored("zengdu", "2026-02"))

    def test_each_change_is_kept_with_who_and_when(self):
        self.enter("city", ZENGDU_JANUARY)
        self.enter("admin_zengdu", ZENGDU_JANUARY | {"arbitration_closed": "39"})
        page = self.session("admin_zengdu").get(f"{FORM}?district=zengdu&month=2026-01")
        doc = lxml.html.fromstring(page.text)
        history = [
            [cell.text_content().strip() for cell in row.xpath("td")]
            for row in doc.xpath("//section[@id='external-history']//tbody/tr")
        ]
        self.assertEqual(len(history), 2)
        newest, first = history
        self.assertEqual(newest[1:], ["admin_zengdu", "仲裁委·结案数：37 → 39"])
        self.assertEqual(first[1], "city")
        self.assertIn("12345·受理量：— → 1234", first[2])
        self.assertRegex(newest[0], r"^\d{4}-\d\d-\d\d \d\d:\d\d$")
        self.assertEqual(doc.get_element_by_id("external-arbitration_closed").get("value"), "39")
        # saving the same numbers again is no change
        self.enter("admin_zengdu", ZENGDU_JANUARY | {"arbitration_closed": "39"})
        transaction.begin()
        self.assertEqual(len(external.find("zengdu", "2026-01")["history"]), 2)

    def test_a_district_administrator_keeps_to_their_district(self):
        self.enter("city", ZENGDU_JANUARY | {"district": "guangshui", "hotline_received": "777"})
        # their own district: entered and shown
        self.enter("admin_zengdu", ZENGDU_JANUARY)
        self.assertEqual(self.stored("zengdu", "2026-01")["hotline_received"], 1234)

        session = self.session("admin_zengdu")
        page = session.get(FORM)
        options = lxml.html.fromstring(page.text).xpath("//select[@name='district']/option/@value")
        self.assertEqual(options, ["zengdu"])
        self.assertNotIn("广水市", page.text)
        # another district: neither read nor written
        self.assertRefused(session.get(f"{FORM}?district=guangshui&month=2026-01", allow_redirects=False))
        refused = session.post(
            FORM, data=form_fields(page.text) | ZENGDU_JANUARY | {"district": "guangshui"}, allow_redirects=False
        )
        self.assertRefused(refused)
        self.assertEqual(self.stored("guangshui", "2026-01")["hotline_received"], 777)
        _section, rows = self.rows("admin_zengdu")
        self.assertEqual([row[0] for row in rows], ["曾都区"])
        workbook = self.session("admin_zengdu").get(Q1.replace("@@statistics", "@@statistics.xlsx"))
        sheet = load_workbook(BytesIO(workbook.content))["外部报送数"]
        self.assertNotIn(777, [cell.value for row in sheet.iter_rows() for cell in row])
        # the city sees both
        _section, rows = self.rows("city")
        self.assertEqual([row[0] for row in rows], ["曾都区", "广水市"])

        # a clerk and anonymous are refused the form
        self.assertRefused(self.session("clerk").get(FORM, allow_redirects=False))
        self.assertRefused(self.session().get(FORM, allow_redirects=False))

    def assertRefused(self, answer):
        """Plone's answer to Unauthorized: 401, or a redirect to the login form."""
        if answer.status_code == 302:
            self.assertIn("require_login", answer.headers["Location"])
        else:
            self.assertIn(answer.status_code, (401, 403))
