"""Guides and checklists: the listing by kind and matter, one service-card layout, the links to
the filing forms (and the forms' links back to the guides)."""

from plone import api
from suizhou.laborrights.public.guides import forms_for
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import PublicPagesTestCase

import transaction
import unittest


class TestListing(PublicPagesTestCase):
    def sections(self, query=""):
        doc = self.page("/guides" + query)
        return {
            s.cssselect("h2")[0].text_content(): [
                a.text_content() for a in s.cssselect(".sz-card-link-title")
            ]
            for s in doc.cssselect(".sz-guide-section")
        }

    def test_by_kind(self):
        sections = self.sections()
        self.assertEqual(list(sections), ["办事指南", "一次性告知清单", "服务须知"])
        self.assertIn("拖欠工资投诉一次性告知清单", sections["一次性告知清单"])
        self.assertIn("工伤认定申请办事指南", sections["办事指南"])

    def test_filters(self):
        self.assertEqual(list(self.sections("?kind=checklist")), ["一次性告知清单"])
        sections = self.sections("?dispute_type=work_injury")
        self.assertEqual(sections["办事指南"], ["工伤认定申请办事指南"])
        self.assertNotIn("拖欠工资投诉一次性告知清单", sum(sections.values(), []))


class TestServiceCard(PublicPagesTestCase):
    def test_sections(self):
        doc = self.page("/guides/wage-arrears-checklist")
        headings = [h.text_content() for h in doc.cssselect(".sz-card-heading")]
        self.assertEqual(
            headings, ["申请对象", "所需材料", "办理流程", "办理时限和收费", "办理地点", "法律依据"]
        )
        rows = doc.cssselect(".sz-materials tbody tr")
        self.assertEqual(len(rows), 5)
        first = [c.text_content().strip() for c in rows[0].cssselect("td, th")]
        self.assertEqual(first, ["1", "投诉人有效身份证件", "原件及复印件", "1", "原件核验后退还"])
        self.assertEqual(len(doc.cssselect(".sz-steps li")), 5)
        text = doc.cssselect(".sz-guide")[0].text_content()
        self.assertIn("自立案之日起60个工作日内办结", text)
        self.assertIn("不收费", text)
        self.assertIn("《保障农民工工资支付条例》", text)
        self.assertEqual(doc.cssselect(".sz-card-section a")[0].get("href"), f"{self.portal_url}/stations")

    def test_links_to_the_forms_of_its_matters(self):
        doc = self.page("/guides/wage-arrears-checklist")
        links = {a.text_content(): a.get("href") for a in doc.cssselect(".sz-guide-actions a")}
        self.assertEqual(
            links,
            {
                "我要投诉": f"{self.portal_url}/apply/complaint",
                "申请调解": f"{self.portal_url}/apply/mediation",
                "申请仲裁": f"{self.portal_url}/apply/arbitration",
            },
        )
        doc = self.page("/guides/arbitrator-serves-enterprises")
        links = [a.text_content() for a in doc.cssselect(".sz-guide-actions a")]
        self.assertEqual(links, ["企业服务预约"])
        # The service notice has no matter: no form.
        doc = self.page("/guides/service-notice")
        self.assertFalse(doc.cssselect(".sz-guide-actions"))

    def test_own_forms_first(self):
        guide = self.portal["guides"]["work-injury-recognition"]
        guide.related_forms = ["工伤认定申请表（下载）|https://example.gov.cn/gsrd.docx", "mediation"]
        transaction.commit()
        doc = self.page("/guides/work-injury-recognition")
        links = [(a.text_content(), a.get("href")) for a in doc.cssselect(".sz-guide-actions a")]
        self.assertEqual(links[0], ("工伤认定申请表（下载）", "https://example.gov.cn/gsrd.docx"))
        self.assertEqual(links[1], ("申请调解", f"{self.portal_url}/apply/mediation"))
        self.assertEqual(len([t for t, _u in links if t == "申请调解"]), 1)

    def test_forms_link_back_to_the_guides(self):
        # The forms' own viewlet (forms/guides.py) lists the guides of their matters.
        self.page("/apply/complaint")
        self.assertIn(f"{self.portal_url}/guides/wage-arrears-checklist", self.browser.contents)


class TestFormsFor(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_setting_decides(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.public.filing_forms",
            ("all|综合申请|apply/complaint|", "injury|工伤申请|/injury|work_injury"),
        )
        self.assertEqual([f["title"] for f in forms_for(["work_injury"])], ["综合申请", "工伤申请"])
        self.assertEqual([f["title"] for f in forms_for(["wage_arrears"])], ["综合申请"])
        self.assertEqual(forms_for([]), [])
