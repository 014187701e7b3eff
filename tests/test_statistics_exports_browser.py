"""External numbers and background exports in a real browser, as a city administrator uses them:
a wrong value is explained at its field and the typed input stays, the corrected numbers show on
the statistics page as 外部报送数; a big download goes to 统计导出, is built in the background and
listed as 已完成 with its download link. Both pages pass the accessibility checks; screenshots in
test-output/ (external-figures.png, statistics-exports.png)."""

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from suizhou.laborrights import background
from suizhou.laborrights.statistics import export_jobs
from tests.statistics_helpers import CityAdministratorInBrowser
from unittest import mock

import unittest


class TestExternalNumbersAndExports(CityAdministratorInBrowser, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(background.drain)

    def type_into(self, field_id, text):
        field = self.css(f"#{field_id}")[0]
        field.clear()
        field.send_keys(text)

    def test_entering_external_numbers(self):
        self.open("/@@statistics?start=2026-01-01&end=2026-03-31")
        self.click(self.css("#statistics-external-link")[0])
        self.wait_for(lambda d: self.css("#external-choose"))
        Select(self.css("#external-district")[0]).select_by_visible_text("曾都区")
        self.type_into("external-month", "2026-02")
        self.click(self.css("#external-open")[0])
        self.wait_for(lambda d: self.css("#external-figures-form"))
        self.assertEqual(self.css("#external-chosen")[0].text, "曾都区 2026-02")
        self.type_into("external-hotline_received", "三百")
        self.type_into("external-hotline_completion_rate", "97.5" + Keys.ENTER)  # Enter saves
        self.wait_for(lambda d: self.css("#error-hotline_received"))
        self.assertEqual(self.css("#error-hotline_received")[0].text, "请填写 0 或正整数（不带小数点和单位）。")
        self.assertEqual(self.css("#external-hotline_received")[0].get_attribute("value"), "三百")
        self.assertEqual(self.css("#external-hotline_completion_rate")[0].get_attribute("value"), "97.5")

        self.type_into("external-hotline_received", "300" + Keys.ENTER)
        self.wait_for(lambda d: self.css("#external-history"))
        self.assertEqual(self.css("#external-message")[0].text, "已保存。")
        self.assertEqual(self.axe_violations_in("#content"), [])
        self.screenshot("external-figures")

        self.open("/@@statistics?start=2026-01-01&end=2026-03-31")
        row = self.css("#table-external tbody tr")[0]
        self.assertEqual(row.text.split()[:5], ["曾都区", "2026-02", "300", "97.5%", "—"])

    def test_a_big_export_in_the_background(self):
        with mock.patch.object(export_jobs, "BACKGROUND_CASES", 2):
            self.open("/@@statistics?start=2026-01-01&end=2026-03-31")
            self.click(self.css("#statistics-download")[0])
            self.wait_for(lambda d: self.css("#export-start"))
            self.assertIn("期间受理", self.css("#export-summary")[0].text)
            self.click(self.css("#export-start")[0])
            self.wait_for(lambda d: self.css("#export-queued"))
        background.drain()
        self.open("/@@statistics-exports")
        self.assertEqual(self.css("#export-jobs tbody td.export-state")[0].text, "已完成")
        self.assertTrue(self.css("#export-jobs a.export-download"))
        self.assertEqual(self.axe_violations_in("#content"), [])
        self.screenshot("statistics-exports")
