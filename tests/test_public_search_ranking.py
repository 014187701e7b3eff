"""The site search for the words people type (issue 16 item 3): synonyms from a registry list
(欠工资 finds what 欠薪 finds), guides, checklists and typical cases before stations and
mediators for a service word, a type label on each result, and never a case."""

from plone import api
from suizhou.laborrights.public.search import expand
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import bring_to
from tests.helpers import new_case
from tests.helpers import PublicPagesTestCase
from urllib.parse import quote

import transaction
import unittest


SYNONYMS = "suizhou.laborrights.public.search_synonyms"
CHECKLIST = "拖欠工资投诉一次性告知清单"


class TestSynonyms(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_a_word_of_a_group_searches_the_group(self):
        self.assertEqual(expand("受伤"), expand("工伤"))
        self.assertIn("欠薪*", expand("欠工资"))
        self.assertIn(" OR ", expand("欠工资"))
        self.assertEqual(expand("随县"), "随县*")
        self.assertIn(" AND 随县*", expand("欠工资 随县"))

    def test_synonyms_are_a_setting(self):
        self.assertEqual(expand("工钱"), "工钱*")
        api.portal.set_registry_record(SYNONYMS, ("欠薪 工钱",))
        self.assertEqual(expand("工钱"), "(工钱* OR 欠薪*)")
        self.assertEqual(expand("受伤"), "受伤*")


class TestSearchPage(PublicPagesTestCase):
    def results(self, text):
        """(label, title, href) of each result on the first page of the search for ``text``."""
        doc = self.page("/@@search?SearchableText=" + quote(text))
        rows = []
        for li in doc.cssselect("#search-results .searchResults > li"):
            label = li.cssselect(".sz-result-type")[0].text_content().strip()
            link = li.cssselect(".result-title a")[0]
            rows.append((label, link.text_content().strip(), link.get("href")))
        return rows

    def test_service_words_put_the_checklist_first(self):
        for text in ("欠薪", "欠工资", "拖欠工资", "工资拖欠"):
            with self.subTest(text=text):
                rows = self.results(text)
                self.assertEqual(rows[0][:2], ("一次性告知清单", CHECKLIST), rows[:3])
                labels = [label for label, _title, _href in rows]
                # What to do and what happened to others before where to go and whom to ask.
                last_service = max(labels.index(x) for x in ("一次性告知清单", "典型案例") if x in labels)
                first_place = min(labels.index(x) for x in ("服务站点", "调解员") if x in labels)
                self.assertLess(last_service, first_place, labels)

    def test_type_labels(self):
        labels = {label for label, _title, _href in self.results("工伤")}
        self.assertTrue({"办事指南", "典型案例", "服务站点"} <= labels, labels)
        rows = self.results("陈红梅")
        self.assertIn(("调解员", "陈红梅"), [row[:2] for row in rows])
        self.assertIn("常见问题", {label for label, _title, _href in self.results("仲裁 收费")})

    def test_other_words_by_relevance(self):
        # A name is not a service word: the search keeps Plone's order (relevance).
        rows = self.results("陈红梅")
        self.assertEqual(rows[0][:2], ("调解员", "陈红梅"))

    def test_a_case_never_appears(self):
        case = new_case(facts="欠工资三个月，工伤认定未办。", employer_name="独一无二测试机械有限公司")
        bring_to(case, "closed")
        transaction.commit()
        for text in ("欠工资", "欠薪", "受伤", case.getId(), "独一无二测试机械有限公司"):
            with self.subTest(text=text):
                rows = self.results(text)
                self.assertFalse([href for _label, _title, href in rows if "/cases/" in href])
                self.assertNotIn(APPLICANT_NAME, self.browser.contents)
