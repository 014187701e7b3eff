"""Chinese full-text search: 欠薪, 工伤认定 and 调解 find the guides, typical cases and stations
that match; a case is never found by the public, whatever is searched."""

from plone import api
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.base.utils import munge_search_term
from plone.testing.zope import Browser
from Products.CMFPlone.UnicodeSplitter.splitter import Splitter
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import APPLICANT_NAME
from tests.helpers import bring_to
from tests.helpers import chinese_site
from tests.helpers import new_case
from urllib.parse import quote

import lxml.html
import transaction
import unittest


def found(text, **query):
    """Titles of what the site search finds for ``text``, by type."""
    brains = api.content.find(SearchableText=munge_search_term(text), **query)
    result = {}
    for brain in brains:
        result.setdefault(brain.portal_type, set()).add(brain.Title)
    return result


class TestChineseText(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_catalog_splits_chinese_into_pairs(self):
        """Plone's own splitter indexes CJK as overlapping bigrams: no word list needed."""
        lexicon = api.portal.get_tool("portal_catalog").plone_lexicon
        self.assertIsInstance(lexicon._pipeline[0], Splitter)
        self.assertEqual(lexicon.parseTerms("工伤认定"), ["工伤", "伤认", "认定"])

    def test_wage_arrears(self):
        logout()
        result = found("欠薪")
        self.assertIn("拖欠工资投诉一次性告知清单", result["Guide"])
        self.assertIn("监察、公安联动两周追回23名农民工工资", result["TypicalCase"])
        self.assertIn("随州市零工驿站劳动维权服务站", result["ServiceStation"])
        # Only stations that handle wage arrears.
        with api.env.adopt_roles(["Manager"]):
            handling = {
                b.Title for b in api.content.find(portal_type="ServiceStation", dispute_types="wage_arrears")
            }
        self.assertEqual(result["ServiceStation"], handling)

    def test_work_injury_recognition(self):
        logout()
        result = found("工伤认定")
        self.assertIn("工伤认定申请办事指南", result["Guide"])
        self.assertIn("企业未参加工伤保险，职工受伤由企业按标准支付待遇", result["TypicalCase"])
        self.assertIn("何店镇劳动保障维权服务站", result["ServiceStation"])

    def test_mediation(self):
        logout()
        result = found("调解")
        self.assertIn("劳动争议调解申请办事指南", result["Guide"])
        self.assertIn("外卖骑手送餐途中受伤，新就业形态调解工作室促成赔付", result["TypicalCase"])
        self.assertIn("西城街道劳动保障维权服务站", result["ServiceStation"])
        self.assertIn("陈红梅", result["Mediator"])

    def test_text_of_the_fields(self):
        logout()
        # A material of a guide, a word of a case's handling, a station's address.
        self.assertIn("Guide", found("银行流水"))
        self.assertIn("TypicalCase", found("农民工工资专用账户"))
        self.assertEqual(found("擂鼓墩大道")["ServiceStation"], {"南郊街道劳动保障维权服务站"})

    def test_keywords_are_a_setting(self):
        logout()
        self.assertNotIn("Guide", found("工钱"))
        with api.env.adopt_roles(["Manager"]):
            record = "suizhou.laborrights.public.search_keywords"
            keywords = api.portal.get_registry_record(record)
            api.portal.set_registry_record(
                record, tuple(k + " 工钱" if k.startswith("wage_arrears|") else k for k in keywords)
            )
        self.assertIn("拖欠工资投诉一次性告知清单", found("工钱")["Guide"])

    def test_no_staff_data_in_the_text(self):
        logout()
        self.assertEqual(found("sx_xulan"), {})  # a mediator's account
        self.assertEqual(found("13907220031"), {})  # a mediator's phone


class TestCasesNeverFound(unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        chinese_site()
        transaction.commit()
        self.portal = self.layer["portal"]
        self.case = new_case(
            facts="独特的案情描述：欠薪三个月，工伤认定未办，申请调解。",
            employer_name="独一无二测试机械有限公司",
        )
        bring_to(self.case, "closed")
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False

    def search(self, text, extra=""):
        self.browser.open(f"{self.portal.absolute_url()}/@@search?SearchableText={quote(text)}{extra}")
        doc = lxml.html.fromstring(self.browser.contents)
        return [a.get("href") for a in doc.cssselect("#search-results a")]

    def test_anonymous_search(self):
        for text in (
            self.case.getId(),
            APPLICANT_NAME,
            "独一无二测试机械有限公司",
            "独特的案情描述",
            "13907221234",
            "欠薪",
            "工伤认定",
            "调解",
        ):
            with self.subTest(text=text):
                hrefs = self.search(text)
                self.assertFalse([h for h in hrefs if "/cases/" in h], hrefs)
        self.assertNotIn(APPLICANT_NAME, self.browser.contents)
        # The search does find things (so the checks above are not vacuous).
        self.assertTrue([h for h in self.search("欠薪") if "/guides/" in h])
        hrefs = self.search("", "&portal_type=Case")
        self.assertFalse([h for h in hrefs if "/cases/" in h])

    def test_cases_not_offered_by_the_site_search(self):
        hidden = api.portal.get_registry_record("plone.types_not_searched")
        self.assertIn("Case", hidden)
        self.assertIn("CaseAttachment", hidden)
        # Not even a manager's site search lists them.
        browser = Browser(self.layer["app"])
        browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        browser.open(
            f"{self.portal.absolute_url()}/@@search?SearchableText={quote('独特的案情描述')}&portal_type=Case"
        )
        doc = lxml.html.fromstring(browser.contents)
        self.assertFalse(
            [a for a in doc.cssselect("#search-results a") if "/cases/" in (a.get("href") or "")]
        )

    def test_public_pages_hold_no_case(self):
        for path in ("", "/stations", "/mediators", "/typical-cases", "/guides", "/stations/suixian/xu-lan"):
            with self.subTest(path=path):
                self.browser.open(self.portal.absolute_url() + path)
                self.assertNotIn(APPLICANT_NAME, self.browser.contents)
                self.assertNotIn(self.case.getId(), self.browser.contents)
