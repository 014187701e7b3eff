"""Shared set-up of the public-form tests: an anonymous browser, a mock MailHost, test data.

Mail is never sent: the MailHost is swapped for a mock that keeps the messages
(``tests.mocks.swap_mailhost``: not stored in the site, since mail goes out after the commit).
"""

from email import message_from_bytes
from email import policy
from io import BytesIO
from plone import api
from plone.testing.zope import Browser
from suizhou.laborrights.cases import counters
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import valid_credit_code
from tests.helpers import valid_id_number
from tests.mocks import swap_mailhost
from webtest.forms import Upload

import transaction
import unittest


# Small but real files: the checks look at the first bytes.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00 a program renamed to .pdf"

APPLICANT_PHONE = "13907225678"


def create_places_and_guides(portal):
    """Two township stations of 曾都区 and 随县, and published guides of two matters."""
    with api.env.adopt_roles(["Manager"]):
        stations = {}
        for district, station_id, title, township in (
            ("zengdu", "nanjiao-station", "南郊街道劳动保障维权服务站", "南郊街道"),
            ("suixian", "lishan-station", "厉山镇劳动保障维权服务站", "厉山镇"),
        ):
            station = api.content.create(
                container=portal["stations"][district],
                type="ServiceStation",
                id=station_id,
                title=title,
                level="station",
                district=district,
                township=township,
                address=f"{title}地址",
            )
            api.content.transition(obj=station, to_state="published")
            stations[station_id] = station.UID()
        for guide_id, title, kind, types in (
            ("wage-arrears-checklist", "拖欠工资投诉一次性告知清单", "checklist", ["wage_arrears"]),
            ("arbitration-checklist", "劳动争议仲裁申请一次性告知清单", "checklist", ["labor_contract"]),
            ("enterprise-service", "仲裁员进企业服务指南", "guide", ["employer_consultation"]),
        ):
            guide = api.content.create(
                container=portal["guides"],
                type="Guide",
                id=guide_id,
                title=title,
                guide_kind=kind,
                dispute_types=types,
            )
            api.content.transition(obj=guide, to_state="published")
    return stations


class FormsTestCase(unittest.TestCase):
    """An anonymous visitor of a site with two stations and three guides, in Chinese."""

    layer = FUNCTIONAL_TESTING

    def setUp(self):
        counters.reset()
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.stations = create_places_and_guides(self.portal)
        api.portal.set_registry_record("plone.default_language", "zh-cn")
        self.mailhost = swap_mailhost(self, self.portal)  # mail goes out after commit
        api.portal.set_registry_record("plone.email_from_address", "weiquan@example.org")
        api.portal.set_registry_record("plone.email_from_name", "随州市劳动保障维权中心")
        transaction.commit()
        self.browser = self.new_browser()

    def tearDown(self):
        counters.reset()

    def new_browser(self):
        browser = Browser(self.app)
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "zh-CN")
        return browser

    # -- filling a form ------------------------------------------------------------------------

    def open_form(self, form_id, browser=None):
        browser = browser or self.browser
        browser.open(f"{self.portal.absolute_url()}/apply/{form_id}")
        return browser

    def fill(self, values, browser=None):
        """Set widgets by field id: str for text, list for selections, True for a checkbox,
        (filename, bytes, content type) for a file, a list of those for a multiple file input."""
        browser = browser or self.browser
        for name, value in values.items():
            if isinstance(value, list) and value and isinstance(value[0], tuple):
                # several files in one multiple file input
                control = browser.getControl(name=f"form.widgets.{name}")
                control._form[control.name] = [Upload(*file) for file in value]
            elif isinstance(value, tuple):
                filename, data, content_type = value
                control = browser.getControl(name=f"form.widgets.{name}")
                control.add_file(BytesIO(data), content_type, filename)
            elif value is True:
                browser.getControl(name=f"form.widgets.{name}:list").value = ["selected"]
            elif isinstance(value, list):
                browser.getControl(name=f"form.widgets.{name}:list").value = value
            else:
                browser.getControl(name=f"form.widgets.{name}").value = value

    def submit(self, browser=None):
        browser = browser or self.browser
        browser.getControl(name="form.buttons.submit").click()
        return browser

    def file(self, form_id, values, browser=None):
        browser = self.open_form(form_id, browser)
        self.fill(values, browser)
        return self.submit(browser)

    # -- looking at what was stored ------------------------------------------------------------

    def sent_mail(self):
        transaction.begin()
        return [message_from_bytes(text, policy=policy.default) for text in self.mailhost.messages]

    def web_cases(self):
        transaction.begin()  # see what the browser's requests committed
        catalog = api.portal.get_tool("portal_catalog")
        return [
            brain._unrestrictedGetObject()
            for brain in catalog.unrestrictedSearchResults(portal_type="Case", channel="web")
        ]

    def error_of(self, field, browser=None):
        """The error message shown next to a field ('' if none)."""
        browser = browser or self.browser
        from lxml import html

        tree = html.fromstring(browser.contents)
        found = tree.xpath(f'//div[@id="formfield-form-widgets-{field}"]//div[contains(@class, "invalid-feedback")]')
        return " ".join(node.text_content().strip() for node in found)


def error_summary(contents):
    """The error summary above a form: {'heading', 'links': [(href, text)]}, or None."""
    from lxml import html

    found = html.fromstring(contents).xpath('//div[@id="error-summary"]')
    if not found:
        return None
    return {
        "heading": found[0].xpath("string(.//h2)").strip(),
        "links": [(link.get("href"), link.text_content().strip()) for link in found[0].xpath(".//li/a")],
    }


def complaint_values(**overrides):
    values = {
        "applicant_name": "测试投诉人张三",
        "applicant_id_number": valid_id_number(7),
        "applicant_phone": APPLICANT_PHONE,
        "applicant_address": "随州市曾都区测试路8号",
        "employer_name": "随州市测试建材有限公司",
        "employer_credit_code": valid_credit_code(7),
        "employer_address": "随州市曾都区工业园1号",
        "dispute_types": ["wage_arrears"],
        "district": ["zengdu"],
        "claim_amount": "12,000.50",
        "workers_involved": "1",
        "facts": "2026年8月至10月的工资一直未发放。",
        "request": "责令支付拖欠工资12000.50元。",
        "confirm": True,
    }
    values.update(overrides)
    return {name: value for name, value in values.items() if value is not None}
