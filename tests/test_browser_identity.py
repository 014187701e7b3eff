"""The government identity, sections, page feedback and search on a phone (390 px, issue 16
items 2 and 3), in Debian's Chromium: no horizontal scroll, no axe-core violation, screenshots
in test-output/ (``phone-*.png``).

Skipped without ``chromium`` and ``chromedriver`` (see tests/browser_helpers.py).
"""

from suizhou.laborrights.public import feedback
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from urllib.parse import quote

import transaction
import unittest


class TestIdentityOnAPhone(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    PAGES = {
        "home": "",
        "faq": "/faq",
        "policies": "/policies",
        "policy": "/policies/migrant-wage-regulation",
        "accessibility": "/accessibility-info",
        "search-qian-gongzi": "/@@search?SearchableText=" + quote("欠工资"),
        "guide-feedback": "/guides/wage-arrears-checklist",
    }

    def test_pages(self):
        for name, path in self.PAGES.items():
            with self.subTest(page=name):
                self.open(path)
                self.assertTrue(self.no_horizontal_scroll())
                self.screenshot(f"phone-{name}")
                self.assertAccessible()

    def test_footer_emblem_and_feedback(self):
        self.open("/guides/wage-arrears-checklist")
        emblem = self.css("#sz-emblem")[0]
        self.assertGreaterEqual(emblem.size["width"], 30)  # the placeholder is drawn
        footer = self.css("#portal-footer-wrapper")[0].text
        self.assertIn("主办单位", footer)
        self.assertIn("政府网站找错", footer)
        answer = self.css("#sz-feedback button[value='yes']")[0]
        self.assertGreaterEqual(answer.size["height"], 44)  # a finger's target
        self.click(answer)
        self.wait_for(lambda d: "感谢您的反馈" in d.page_source)
        self.screenshot("phone-feedback-thanks")
        transaction.begin()
        self.assertEqual(feedback.counts("/guides/wage-arrears-checklist"), {"/guides/wage-arrears-checklist": (1, 0)})

    def test_search_labels_on_a_phone(self):
        self.open("/@@search?SearchableText=" + quote("欠薪"))
        first = self.css("#search-results .searchResults > li")[0]
        self.assertIn("一次性告知清单", first.text)
        self.assertIn("拖欠工资投诉一次性告知清单", first.text)
