"""Journey 1 in a real browser on a phone: from the home page a worker files a wage-arrears
complaint, gets a reference number, and looks up its progress with that number and their phone
number, without an account. (The forms are suizhou.laborrights.forms; this test walks the
public site around them.) The receipt and the progress page are checked for accessibility
(static check and axe-core). Skipped like the other browser tests when Chromium is missing."""

from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import valid_id_number

import re
import unittest


PHONE_NUMBER = "13907225678"


class TestCitizenFilesAndFollows(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def fill(self, field, text):
        element = self.css(f"#form-widgets-{field}")[0]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.send_keys(text)

    def tick(self, selector):
        # Plone's sticky form buttons may cover the lower screen: tick by script.
        box = self.css(selector)[0]
        self.driver.execute_script("arguments[0].click()", box)
        self.assertTrue(box.is_selected())

    def test_file_a_complaint_then_follow_it(self):
        from selenium.webdriver.support.ui import Select

        self.open()
        self.click([e for e in self.css(".sz-entry") if "我要投诉" in e.text][0])
        self.wait_for(lambda d: self.css("#form-widgets-applicant_name"))
        self.fill("applicant_name", "赵某某")
        self.fill("applicant_id_number", valid_id_number(7))
        self.fill("applicant_phone", PHONE_NUMBER)
        self.fill("employer_name", "随州市某某建材有限公司")
        wage_arrears = [
            e.get_attribute("id")
            for e in self.css("input[name='form.widgets.dispute_types:list']")
            if e.get_attribute("value") == "wage_arrears"
        ][0]
        self.tick(f"#{wage_arrears}")
        Select(self.css("#form-widgets-district")[0]).select_by_value("zengdu")
        workers = self.css("#form-widgets-workers_involved")[0]
        workers.clear()
        workers.send_keys("1")
        self.fill("facts", "2026年9月至11月的工资共9000元至今未发放，多次催要无果。")
        self.tick("input[name='form.widgets.confirm:list']")
        self.screenshot("filing-1-form-phone")
        self.driver.execute_script("arguments[0].click()", self.css("#form-buttons-submit")[0])

        reference = self.wait_for(lambda d: self.css(".reference"))[0].text.strip()
        self.assertRegex(reference, r"^[A-Z0-9-]{6,}$")
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("filing-2-receipt-phone")
        self.assertAccessible()

        # Later: the progress page, reached from the home page.
        self.open()
        self.click([e for e in self.css(".sz-entry") if "进度查询" in e.text][0])
        self.wait_for(lambda d: self.css("#progress-ref"))
        self.css("#progress-ref")[0].send_keys(reference)
        self.css("#progress-phone")[0].send_keys(PHONE_NUMBER)
        self.click(self.css("button[name=lookup]")[0])
        result = self.wait_for(lambda d: self.css(".laborrights-progress-result"))[0]
        self.assertIn(reference, result.text)
        self.assertIn("已登记", result.text)
        self.assertNotIn("赵某某", self.driver.page_source)
        self.screenshot("filing-3-progress-phone")
        self.assertAccessible()

        # Somebody else, with the number but not the phone, sees nothing.
        self.open("/@@case-progress")
        self.css("#progress-ref")[0].send_keys(reference)
        self.css("#progress-phone")[0].send_keys("13800000000")
        self.click(self.css("button[name=lookup]")[0])
        self.wait_for(lambda d: d.execute_script("return document.readyState") == "complete")
        self.assertFalse(self.css(".laborrights-progress-result"))
        self.assertIsNone(re.search("已登记|办理中", self.css("#content")[0].text))


class TestFormOnAPhone(BrowserTestMixin, unittest.TestCase):
    """A form on a phone: sections, large touch targets, the error summary, the draft."""

    layer = DEMO_FUNCTIONAL_TESTING
    size = PHONE
    mobile = True

    def test_refused_form_shows_the_summary_and_a_draft_survives_a_reload(self):
        from selenium.webdriver.support.ui import Select

        self.open("/apply/complaint")
        self.wait_for(lambda d: self.css("#form-widgets-applicant_name"))
        self.assertGreaterEqual(len(self.css("form#form fieldset legend")), 4)
        box = self.css("input[name='form.widgets.dispute_types:list']")[0]
        height = self.driver.execute_script("return arguments[0].getBoundingClientRect().height", box)
        row = self.driver.execute_script(
            "return arguments[0].closest('.form-check').getBoundingClientRect().height", box
        )
        self.assertGreaterEqual(height, 24)
        left = self.driver.execute_script("return arguments[0].getBoundingClientRect().left", box)
        self.assertGreaterEqual(left, 0)  # on the screen, not floated into the margin
        self.assertGreaterEqual(row, 44)
        self.assertEqual(len(self.css("input[type=file]")), 1)
        notice = self.css(".laborrights-draft-notice")[0]
        self.assertTrue(notice.is_displayed())  # forms.js shows it
        self.screenshot("forms-1-complaint-phone")

        # A draft: typed, then the page is reloaded (a dropped connection, a closed tab).
        for field, text in (("applicant_name", "钱某某"), ("applicant_id_number", valid_id_number(7))):
            element = self.css(f"#form-widgets-{field}")[0]
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
            element.send_keys(text)
        key = "sz-draft:/plone/apply/complaint"
        self.wait_for(lambda d: "钱某某" in (d.execute_script("return localStorage.getItem(arguments[0])", key) or ""))
        self.open("/apply/complaint")
        self.assertEqual(self.css("#form-widgets-applicant_name")[0].get_attribute("value"), "钱某某")
        self.assertEqual(self.css("#form-widgets-applicant_id_number")[0].get_attribute("value"), "")  # never kept
        # A station's QR code presets the district: the address wins over the draft.
        Select(self.css("#form-widgets-district")[0]).select_by_value("suixian")
        self.wait_for(lambda d: "suixian" in d.execute_script("return localStorage.getItem(arguments[0])", key))
        self.open("/apply/complaint?form.widgets.district=zengdu")
        self.assertEqual(self.css("#form-widgets-district")[0].get_attribute("value"), "zengdu")
        self.assertEqual(self.css("#form-widgets-applicant_name")[0].get_attribute("value"), "钱某某")

        # Submitted with the phone too short and the facts missing: the summary, in Chinese, first.
        phone = self.css("#form-widgets-applicant_phone")[0]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", phone)
        phone.send_keys("1390722")
        self.driver.execute_script("arguments[0].click()", self.css("#form-buttons-submit")[0])
        summary = self.wait_for(lambda d: self.css("#error-summary"))[0]
        self.assertRegex(summary.text, r"^提交未成功，有 \d+ 处需要修改。")
        self.assertIn("手机号码应为 11 位数字", summary.text)
        self.assertIn("请填写投诉事实与理由。", summary.text)
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "error-summary")
        self.assertNotIn("Error", summary.text)
        self.assertTrue(self.no_horizontal_scroll())
        self.screenshot("forms-2-error-summary-phone")
        self.assertAccessible()

        # Its link leads to the field, which is marked invalid and described by its message.
        link = [a for a in summary.find_elements("css selector", "a") if "投诉事实与理由" in a.text][0]
        self.click(link)
        focused = self.driver.switch_to.active_element
        self.assertEqual(focused.get_attribute("id"), "form-widgets-facts")
        self.assertEqual(focused.get_attribute("aria-invalid"), "true")
