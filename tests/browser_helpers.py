"""What the browser tests share: a headless Chromium (Debian's, driven by Selenium) and a mixin
that starts and stops it per test, with helpers for screenshots, axe-core and waiting.

The browser tests need ``chromium`` and ``chromedriver`` on the PATH (Debian:
``apt-get install -y chromium chromium-driver``; .ci/run installs both). Without them each browser
test is an error that says what to install — never a skip: a missing browser must not pass for a
passing test. Screenshots are written to
``test-output/`` at the top of the repository.
"""

from pathlib import Path
from plone import api
from tests.a11y_helpers import a11y_problems
from tests.helpers import chinese_site
from tests.helpers import PASSWORD

import base64
import json
import shutil
import transaction


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
MISSING = [name for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not path]

OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
AXE = Path(__file__).resolve().parent / "assets" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

SITE_TITLE = "随州市劳动保障“一站式”维权服务平台"
DESKTOP = (1280, 900)
PHONE = (390, 844)
CHROME_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--lang=zh-CN",
)


def start_chrome(size, mobile=False):
    """A headless Chromium with a viewport of ``size`` (CSS pixels)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if MISSING:
        raise RuntimeError(
            f"the browser tests need {' and '.join(MISSING)} (Debian: apt-get install -y chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in CHROME_ARGS:
        options.add_argument(argument)
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": size[0], "height": size[1], "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile},
    )
    if mobile:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    driver.set_page_load_timeout(60)
    return driver


def site_as_started():
    """As ``make start`` sets the site up: the platform's name, Chinese, Beijing time."""
    chinese_site()
    api.portal.set_registry_record("plone.site_title", SITE_TITLE)
    api.portal.set_registry_record("plone.portal_timezone", "Asia/Shanghai")
    transaction.commit()


class BrowserTestMixin:
    """Start and stop Chromium per test; helpers for logging in, screenshots, axe-core and waiting."""

    size = DESKTOP
    mobile = False

    def setUp(self):
        self.portal = self.layer["portal"]
        site_as_started()
        self.site_url = f"http://{self.layer['host']}:{self.layer['port']}/{self.portal.getId()}"
        OUTPUT.mkdir(exist_ok=True)
        self.driver = start_chrome(self.size, self.mobile)
        self.addCleanup(self.driver.quit)

    def open(self, path=""):
        self.driver.get(self.site_url + path)
        self.wait_for(lambda d: d.execute_script("return document.readyState") == "complete")

    def login(self, username):
        """Log in through the site's login form, as a person does (an earlier log-in's cookies
        dropped first), and wait for the logged-in page."""
        self.driver.delete_all_cookies()
        self.open("/login")
        self.css("#__ac_name")[0].send_keys(username)
        self.css("#__ac_password")[0].send_keys(PASSWORD)
        self.click(self.css("#buttons-login")[0])
        self.wait_for(lambda d: self.css("body.userrole-authenticated"))

    def wait_for(self, condition, timeout=20):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout).until(condition)

    def css(self, selector):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def click(self, element):
        """Click like a person: scrolled into the middle of the screen first.

        With a phone's metrics emulated, WebDriver's own click can miss what is plainly on
        the screen (the emulated viewport and the window disagree), so a visible element is
        clicked by script there."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        if self.mobile:
            self.assertTrue(element.is_displayed())
            self.driver.execute_script("arguments[0].click()", element)
        else:
            element.click()

    def screenshot(self, name):
        """A full-page PNG in test-output/."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        content = metrics["cssContentSize"]
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": content["width"], "height": content["height"], "scale": 1},
            },
        )
        path = OUTPUT / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def axe_violations(self, selector=None):
        """axe-core's WCAG 2.1 A/AA violations of the current page, as readable strings."""
        self.driver.execute_script(AXE.read_text(encoding="utf-8"))
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "var context = arguments[0] ? document.querySelector(arguments[0]) : document;"
            "axe.run(context, {runOnly: {type: 'tag', values: arguments[1]}})"
            ".then(function (r) { done(JSON.stringify(r.violations)); })"
            ".catch(function (e) {"
            "  done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}]));"
            "});",
            selector,
            AXE_TAGS,
        )
        return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in json.loads(result)]

    def axe_violations_in(self, selector):
        """axe-core's WCAG 2.1 A/AA violations inside one part of the page, e.g. ``#content``
        without Plone's toolbar (shown to administrators, with problems of its own)."""
        return self.axe_violations(selector)

    def assertAccessible(self, known=()):
        """No problem of the static check (but the ``known`` ones) and no axe-core violation."""
        problems = a11y_problems(self.driver.page_source)
        self.assertEqual([p for p in problems if p not in known], [])
        self.assertEqual(self.axe_violations(), [])

    def no_horizontal_scroll(self):
        return self.driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
