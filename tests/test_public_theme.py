"""The theme's additions for the public site: full-width pages without portlet columns, the
reading aids' script and styles, the skip link, everything served by the site itself."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.helpers import PublicPagesTestCase

import lxml.html
import re
import transaction


THEME = "++theme++suizhou.laborrights"


class TestTheme(PublicPagesTestCase):
    def body_classes(self, path):
        self.browser.open(self.portal_url + path)
        return lxml.html.fromstring(self.browser.contents).find("body").get("class").split()

    def test_public_pages_full_width(self):
        for path in (
            "",
            "/stations",
            "/stations/city/chen-hongmei",
            "/guides/service-notice",
            "/mediators",
            "/apply/complaint",
        ):
            with self.subTest(path=path):
                classes = self.body_classes(path)
                self.assertIn("col-content", classes)
                self.assertNotIn("col-one", classes)
                self.assertNotIn("col-two", classes)
                self.assertEqual(classes[:3], ["d-flex", "flex-column", "h-100"])
                self.assertFalse(
                    lxml.html.fromstring(self.browser.contents).xpath("//*[@id='portal-column-one']")
                )

    def test_other_pages_keep_their_portlets(self):
        self.browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        classes = self.body_classes("/guides/service-notice/edit")
        doc = lxml.html.fromstring(self.browser.contents)
        has_column = bool(doc.xpath("//*[@id='portal-column-one']"))
        self.assertEqual("col-one" in classes, has_column)

    def test_scripts_and_styles_served(self):
        for name, kind, marker in (
            ("js/laborrights.js", "javascript", "sz-high-contrast"),
            ("js/station-finder.js", "javascript", "geolocation"),
            ("css/laborrights.css", "text/css", "html.sz-large-text"),
        ):
            with self.subTest(asset=name):
                self.browser.open(f"{self.portal_url}/{THEME}/{name}")
                self.assertIn(kind, self.browser.headers["content-type"])
                text = self.browser.contents
                text = text.decode() if isinstance(text, bytes) else text
                self.assertIn(marker, text)
                # Nothing fetched from elsewhere.
                self.assertIsNone(re.search(r"https?://(?!www\.w3\.org)", text), name)

    def test_every_icon_drawn(self):
        from suizhou.laborrights.public.icons import ICONS

        self.browser.open(f"{self.portal_url}/{THEME}/css/laborrights.css")
        css = self.browser.contents
        css = css.decode() if isinstance(css, bytes) else css
        for code in (*ICONS, "default"):
            with self.subTest(icon=code):
                self.assertRegex(css, rf"\.sz-icon-{code} {{\n  --sz-icon: url\(\"data:image/svg\+xml,")

    def test_navigation_landmarks_named_in_chinese(self):
        """Plone's breadcrumbs are called "breadcrumb", a listing's pages and a portlet's tree
        have no name: the theme names them."""
        self.browser.open(self.portal_url + "/news/winter-wage-campaign")
        doc = lxml.html.fromstring(self.browser.contents)
        names = {nav.get("id") or nav.get("class"): nav.get("aria-label") for nav in doc.iter("nav")}
        self.assertEqual(names["portal-globalnav-wrapper"], "网站导航")
        self.assertEqual(names["portal-breadcrumbs"], "当前位置")
        self.assertTrue(all(names.values()), names)
        self.browser.open(self.portal_url + "/@@search?SearchableText=x")
        doc = lxml.html.fromstring(self.browser.contents)
        self.assertEqual(doc.xpath("//nav[ul[contains(@class, 'pagination')]]/@aria-label"), ["分页"])

    def test_file_fields_labelled(self):
        """plone.formwidget.namedfile's label points at the widget's <div>; the theme points it at
        the file input. Labels that point at nothing (a form's section titles) point nowhere."""
        self.browser.open(self.portal_url + "/apply/complaint")
        doc = lxml.html.fromstring(self.browser.contents)
        files = doc.xpath("//input[@type='file']")
        self.assertTrue(files)
        for field in files:
            self.assertEqual(len(doc.xpath(f"//label[@for='{field.get('id')}']")), 1, field.get("id"))
        ids = set(doc.xpath("//@id"))
        self.assertEqual([f for f in doc.xpath("//label/@for") if f not in ids], [])

    def test_reading_aids_and_skip_link_in_every_page(self):
        self.browser.open(self.portal_url + "/guides")
        doc = lxml.html.fromstring(self.browser.contents)
        body = doc.find("body")
        self.assertEqual(body[0].get("id"), "sz-skip-link")
        self.assertEqual(body[0].get("href"), "#content")
        self.assertEqual(len(doc.xpath("//*[@id='content']")), 1)
        group = doc.cssselect(".sz-reading-aids")[0]
        self.assertEqual(group.get("role"), "group")
        self.assertEqual([b.text for b in group.cssselect("button")], ["大字号", "高对比度"])
        self.assertIn(f"/{THEME}/js/laborrights.js", self.browser.contents)
        offcanvas = doc.get_element_by_id("offcanvasNavbar")
        self.assertEqual(offcanvas.get("aria-label"), "网站导航")

    def test_footer(self):
        api.portal.set_registry_record("plone.site_title", "某市劳动维权服务平台")
        transaction.commit()
        self.browser.open(self.portal_url)
        doc = lxml.html.fromstring(self.browser.contents)
        self.assertEqual(
            doc.get_element_by_id("sz-footer-name").text_content().strip(), "某市劳动维权服务平台"
        )
        footer = doc.get_element_by_id("portal-footer-wrapper")
        self.assertEqual(
            [a.get("href") for a in footer.cssselect(".sz-footer-info a")], ["tel:12345", "tel:12333"]
        )
        self.assertNotIn("Powered by Plone", footer.text_content())
        self.assertTrue(footer.cssselect(".site-actions a"))
