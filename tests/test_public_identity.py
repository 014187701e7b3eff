"""A government site's identity (issue 16 item 2): the emblem area and site name in the header,
the footer's 主办/承办单位, 备案号, 网站标识码 (settings), the 政府网站找错 link and the
accessibility statement; 调解员 and 进度查询 in the main menu; the 常见问题 and 政策法规 sections;
the “这个页面对您有帮助吗” widget, whose counts only administrators see."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.public import feedback
from tests.helpers import PublicPagesTestCase

import transaction


PUBLIC = "suizhou.laborrights.public"
# A 1×1 PNG, base64.
PIXEL = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


class TestIdentity(PublicPagesTestCase):
    def test_header_has_emblem_area_and_site_name(self):
        doc = self.page("/guides")
        emblem = doc.get_element_by_id("sz-emblem")
        self.assertEqual(emblem.get("aria-hidden"), "true")  # drawn by the stylesheet
        self.assertEqual(emblem.getparent(), doc.get_element_by_id("sz-brand").getparent())
        api.portal.set_registry_record("plone.site_title", "随州市劳动保障“一站式”维权服务平台")
        transaction.commit()
        doc = self.page("/guides")
        self.assertEqual(doc.get_element_by_id("sz-brand").text_content().strip(), "随州市劳动保障“一站式”维权服务平台")
        # The site's own logo (Site settings) takes the place of the placeholder.
        api.portal.set_registry_record("plone.site_logo", b"filenameb64:bG9nby5wbmc=;datab64:" + PIXEL)
        transaction.commit()
        doc = self.page("/guides")
        self.assertEqual(doc.cssselect("#sz-emblem"), [])
        self.assertEqual(len(doc.cssselect("#sz-brand img.sz-logo")), 1)

    def test_footer_identity_from_the_settings(self):
        footer = self.page("/guides").get_element_by_id("portal-footer-wrapper")
        text = footer.text_content()
        for expected in ("主办单位：随州市人力资源和社会保障局（示例）", "承办单位：", "网站标识码：", "鄂ICP备"):
            self.assertIn(expected, text)
        links = {a.text_content().strip(): a.get("href") for a in footer.cssselect("a")}
        self.assertEqual(links["政府网站找错"], "https://zfwzzc.www.gov.cn/")
        self.assertEqual(links["无障碍声明"], self.portal_url + "/accessibility-info")
        self.assertEqual(links["鄂ICP备00000000号-1（示例）"], "https://beian.miit.gov.cn/")
        self.assertTrue(links["鄂公网安备42130000000000号（示例）"].endswith("code=42130000000000"))
        # The identity is in the footer once (not also appended to the page by the theme).
        self.assertEqual(self.browser.contents.count('id="sz-site-identity"'), 1)

        api.portal.set_registry_record(f"{PUBLIC}.site_sponsor", "随州市人民政府办公室")
        api.portal.set_registry_record(f"{PUBLIC}.error_report_url", "")
        api.portal.set_registry_record(f"{PUBLIC}.police_number", "")
        transaction.commit()
        footer = self.page("/guides").get_element_by_id("portal-footer-wrapper")
        text = footer.text_content()
        self.assertIn("主办单位：随州市人民政府办公室", text)
        self.assertNotIn("政府网站找错", text)
        self.assertNotIn("公网安备", text)

    def test_accessibility_statement(self):
        doc = self.page("/accessibility-info")
        self.assertEqual([h.text_content() for h in doc.cssselect("h1")], ["无障碍声明"])
        self.assertIn("大字号", doc.cssselect("#content")[0].text_content())
        self.assertTrue(doc.cssselect("#content a[href='tel:12333']"))

    def test_main_menu(self):
        doc = self.page("")
        menu = {a.text_content().strip(): a.get("href") for a in doc.cssselect("#portal-globalnav a")}
        self.assertEqual(menu["调解员"], self.portal_url + "/mediators")
        self.assertEqual(menu["进度查询"], self.portal_url + "/@@case-progress")
        self.assertEqual(menu["常见问题"], self.portal_url + "/faq")
        self.assertEqual(menu["政策法规"], self.portal_url + "/policies")


class TestSections(PublicPagesTestCase):
    def test_faq_shows_questions_with_answers(self):
        doc = self.page("/faq")
        self.assertEqual([h.text_content() for h in doc.cssselect("h1")], ["常见问题"])
        questions = [s.text_content() for s in doc.cssselect("details.sz-faq summary")]
        self.assertIn("申请劳动仲裁要交费吗？", questions)
        self.assertGreaterEqual(len(questions), 5)
        self.assertIn("第五十三条", doc.cssselect(".sz-section")[0].text_content())

    def test_policies_list_summaries(self):
        doc = self.page("/policies")
        titles = [a.text_content() for a in doc.cssselect(".sz-section h2 a")]
        self.assertIn("《保障农民工工资支付条例》要点", titles)
        doc = self.page("/policies/migrant-wage-regulation")
        self.assertIn("国务院令第724号", doc.cssselect("#content")[0].text_content())
        self.assertIn("以法律法规原文为准", doc.cssselect("#content")[0].text_content())


class TestPageFeedback(PublicPagesTestCase):
    def answer(self, path, label):
        self.page(path)
        form = self.browser.getForm(id="sz-feedback")
        form.getControl(label).click()

    def test_counts_per_page_without_personal_data(self):
        self.answer("/guides/wage-arrears-checklist", "有帮助")
        self.assertIn("感谢您的反馈", self.browser.contents)
        self.assertEqual(self.browser.url, self.portal_url + "/guides/wage-arrears-checklist#sz-feedback")
        self.answer("/guides/wage-arrears-checklist", "有帮助")
        self.answer("/guides/wage-arrears-checklist", "没有帮助")
        self.answer("/mediators", "没有帮助")
        self.answer("/faq", "有帮助")
        transaction.begin()
        self.assertEqual(
            feedback.counts(),
            {"/guides/wage-arrears-checklist": (2, 1), "/mediators": (0, 1), "/faq": (1, 0)},
        )

    def test_only_on_public_pages(self):
        self.page("/guides")
        self.assertTrue(self.browser.getForm(id="sz-feedback"))
        for path in ("/apply/complaint", "/@@case-progress"):
            with self.subTest(path=path):
                self.page(path)
                self.assertNotIn('id="sz-feedback"', self.browser.contents)

    def test_a_get_counts_nothing(self):
        self.browser.open(self.portal_url + "/guides/@@page-feedback?useful=yes")
        # Nor a POST about a page that is not a public page (a form).
        self.browser.post(self.portal_url + "/apply/complaint/@@page-feedback", "useful=yes")
        transaction.begin()
        self.assertEqual(feedback.counts(), {})

    def test_counts_shown_to_administrators_only(self):
        self.answer("/typical-cases", "没有帮助")
        report = self.portal_url + "/@@page-feedback-report"
        self.browser.handleErrors = True
        self.browser.raiseHttpErrors = False
        self.browser.open(report)
        self.assertNotIn("/typical-cases", self.browser.contents.split("<main")[-1])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        self.browser.open(report)
        rows = [
            [td.text_content().strip() for td in tr.cssselect("td")]
            for tr in self.page("/@@page-feedback-report").cssselect("tbody tr")
        ]
        self.assertEqual(rows, [["/typical-cases", "0", "1"]])
