"""The statistics dashboard in a real browser: a city administrator logs in, opens 统计分析 for
the first quarter of 2026, the ECharts charts are drawn from the site's own copy of ECharts (no
request leaves the site), each above its table, and the screenshot goes to
test-output/statistics-dashboard.png (also docs/images/ for the guide)."""

from tests.statistics_helpers import CityAdministratorInBrowser

import unittest


class TestStatisticsDashboard(CityAdministratorInBrowser, unittest.TestCase):
    def test_the_dashboard_draws_its_charts_above_the_tables(self):
        self.open("/@@statistics?start=2026-01-01&end=2026-03-31")
        self.wait_for(lambda d: len(self.css(".statistics-chart[data-drawn='true'] svg")) == 5)
        months = self.css("#table-months")[0]
        self.assertIn(
            "2026-02", months.find_element("css selector", ".statistics-chart svg").get_attribute("innerHTML")
        )
        self.assertEqual(
            [cell.text for cell in months.find_elements("css selector", "tbody tr:nth-child(2) td")], ["4", "2"]
        )
        official = self.css("#table-official tbody tr")[0]
        self.assertEqual(official.text, "上期未结案件数 1")
        origins = self.driver.execute_script(
            "return performance.getEntriesByType('resource').filter(e => !e.name.startsWith('data:'))"
            ".map(e => new URL(e.name).origin)"  # data: URIs (CSS icons) are inline, no request
        )
        self.assertEqual(set(origins), {self.site_url.rsplit("/", 1)[0]})  # nothing from a CDN
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.screenshot("statistics-dashboard")
