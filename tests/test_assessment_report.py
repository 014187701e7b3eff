"""The assessment report as a Word document (考核情况通报, .docx): made from the default Chinese
template through the documents package's renderer; its ranking table holds the numbers of the
ranking page, then each district's criteria with the data, the self-assessment and its notes,
the city's review and the final score. Only the city downloads it."""

from docx import Document
from io import BytesIO
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.assessment_helpers import form_fields
from tests.assessment_helpers import mediation_year
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import staff_session

import lxml.html
import transaction
import unittest


ZENGDU = "@@assessment?district=zengdu&year=2026"
REPORT = "@@assessment-report.docx?year=2026"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Without the 12345 criterion (no ticket in the data): 曾都区 has enough cases to be ranked.
CRITERIA = "\n".join(
    (
        "center|劳动保障维权中心建成并配备专职人员|15|district|",
        "stations|乡镇（街道）、村（社区）服务站点覆盖|15|district|",
        "mediation_success|调解成功率|20|mediation_success_rate|80:20,60:10",
        "on_time|按期办结率|20|on_time_rate|95:20,90:10",
    )
)


def table_text(table):
    return [[cell.text.strip() for cell in row.cells] for row in table.rows]


class TestAssessmentReportDocx(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        mediation_year()  # 曾都区: ten mediations, 70.0 % success, every clock on time
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()
        self.post("city", "@@assessment-criteria", {"criteria": CRITERIA})
        self.post(
            "admin_zengdu",
            ZENGDU,
            {"score_center": "15", "note_center": "中心已建成，专职人员5名", "score_stations": "12", "submit": "1"},
        )
        self.post("city", ZENGDU, {"review_stations": "10", "reason_stations": "2个村未设站点", "review": "1"})

    def session(self, user=None):
        return staff_session(self, user)

    def post(self, user, path, values):
        session = self.session(user)
        page = session.get(path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        answer = session.post(path, data=form_fields(page.text) | values)
        self.assertEqual(answer.status_code, 200)
        return answer

    def ranking_page(self):
        page = self.session("city").get("@@assessment-ranking?year=2026")
        doc = lxml.html.fromstring(page.text)
        self.assertEqual(doc.get_element_by_id("assessment-report-docx").get("href").split("/")[-1], REPORT)
        return [
            [cell.text_content().strip() for cell in row.xpath("td|th")]
            for row in doc.get_element_by_id("assessment-ranking").xpath(".//tbody/tr")
        ]

    def test_the_word_report_holds_the_numbers_of_the_ranking_page(self):
        answer = self.session("city").get(REPORT)
        self.assertEqual(answer.status_code, 200)
        self.assertEqual(answer.headers["Content-Type"], DOCX)
        self.assertIn('filename="assessment-2026.docx"', answer.headers["Content-Disposition"])
        document = Document(BytesIO(answer.content))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        self.assertIn("劳动保障维权一站式服务考核情况通报（2026年度）", text)
        self.assertNotIn("{{", text)
        self.assertNotIn("{%", text)

        ranking = table_text(document.tables[0])
        self.assertEqual(ranking[0], ["名次", "区县", "总分", "满分", "状态"])
        # place, district and "total/max" as the ranking page shows them, in the same order
        page = self.ranking_page()
        self.assertEqual([[row[0], row[1], f"{row[2]}/{row[3]}"] for row in ranking[1:]], [row[:3] for row in page])
        # 15 entered, 12 entered and reviewed down to 10, 10 and 20 from the data
        self.assertEqual(ranking[1], ["1", "曾都区", "55", "70", "市局已审核"])
        self.assertTrue(all(row[0] == "—" and "数据不足，不排名" in row[4] for row in ranking[2:]), ranking)

        self.assertIn("第1名　曾都区：总分 55/70（市局已审核）", text)
        zengdu = table_text(document.tables[1])
        self.assertEqual(zengdu[0], ["考核指标", "满分", "数据", "自评分", "自评说明", "审核分", "审核意见", "得分"])
        rows = {row[0]: row[1:] for row in zengdu[1:]}
        self.assertEqual(
            rows["劳动保障维权中心建成并配备专职人员"], ["15", "—", "15", "中心已建成，专职人员5名", "—", "—", "15"]
        )
        self.assertEqual(
            rows["乡镇（街道）、村（社区）服务站点覆盖"], ["15", "—", "12", "—", "10", "2个村未设站点", "10"]
        )
        self.assertEqual(rows["调解成功率"], ["20", "70.0%", "10", "—", "—", "—", "10"])
        self.assertEqual(rows["按期办结率"], ["20", "100.0%", "20", "—", "—", "—", "20"])
        # one table per district after the ranking
        self.assertEqual(len(document.tables), 1 + len(page))

    def test_only_the_city_gets_the_report(self):
        for user in ("admin_zengdu", "clerk", None):
            answer = self.session(user).get(REPORT, allow_redirects=False)
            self.assertNotEqual(answer.status_code, 200, user)
            self.assertNotEqual(answer.headers.get("Content-Type"), DOCX, user)
