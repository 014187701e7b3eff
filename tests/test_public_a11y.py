"""Every public page has its landmarks, one h1, labelled controls, alt texts and named links
(``tests.a11y_helpers.a11y_problems``, a static check of the HTML the site sends).

The tests open each public page as an anonymous visitor: the pages of the public site, the
four filing forms, the receipt, the progress lookup (empty, not found, found) and the stock
pages the footer links to.
"""

from suizhou.laborrights.forms.receipt import receipt_url
from tests.a11y_helpers import a11y_problems
from tests.a11y_helpers import KNOWN_PROBLEMS
from tests.helpers import new_case
from tests.helpers import PublicPagesTestCase
from urllib.parse import quote

import lxml.html
import transaction
import unittest


# Every public page of the site, as paths under the site root.
PUBLIC_PAGES = {
    "home": "",
    "station finder": "/stations",
    "station finder, filtered": "/stations?district=zengdu&level=station",
    "station finder, nearest": "/stations?lat=31.70&lon=113.38",
    "district": "/stations/zengdu",
    "station": "/stations/city/city-center",
    "village point": "/stations/zengdu/zengdu-luoyang-point",
    "mediator directory": "/mediators",
    "mediator directory, filtered": "/mediators?kind=people&gold=1",
    "mediator profile": "/stations/city/chen-hongmei",
    "guides": "/guides",
    "checklists": "/guides?kind=checklist",
    "guide": "/guides/wage-arrears-checklist",
    "typical cases": "/typical-cases",
    "typical cases, filtered": "/typical-cases?dispute_type=wage_arrears&year=2026",
    "typical case": "/typical-cases/construction-wage-arrears-23-workers",
    "news": "/news",
    "news item": "/news/winter-wage-campaign",
    "faq": "/faq",
    "policies": "/policies",
    "policy": "/policies/labor-contract-law",
    "search": "/@@search?SearchableText=" + quote("欠薪"),
    "search, nothing found": "/@@search?SearchableText=" + quote("没有这个词"),
    "filing forms": "/apply",
    "complaint form": "/apply/complaint",
    "mediation form": "/apply/mediation",
    "arbitration form": "/apply/arbitration",
    "employer service form": "/apply/employer-service",
    "progress lookup": "/@@case-progress",
    "sitemap": "/sitemap",
    "accessibility": "/accessibility-info",
    "contact": "/contact-info",
}



class TestCheckerCatchesProblems(unittest.TestCase):
    """The checker itself: a page without landmarks and labels fails."""

    def test_bad_page(self):
        problems = a11y_problems(
            "<html lang='en'><head><title>t</title></head><body><div><input name='q'>"
            "<img src='x.png'><a href='/x'></a><button></button><nav><h2>导航</h2></nav>"
            "<h4>小标题</h4></div></body></html>"
        )
        text = "\n".join(problems)
        for expected in (
            "not zh-CN",
            "0 main landmarks",
            "no banner",
            "navigation landmark without a name",
            "no contentinfo",
            "0 h1",
            "the first heading is not the h1: h2",
            "heading level skipped: h2 then h4",
            "no skip link",
            "unlabelled <input name='q'>",
            "no alt",
            "link without a name",
            "button without a name",
        ):
            self.assertIn(expected, text)

    def test_good_page(self):
        html = (
            "<html lang='zh-CN'><head><title>t</title></head><body><a href='#c'>跳到正文</a>"
            "<header>站点</header><nav aria-label='导航'><a href='/'>首页</a></nav>"
            "<main id='c'><h1>标题</h1><h2>小节</h2>"
            "<label for='q'>搜索</label><input id='q' name='q'><img src='x.png' alt=''>"
            "<button>搜索</button></main><footer>页脚</footer></body></html>"
        )
        self.assertEqual(a11y_problems(html), [])


class TestPublicPagesAccessible(PublicPagesTestCase):
    maxDiff = None

    def test_every_public_page(self):
        for name, path in PUBLIC_PAGES.items():
            with self.subTest(page=name):
                self.browser.open(self.portal_url + path)
                problems = a11y_problems(self.browser.contents)
                known = KNOWN_PROBLEMS.get(name, [])
                self.assertEqual([p for p in problems if p not in known], [], name)
                self.assertEqual([p for p in known if p not in problems], [], f"{name}: fixed, unlist it")

    def test_receipt_and_progress(self):
        """The pages of a filed case that its applicant sees: the receipt, and the progress
        lookup when nothing is found and when the case is found (with the rating form)."""
        case = new_case(applicant_phone="13907221234")
        url = receipt_url(case)
        transaction.commit()
        self.browser.raiseHttpErrors = False  # an expired receipt link answers 404
        pages = {"receipt": url, "receipt, expired link": url.split("&t=")[0] + "&t=1.0"}
        for name, phone in (("progress, not found", "13800000000"), ("progress, found", "13907221234")):
            pages[name] = (case.getId(), phone)
        for name, target in pages.items():
            with self.subTest(page=name):
                if isinstance(target, str):
                    self.browser.open(target)
                else:
                    self.browser.open(self.portal_url + "/@@case-progress")
                    self.browser.getControl(name="ref").value = target[0]
                    self.browser.getControl(name="phone").value = target[1]
                    self.browser.getControl(name="lookup").click()
                self.assertEqual(a11y_problems(self.browser.contents), [], name)
                if name == "receipt, expired link":
                    self.assertTrue(self.browser.headers["status"].startswith("404"))
                if name == "progress, found":
                    self.assertIn(case.getId(), self.browser.contents)

    def test_reading_aids_and_skip_link(self):
        self.browser.open(self.portal_url)
        doc = lxml.html.fromstring(self.browser.contents)
        skip = doc.get_element_by_id("sz-skip-link")
        self.assertEqual(skip.get("href"), "#content")
        self.assertIsNotNone(doc.get_element_by_id("content"))
        for aid in ("sz-toggle-large", "sz-toggle-contrast"):
            button = doc.get_element_by_id(aid)
            self.assertEqual(button.get("type"), "button")
            self.assertEqual(button.get("aria-pressed"), "false")
        self.assertIn("++theme++suizhou.laborrights/js/laborrights.js", self.browser.contents)
