"""The Content-Security-Policy in a real browser: the station map (with tiles), a filing form
and its receipt (print button included), and an editor's edit form (TinyMCE) work with the
header on, and the browser reports no CSP violation. Skipped like the other browser tests
when Chromium is missing."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from suizhou.laborrights.testing import DEMO_FUNCTIONAL_TESTING
from tests.browser_helpers import BrowserTestMixin
from tests.helpers import valid_id_number

import json
import transaction
import unittest


# Runs in every new document before the page's own scripts: records each CSP violation (kept
# across pages in sessionStorage) and each call of window.print (headless Chromium cannot print).
RECORDER = """
document.addEventListener("securitypolicyviolation", function (e) {
  var seen = JSON.parse(sessionStorage.getItem("csp") || "[]");
  seen.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
  sessionStorage.setItem("csp", JSON.stringify(seen));
});
window.print = function () { sessionStorage.setItem("printed", "yes"); };
"""


class TestContentSecurityPolicy(BrowserTestMixin, unittest.TestCase):
    layer = DEMO_FUNCTIONAL_TESTING

    def setUp(self):
        super().setUp()
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})

    def violations(self):
        return json.loads(self.driver.execute_script("return sessionStorage.getItem('csp') || '[]'"))

    def assertPolicyOn(self):
        """The page really came with the header (a <meta> would not count): asked again."""
        policy = self.driver.execute_script(
            "var r = new XMLHttpRequest(); r.open('HEAD', location.href, false); r.send();"
            "return r.getResponseHeader('Content-Security-Policy');"
        )
        self.assertIn("default-src 'self'", policy or "")

    def test_station_map_with_tiles(self):
        tile = "++theme++suizhou.laborrights/vendor/leaflet/images/layers.png?z={z}&x={x}&y={y}"
        api.portal.set_registry_record("suizhou.laborrights.public.map_tile_url", f"{self.site_url}/{tile}")
        transaction.commit()
        self.open("/stations")
        self.assertPolicyOn()
        self.wait_for(lambda d: len(self.css(".sz-pin")) > 0)
        self.wait_for(lambda d: len(self.css("img.leaflet-tile-loaded")) > 0)
        self.assertEqual(self.violations(), [])

    def test_station_map_with_tiles_from_other_hosts(self):
        """As 天地图 is set up: a base layer and a layer of place names from t0…t7.<host>. Here the
        hosts are a.localhost and b.localhost (Chromium resolves *.localhost to this machine):
        another origin than the page's, allowed by the policy's *.localhost source only."""
        port = self.layer["port"]
        tile = f"http://{{s}}.localhost:{port}/{self.portal.getId()}/++theme++suizhou.laborrights/vendor/leaflet"
        tile += "/images/layers.png?layer=%s&z={z}&x={x}&y={y}"
        for name, value in (
            ("map_tile_url", tile % "vec"),
            ("map_label_tile_url", tile % "cva"),
            ("map_tile_subdomains", "ab"),
        ):
            api.portal.set_registry_record(f"suizhou.laborrights.public.{name}", value)
        transaction.commit()
        self.open("/stations")
        self.assertPolicyOn()
        self.driver.execute_script("document.getElementById('sz-station-map').scrollIntoView()")
        self.wait_for(lambda d: len(self.css(".sz-pin")) > 0)
        self.wait_for(lambda d: self.loaded_layers() >= {"vec", "cva"})
        hosts = {src.split("/")[2] for src in self.loaded()}
        self.assertTrue(hosts <= {f"a.localhost:{port}", f"b.localhost:{port}"}, hosts)
        self.assertEqual(self.violations(), [])

    def loaded(self):
        """The addresses of the tiles drawn (read at once: Leaflet replaces tiles as it zooms)."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('img.leaflet-tile-loaded'), i => i.src)"
        )

    def loaded_layers(self):
        return {src.split("layer=")[1][:3] for src in self.loaded()}

    def test_filing_form_receipt_and_its_print_button(self):
        from selenium.webdriver.support.ui import Select

        self.open("/apply/complaint")
        self.assertPolicyOn()
        self.wait_for(lambda d: self.css("#form-widgets-applicant_name"))
        for field, text in (
            ("applicant_name", "赵某某"),
            ("applicant_id_number", valid_id_number(7)),
            ("applicant_phone", "13907225678"),
            ("employer_name", "随州市某某建材有限公司"),
            ("facts", "2026年9月至11月的工资共9000元至今未发放。"),
        ):
            self.css(f"#form-widgets-{field}")[0].send_keys(text)
        boxes = self.css("input[name='form.widgets.dispute_types:list']")
        box = [e for e in boxes if e.get_attribute("value") == "wage_arrears"][0]
        self.driver.execute_script("arguments[0].click()", box)
        Select(self.css("#form-widgets-district")[0]).select_by_value("zengdu")
        workers = self.css("#form-widgets-workers_involved")[0]
        workers.clear()
        workers.send_keys("1")
        self.driver.execute_script("arguments[0].click()", self.css("input[name='form.widgets.confirm:list']")[0])
        self.driver.execute_script("arguments[0].click()", self.css("#form-buttons-submit")[0])
        self.wait_for(lambda d: self.css(".reference"))
        self.wait_for(lambda d: d.execute_script("return document.readyState") == "complete")
        self.driver.execute_script("arguments[0].click()", self.css("[data-sz-print]")[0])
        self.wait_for(lambda d: d.execute_script("return sessionStorage.getItem('printed')") == "yes")
        self.assertEqual(self.violations(), [])

    def test_an_editor_edits_a_page_with_tinymce(self):
        with api.env.adopt_roles(["Manager"]):
            page = api.content.create(container=self.portal, type="Document", id="csp-page", title="旧标题")
        transaction.commit()
        self.open("/login")
        self.css("#__ac_login, input[name='__ac_name']")[0].send_keys(SITE_OWNER_NAME)
        self.css("#__ac_password, input[name='__ac_password']")[0].send_keys(SITE_OWNER_PASSWORD)
        self.click(self.css("button[name='buttons.login'], #buttons-login")[0])
        self.wait_for(lambda d: self.css("#personaltools-logout, #portal-personaltools"))
        self.open(f"/{page.getId()}/edit")
        self.assertPolicyOn()
        self.wait_for(lambda d: self.css(".tox-tinymce"), timeout=30)  # TinyMCE is up
        title = self.css("#form-widgets-IDublinCore-title")[0]
        title.clear()
        title.send_keys("新标题")
        self.click(self.css("#form-buttons-save")[0])
        self.wait_for(lambda d: d.current_url.rstrip("/").endswith("csp-page"))
        self.assertIn("新标题", self.driver.title)
        self.assertEqual(self.violations(), [])
