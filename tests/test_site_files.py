"""The site's files for machines (issue 16 item 8): sitemap.xml and sitemap.xml.gz list the
public pages and never a case; the home page's feed links have readable titles."""

from plone.testing.zope import Browser
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING

import gzip
import lxml.etree
import lxml.html
import unittest


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class TestSiteFiles(unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False

    def locations(self, xml):
        xml = xml.encode() if isinstance(xml, str) else xml
        return lxml.etree.fromstring(xml).xpath("//s:loc/text()", namespaces=NS)

    def test_sitemap_xml_lists_public_pages_never_a_case(self):
        self.browser.open(f"{self.portal_url}/sitemap.xml")
        self.assertEqual(self.browser.headers["status"], "200 OK")
        urls = self.locations(self.browser.contents)
        for path in ("", "/stations", "/guides/wage-arrears-checklist", "/typical-cases", "/apply/complaint"):
            self.assertIn(self.portal_url + path, urls)
        cases = self.portal.portal_catalog.unrestrictedSearchResults(portal_type="Case")
        self.assertTrue(cases)
        case_urls = {brain.getURL() for brain in cases}
        self.assertFalse(case_urls & set(urls))
        self.assertFalse([url for url in urls if "/cases/" in url], urls)

    def test_sitemap_xml_gz(self):
        self.browser.open(f"{self.portal_url}/sitemap.xml.gz")
        self.assertEqual(self.browser.headers["status"], "200 OK")
        index = gzip.decompress(self.browser.contents)
        self.assertIn(b"sitemapindex", index)
        self.browser.open(f"{self.portal_url}/sitemap.xml.gz?page=1")
        urls = self.locations(gzip.decompress(self.browser.contents))
        self.assertIn(f"{self.portal_url}/stations", urls)
        self.assertFalse([url for url in urls if "/cases/" in url], urls)

    def test_feed_link_titles(self):
        self.browser.open(self.portal_url)
        page = lxml.html.fromstring(self.browser.contents)
        titles = [link.get("title") for link in page.xpath("//link[@rel='alternate']")]
        self.assertTrue(titles)
        for title in titles:
            self.assertNotIn("b'", title)
        self.assertTrue(any(title.endswith(" - RSS 2.0") for title in titles), titles)
