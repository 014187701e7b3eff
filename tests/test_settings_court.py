"""The people's court of 司法确认 comes from the settings (门户网站 control panel, one line per
district), never from code: the documents and the hand-over page to a court name the court of
the case's district, or leave the blank line when the administrator has named none; a
malformed line is refused in Chinese and the stored courts stay."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from suizhou.laborrights.documents import docx_templates
from suizhou.laborrights.documents.template_fields import case_fields
from suizhou.laborrights.documents.template_fields import COURT_BLANK
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.settings import court_name
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.docx_helpers import docx_text
from tests.helpers import browser_for
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case

import lxml.html
import transaction
import unittest


RECORD = "suizhou.laborrights.public.courts"
ZENGDU = "随州市曾都区人民法院"


class TestCourtInDocuments(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        chinese_site()
        api.portal.set_registry_record(RECORD, (f"zengdu|{ZENGDU}", "guangshui|广水市人民法院"))

    def test_the_case_districts_court_is_named(self):
        self.assertEqual(case_fields(new_case(district="zengdu"))["court"], ZENGDU)
        self.assertEqual(case_fields(new_case(district="guangshui"))["court"], "广水市人民法院")

    def test_a_district_without_a_court_keeps_the_blank_line(self):
        self.assertEqual(case_fields(new_case(district="suixian"))["court"], COURT_BLANK)
        api.portal.set_registry_record(RECORD, ())
        self.assertEqual(case_fields(new_case(district="zengdu"))["court"], COURT_BLANK)
        self.assertEqual(court_name("zengdu"), "")

    def test_the_judicial_confirmation_application_names_it(self):
        fields = case_fields(new_case(district="zengdu"))
        text = docx_text(docx_templates.render(docx_templates.current_data("judicial_confirmation"), fields))
        self.assertIn(f"此致{ZENGDU}", text.replace("\n", "").replace(" ", ""))


class TestCourtSetting(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        chinese_site()
        api.portal.set_registry_record(RECORD, (f"zengdu|{ZENGDU}",))
        transaction.commit()
        self.browser = Browser(self.layer["app"])
        self.browser.handleErrors = False
        self.browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
        self.browser.addHeader("Accept-Language", "zh-CN")
        self.browser.open(self.layer["portal"].absolute_url() + "/@@laborrights-public")

    def save(self, text):
        self.browser.getControl(name="form.widgets.courts").value = text
        self.browser.getControl(name="form.buttons.save").click()
        transaction.begin()

    def test_the_administrator_names_the_courts(self):
        self.assertEqual(self.browser.getControl(name="form.widgets.courts").value, f"zengdu|{ZENGDU}")
        self.save(f"zengdu|{ZENGDU}\nsuixian|随县人民法院")
        self.assertEqual(court_name("suixian"), "随县人民法院")

    def test_a_line_without_a_court_is_refused_and_the_courts_stay(self):
        self.save(f"zengdu|{ZENGDU}\nsuixian")
        html = lxml.html.fromstring(self.browser.contents)
        errors = " ".join(e.text_content() for e in html.cssselect("#formfield-form-widgets-courts .invalid-feedback"))
        self.assertIn("请写“区县代码|法院名称”", errors)
        self.assertIn("suixian", self.browser.getControl(name="form.widgets.courts").value)  # what was typed
        self.assertEqual(api.portal.get_registry_record(RECORD), (f"zengdu|{ZENGDU}",))


class TestCourtOnTheHandoverPage(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        chinese_site()
        unit = make_station("unit-a", title="曾都区维权中心", level="center")
        unit.partner_agencies = ["hrss", "court", "union"]
        make_user("staff_a", groups=[unit_group_id(unit.UID())])
        self.case = new_case(district="zengdu")
        with api.env.adopt_roles(["Manager"]):
            route(self.case, unit.UID(), route="mediation")
        with api.env.adopt_user(username="staff_a"):
            transfers.send(self.case, units.token("court", unit.UID()), "judicial_confirmation")
            transfers.send(self.case, units.token("union", unit.UID()), "union_assistance")
        self.url = f"{self.case.absolute_url()}/@@partner-handover"

    def courts_shown(self):
        transaction.commit()
        browser = browser_for(self.layer["app"], "staff_a")
        browser.open(self.url)
        html = lxml.html.fromstring(browser.contents)
        return [dd.text_content().strip() for dd in html.cssselect(".partner-court")]

    def test_the_transfer_to_the_court_names_the_districts_court(self):
        api.portal.set_registry_record(RECORD, (f"zengdu|{ZENGDU}",))
        self.assertEqual(self.courts_shown(), [ZENGDU])  # the union's transfer names no court

    def test_without_a_court_in_the_settings_none_is_named(self):
        api.portal.set_registry_record(RECORD, ("suixian|随县人民法院",))
        self.assertEqual(self.courts_shown(), [])
