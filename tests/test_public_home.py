"""The home page: the ten service entries, the hotlines, the latest typical cases and news."""

from plone import api
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from tests.helpers import PublicPagesTestCase

import transaction
import unittest


ENTRIES = [
    "我要投诉",
    "申请调解",
    "申请仲裁",
    "企业服务",
    "进度查询",
    "服务站点",
    "调解员",
    "典型案例",
    "告知清单",
    "零工驿站",
]


class TestLayouts(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def test_site_root_and_folders(self):
        portal = self.layer["portal"]
        self.assertEqual(portal.getLayout(), "laborrights-home")
        self.assertEqual(portal["stations"].getLayout(), "station-finder")
        self.assertEqual(portal["guides"].getLayout(), "guide-listing")
        self.assertEqual(portal["typical-cases"].getLayout(), "typical-case-listing")
        self.assertEqual(portal["news"].getLayout(), "news-listing")

    def test_publication_folders_in_navigation(self):
        brains = api.content.find(
            path={"query": "/".join(self.layer["portal"].getPhysicalPath()), "depth": 1}
        )
        shown = {b.getId for b in brains if b.review_state == "published" and not b.exclude_from_nav}
        self.assertLessEqual({"stations", "guides", "typical-cases", "news"}, shown)


class TestHomePage(PublicPagesTestCase):
    def home(self):
        return self.page("")

    def test_entries(self):
        doc = self.home()
        entries = doc.cssselect(".sz-entry")
        self.assertEqual([e.cssselect(".sz-entry-title")[0].text_content() for e in entries], ENTRIES)
        links = {e.cssselect(".sz-entry-title")[0].text_content(): e.get("href") for e in entries}
        self.assertEqual(links["我要投诉"], f"{self.portal_url}/apply/complaint")
        self.assertEqual(links["进度查询"], f"{self.portal_url}/@@case-progress")
        self.assertEqual(links["服务站点"], f"{self.portal_url}/stations")
        self.assertEqual(links["告知清单"], f"{self.portal_url}/guides?kind=checklist")
        self.assertEqual(links["零工驿站"], f"{self.portal_url}/@@gig-jobs")
        # Every entry leads somewhere.
        for title, href in links.items():
            with self.subTest(entry=title):
                self.browser.open(href)
                self.assertEqual(self.browser.headers["status"], "200 OK")

    def test_main_menu_lists_sections_not_every_news_item(self):
        menu = self.home().get_element_by_id("portal-globalnav")
        labels = [link.text_content().strip() for link in menu.iter("a")]
        self.assertIn("新闻动态", labels)
        self.assertIn("网上申请", labels)
        news = api.content.find(portal_type="News Item", review_state="published")
        self.assertTrue(news)
        for brain in news:
            self.assertNotIn(brain.Title, labels)

    def test_entries_are_settings(self):
        api.portal.set_registry_record(
            "suizhou.laborrights.public.home_entries",
            ("stations|找站点|stations|就近维权", "custom|本市政策|https://example.gov.cn/policy|"),
        )
        transaction.commit()
        doc = self.home()
        self.assertEqual([e.text_content() for e in doc.cssselect(".sz-entry-title")], ["找站点", "本市政策"])
        self.assertEqual(doc.cssselect(".sz-entry")[1].get("href"), "https://example.gov.cn/policy")
        # A code the theme has no drawing for gets the default icon.
        icons = [i.get("class") for i in doc.cssselect(".sz-entry .sz-icon")]
        self.assertEqual(icons, ["sz-icon sz-icon-stations", "sz-icon sz-icon-default"])

    def test_icons_drawn_by_the_stylesheet(self):
        """Each icon is an empty, hidden span: its drawing is in the theme's (cached) stylesheet,
        not repeated in the page as SVG."""
        doc = self.home()
        self.assertNotIn("<svg", self.browser.contents)
        icons = doc.cssselect(".sz-icon")
        self.assertEqual(len(icons), len(ENTRIES) + 2)  # the entries and the two hotlines
        for element in icons:
            self.assertEqual(element.get("aria-hidden"), "true")
            self.assertEqual(element.text_content(), "")

    def test_hotlines(self):
        doc = self.home()
        cards = doc.cssselect(".sz-hotline-card")
        self.assertEqual([c.get("href") for c in cards], ["tel:12345", "tel:12333"])
        self.assertIn("人社服务热线", cards[1].text_content())

    def test_latest_typical_cases_newest_first(self):
        doc = self.home()
        titles = [a.text_content() for a in doc.cssselect(".sz-home-cases .sz-news-list a")]
        self.assertEqual(len(titles), 4)
        self.assertEqual(titles[0], "景区季节工工资纠纷在服务点就地化解")  # closed 2026-10-30
        dates = [t.get("datetime") for t in doc.cssselect(".sz-home-cases time")]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_latest_news(self):
        doc = self.home()
        titles = [a.text_content() for a in doc.cssselect(".sz-home-news .sz-news-list a")]
        self.assertEqual(titles[0], "根治欠薪冬季专项行动启动，设立欠薪线索反映专窗")
        self.assertEqual(len(titles), 4)

    def test_unpublished_items_not_shown(self):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=self.portal["news"], type="News Item", id="draft", title="尚未发布的新闻草稿"
            )
        transaction.commit()
        self.home()
        self.assertNotIn("尚未发布的新闻草稿", self.browser.contents)

    def test_search_box_and_station_quick_finder(self):
        doc = self.home()
        search = doc.cssselect(".sz-hero-search")[0]
        self.assertEqual(search.get("action"), f"{self.portal_url}/@@search")
        self.assertEqual(search.cssselect("input")[0].get("name"), "SearchableText")
        nearby = doc.cssselect(".sz-home-nearby form")[0]
        self.assertEqual(nearby.get("action"), f"{self.portal_url}/stations")
        self.assertEqual(len(nearby.cssselect("option")), 7)  # all + six districts
