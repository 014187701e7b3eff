"""District assessment (考核): the data-scored criteria equal the statistics; the district
administrator scores the others with notes and evidence and submits; another district's
administrator and everyone else get the answer of a made-up address; the city reviews, ranks
the districts with enough data and prints the report; the city edits the criteria."""

from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.assessment_helpers import cells
from tests.assessment_helpers import form_fields
from tests.assessment_helpers import mediation_year
from tests.helpers import chinese_site
from tests.helpers import make_user
from tests.helpers import staff_session
from tests.pdf_helpers import pdf_fonts
from tests.pdf_helpers import pdf_text

import lxml.html
import transaction
import unittest


ZENGDU = "@@assessment?district=zengdu&year=2026"
# Every criterion the district scores itself, with a valid score.
SELF_SCORES = {"center": "15", "stations": "12", "hotline_authorisation": "10", "typical_cases": "8"}
# The criteria without the 12345 one (no ticket in the test data: 曾都区 would not be ranked).
CRITERIA = "\n".join(
    (
        "center|劳动保障维权中心建成并配备专职人员|15|district|",
        "stations|乡镇（街道）、村（社区）服务站点覆盖|15|district|",
        "hotline_authorisation|12345热线授权（直派）到位|10|district|",
        "mediation_success|调解成功率|20|mediation_success_rate|80:20,60:10",
        "on_time|按期办结率|20|on_time_rate|95:20,90:10",
        "typical_cases|典型案例发布|10|district|",
    )
)


class AssessmentFixture(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        chinese_site()
        mediation_year()
        make_user("city", groups=["city_admins"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("admin_suixian", groups=["district_admins_suixian"])
        make_user("clerk", groups=["intake_clerks_zengdu"])
        transaction.commit()

    def session(self, user=None):
        return staff_session(self, user)

    def get(self, user, path):
        return self.session(user).get(path, allow_redirects=False)

    def post(self, user, path, values, files=None):
        """Send the page's form as a browser would, with ``values`` typed in."""
        session = self.session(user)
        page = session.get(path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        fields = form_fields(page.text) | values
        return session.post(path, data=fields, files=files or {})

    def submit_self_assessment(self, **extra):
        values = {f"score_{code}": score for code, score in SELF_SCORES.items()} | {"submit": "1"} | extra
        return self.post("admin_zengdu", ZENGDU, values)


class TestSelfAssessment(AssessmentFixture):
    def test_data_scored_criteria_equal_the_statistics(self):
        page = self.get("admin_zengdu", ZENGDU)
        self.assertEqual(page.status_code, 200)
        statistics = self.get("admin_zengdu", "@@statistics?start=2026-01-01&end=2026-12-31&district=zengdu")
        doc = lxml.html.fromstring(statistics.text)
        [success] = doc.xpath("//section[@id='table-mediation']//tr[normalize-space(th)='调解成功率']/td/text()")
        self.assertEqual(success.strip(), "70.0%")
        mediation = cells(page.text, "criterion-mediation_success")
        self.assertTrue(mediation[1].startswith(success.strip()), mediation)
        self.assertIn("（依据 10 件）", mediation[1])
        self.assertEqual(mediation[2], "10")  # 70 % is on the 60 % step: 10 points
        on_time = cells(page.text, "criterion-on_time")
        self.assertTrue(on_time[1].startswith("100.0%"), on_time)
        self.assertEqual(on_time[2], "20")
        # a data-scored criterion has no field: the district cannot type its own score
        self.assertNotIn('name="score_mediation_success"', page.text)

    def test_the_district_scores_with_a_note_and_evidence_and_submits(self):
        saved = self.post(
            "admin_zengdu",
            ZENGDU,
            {"score_center": "15", "note_center": "中心已建成，专职人员5名", "save": "1"},
            files={"evidence_center": ("人员名单.pdf", b"%PDF-1.4 staff list", "application/pdf")},
        )
        self.assertEqual(saved.status_code, 200)
        self.assertIn("中心已建成，专职人员5名", saved.text)
        doc = lxml.html.fromstring(saved.text)
        [link] = doc.xpath("//tr[@id='criterion-center']//ul[@class='assessment-evidence']/li/a")
        self.assertEqual(link.text, "人员名单.pdf")
        self.assertEqual(doc.get_element_by_id("assessment-state").text, "自查中")
        evidence = link.get("href").split("/")[-1]
        self.assertEqual(self.get("admin_zengdu", evidence).content, b"%PDF-1.4 staff list")
        self.assertEqual(self.get("city", evidence).content, b"%PDF-1.4 staff list")
        self.assertEqual(self.get("admin_suixian", evidence).status_code, 404)

        submitted = self.submit_self_assessment()
        doc = lxml.html.fromstring(submitted.text)
        self.assertEqual(doc.get_element_by_id("assessment-state").text, "已提交，待市局审核")
        # 15 + 12 + 10 + 8 entered, 10 + 20 from the data; the 12345 figure has no ticket: no score
        self.assertEqual(doc.get_element_by_id("assessment-total").text, "75")
        self.assertNotIn('name="score_center"', submitted.text)  # submitted: no longer edited
        self.assertIn("人员名单.pdf", submitted.text)  # the evidence stays

    def test_a_wrong_score_is_answered_at_the_field_and_what_was_typed_stays(self):
        answer = self.submit_self_assessment(score_center="30", note_center="已建成")
        doc = lxml.html.fromstring(answer.text)
        self.assertIn("请填写 0 至 15 之间的整数分。", doc.get_element_by_id("criterion-center").text_content())
        self.assertEqual(doc.get_element_by_id("score_center").value, "30")
        self.assertEqual(doc.get_element_by_id("note_center").text, "已建成")
        self.assertEqual(doc.get_element_by_id("assessment-state").text, "自查中")

        # refused input stores nothing: neither the file sent with it nor over what was saved
        self.post("admin_zengdu", ZENGDU, {"score_center": "15", "note_center": "已建成", "save": "1"})
        refused = self.post(
            "admin_zengdu",
            ZENGDU,
            {"score_center": "-1", "note_center": "改过的说明", "save": "1"},
            files={"evidence_center": ("照片.jpg", b"jpeg", "image/jpeg")},
        )
        self.assertIn("请填写 0 至 15 之间的整数分。", refused.text)
        page = self.get("admin_zengdu", ZENGDU).text
        self.assertNotIn("照片.jpg", page)
        self.assertEqual(lxml.html.fromstring(page).get_element_by_id("note_center").text, "已建成")

        missing = self.submit_self_assessment(score_stations="")
        doc = lxml.html.fromstring(missing.text)
        self.assertIn("提交前请为此项打分。", doc.get_element_by_id("criterion-stations").text_content())
        self.assertEqual(doc.get_element_by_id("assessment-state").text, "自查中")


class TestFindingTheAssessment(AssessmentFixture):
    def test_the_short_address_leads_each_to_their_own(self):
        own = self.get("admin_zengdu", "@@assessment?year=2026")
        self.assertEqual(own.status_code, 302)
        self.assertTrue(own.headers["Location"].endswith(ZENGDU), own.headers["Location"])
        city = self.get("city", "@@assessment?year=2026")
        self.assertTrue(city.headers["Location"].endswith("@@assessment-ranking?year=2026"))
        for user in ("clerk", None):
            self.assertEqual(self.get(user, "@@assessment?year=2026").status_code, 404, user)


class TestDenials(AssessmentFixture):
    def test_another_district_gets_the_answer_of_a_made_up_address(self):
        self.submit_self_assessment()
        made_up = self.get("admin_suixian", "@@assessment?district=nowhere&year=2026")
        self.assertEqual(made_up.status_code, 404)
        for user in ("admin_suixian", "clerk", None):
            answer = self.get(user, ZENGDU)
            self.assertEqual(answer.status_code, 404, user)
            self.assertNotIn("调解成功率", answer.text)
        self.assertEqual(self.get("admin_suixian", "@@assessment?district=suixian&year=2026").status_code, 200)

    def test_another_district_cannot_post_into_it(self):
        page = self.get("admin_suixian", "@@assessment?district=suixian&year=2026")
        fields = form_fields(page.text) | {"score_center": "0", "submit": "1"}
        answer = self.session("admin_suixian").post(ZENGDU, data=fields, allow_redirects=False)
        self.assertEqual(answer.status_code, 404)
        self.assertNotIn("已提交", self.get("admin_zengdu", ZENGDU).text)

    def test_ranking_report_and_criteria_are_the_citys(self):
        for path in ("@@assessment-ranking", "@@assessment-report.pdf?year=2026", "@@assessment-criteria"):
            for user in ("admin_zengdu", "clerk"):
                self.assertIn(self.get(user, path).status_code, (302, 401, 403), (user, path))


class TestReview(AssessmentFixture):
    def test_the_city_accepts_or_changes_a_score_with_a_reason(self):
        self.submit_self_assessment()
        no_reason = self.post("city", ZENGDU, {"review_stations": "10", "review": "1"})
        doc = lxml.html.fromstring(no_reason.text)
        self.assertIn("改分须写明理由。", doc.get_element_by_id("criterion-stations").text_content())
        self.assertEqual(doc.get_element_by_id("review_stations").value, "10")

        reviewed = self.post(
            "city", ZENGDU, {"review_stations": "10", "reason_stations": "2个村未设站点", "review": "1"}
        )
        doc = lxml.html.fromstring(reviewed.text)
        self.assertEqual(doc.get_element_by_id("assessment-state").text, "市局已审核")
        self.assertEqual(doc.get_element_by_id("assessment-total").text, "73")  # 75 - 2
        self.assertIn("10（2个村未设站点）", cells(reviewed.text, "criterion-stations")[4])
        # the district sees the review
        self.assertIn("2个村未设站点", self.get("admin_zengdu", ZENGDU).text)

    def test_the_city_cannot_review_a_draft(self):
        page = self.get("city", ZENGDU)
        self.assertNotIn('name="review"', page.text)


class TestRankingAndReport(AssessmentFixture):
    def setUp(self):
        super().setUp()
        self.post("city", "@@assessment-criteria", {"criteria": CRITERIA})
        self.submit_self_assessment()

    def test_only_districts_with_enough_data_are_ranked(self):
        page = self.get("city", "@@assessment-ranking?year=2026")
        doc = lxml.html.fromstring(page.text)
        rows = {
            row.xpath("string(th)").strip(): [td.text_content().strip() for td in row.xpath("td")]
            for row in doc.get_element_by_id("assessment-ranking").xpath(".//tbody/tr")
        }
        self.assertEqual(rows["曾都区"][:2], ["1", "75/90"])
        self.assertEqual(rows["随县"][0], "—")
        self.assertIn("数据不足，不排名", rows["随县"][2])
        ranked = [row.xpath("string(th)").strip() for row in doc.xpath("//tbody/tr[td[1] != '—']")]
        self.assertEqual(ranked, ["曾都区"])

    def test_the_report_is_a_pdf_with_the_chinese_font_embedded(self):
        answer = self.get("city", "@@assessment-report.pdf?year=2026")
        self.assertEqual(answer.headers["Content-Type"], "application/pdf")
        text = pdf_text(answer.content)
        self.assertIn("劳动保障维权一站式服务考核情况通报（2026年度）", text)
        self.assertIn("曾都区", text)
        self.assertIn("75/90", text)
        self.assertIn("数据不足，不排名", text)
        self.assertTrue(all(pdf_fonts(answer.content).values()), pdf_fonts(answer.content))


class TestCriteria(AssessmentFixture):
    def test_a_wrong_line_is_refused_and_the_text_stays(self):
        typed = CRITERIA + "\nbroken|坏指标|10|mediation_success_rate|"
        answer = self.post("city", "@@assessment-criteria", {"criteria": typed})
        doc = lxml.html.fromstring(answer.text)
        self.assertEqual(doc.get_element_by_id("assessment-criteria-error").text, "第 7 行：按数据计分的指标须有阈值。")
        self.assertEqual(doc.get_element_by_id("assessment-criteria").text.strip(), typed)
        self.assertIn("12345工单办结率", self.get("admin_zengdu", ZENGDU).text)  # the old list still used

    def test_the_edited_criteria_are_what_districts_are_assessed_by(self):
        edited = CRITERIA + "\nrecords|台账规范|5|district|"
        saved = self.post("city", "@@assessment-criteria", {"criteria": edited})
        self.assertIn("考核指标已保存。", saved.text)
        page = self.get("admin_zengdu", ZENGDU).text
        self.assertIn("台账规范", page)
        self.assertNotIn("12345工单办结率", page)
