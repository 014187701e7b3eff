"""The registry lists behind every choice, and the control panels that edit them."""

from plone import api
from plone.testing.zope import Browser
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import make_user
from tests.helpers import PASSWORD
from zope.component import getUtilitiesFor
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import re
import transaction
import unittest


PREFIX = "suizhou.laborrights.vocabularies"
CHINESE = re.compile(r"[\u4e00-\u9fff]")

# The codes other systems (the API issue) rely on: fixed, in this order.
DISTRICTS = ["city", "zengdu", "suixian", "guangshui", "hitech", "dahongshan"]
DISPUTE_TYPES = [
    "wage_arrears",
    "labor_contract",
    "dismissal",
    "social_insurance",
    "work_injury",
    "overtime",
    "unemployment_insurance",
    "platform_work",
    "employer_consultation",
    "other",
]
# Every registry-backed vocabulary (vocabularies.zcml) and the record it reads.
REGISTRY_VOCABULARIES = {
    "Districts": "districts",
    "DisputeTypes": "dispute_types",
    "Channels": "channels",
    "MediationKinds": "mediation_kinds",
    "PartnerAgencies": "partner_agencies",
    "Routes": "routes",
    "Outcomes": "outcomes",
    "StationLevels": "station_levels",
    "HostTypes": "host_types",
    "MediatorTitles": "mediator_titles",
    "Studios": "studios",
    "ClaimKinds": "claim_kinds",
}


def vocabulary(name):
    return getUtility(IVocabularyFactory, f"{PREFIX}.{name}")(api.portal.get())


class TestRegistryVocabularies(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def test_district_codes_and_titles(self):
        districts = vocabulary("Districts")
        self.assertEqual([term.token for term in districts], DISTRICTS)
        self.assertEqual(districts.getTerm("zengdu").title, "曾都区")
        self.assertEqual(districts.getTerm("dahongshan").title, "大洪山风景名胜区")

    def test_dispute_type_codes_and_titles(self):
        types = vocabulary("DisputeTypes")
        self.assertEqual([term.token for term in types], DISPUTE_TYPES)
        self.assertEqual(types.getTerm("wage_arrears").title, "拖欠工资")
        self.assertEqual(types.getTerm("work_injury").title, "工伤")

    def test_every_list_has_ascii_codes_and_chinese_titles(self):
        for name, record in REGISTRY_VOCABULARIES.items():
            terms = list(vocabulary(name))
            self.assertGreaterEqual(len(terms), 3, name)
            lines = api.portal.get_registry_record(f"{PREFIX}.{record}")
            self.assertEqual([t.token for t in terms], [line.split("|")[0] for line in lines], name)
            for term in terms:
                self.assertRegex(term.token, r"^[a-z0-9_]+$", name)
                self.assertEqual(term.value, term.token)
                self.assertRegex(term.title, CHINESE, f"{name}: {term.token}")

    def test_all_registry_lists_are_registered(self):
        registered = {name for name, _factory in getUtilitiesFor(IVocabularyFactory)}
        self.assertLessEqual({f"{PREFIX}.{name}" for name in REGISTRY_VOCABULARIES}, registered)

    def test_stations_are_offered_with_their_district(self):
        with api.env.adopt_roles(["Manager"]):
            station = api.content.create(
                container=api.portal.get().stations.suixian,
                type="ServiceStation",
                title="厉山镇劳动保障维权服务站",
                level="station",
                district="suixian",
                address="随州市随县厉山镇",
            )
        stations = vocabulary("Stations")
        title = stations.getTerm(station.UID()).title
        self.assertEqual(title, "随县 · 厉山镇劳动保障维权服务站")

    def test_an_administrator_adds_a_district_without_code(self):
        record = f"{PREFIX}.districts"
        lines = api.portal.get_registry_record(record)
        api.portal.set_registry_record(record, tuple(lines) + ("xian|某县",))
        districts = vocabulary("Districts")
        self.assertEqual(districts.getTerm("xian").title, "某县")
        self.assertEqual([t.token for t in districts][:6], DISTRICTS)

    def test_an_administrator_renames_and_removes_entries(self):
        record = f"{PREFIX}.dispute_types"
        lines = [line for line in api.portal.get_registry_record(record) if not line.startswith("other|")]
        lines[0] = "wage_arrears|欠薪"
        api.portal.set_registry_record(record, tuple(lines))
        types = vocabulary("DisputeTypes")
        self.assertEqual(types.getTerm("wage_arrears").title, "欠薪")
        self.assertNotIn("other", types)


class TestControlPanels(unittest.TestCase):
    layer = FUNCTIONAL_TESTING
    panels = ("@@laborrights-vocabularies", "@@laborrights-statutory")

    def setUp(self):
        self.portal = self.layer["portal"]
        make_user("siteadmin", roles=["Site Administrator"])
        make_user("member")
        transaction.commit()

    def browser(self, user=None):
        browser = Browser(self.layer["app"])
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def test_site_administrator_gets_both_panels(self):
        browser = self.browser("siteadmin")
        browser.open(f"{self.portal.absolute_url()}/@@laborrights-vocabularies")
        self.assertIn("维权平台：基础数据", browser.contents)
        self.assertIn("zengdu|曾都区", browser.getControl(name="form.widgets.districts").value)
        browser.open(f"{self.portal.absolute_url()}/@@laborrights-statutory")
        self.assertIn("维权平台：法定时限与标准", browser.contents)
        self.assertEqual(browser.getControl(name="form.widgets.mediation_days").value, "15")

    def test_member_and_anonymous_are_refused(self):
        for user, refusal in (("member", "/insufficient-privileges"), (None, "/login")):
            for panel in self.panels:
                browser = self.browser(user)
                browser.open(f"{self.portal.absolute_url()}/{panel}")
                self.assertIn(refusal, browser.url, f"{user}: {panel}")
                self.assertNotIn("form.widgets.", browser.contents, f"{user}: {panel}")

    def test_site_administrator_adds_a_district_through_the_panel(self):
        browser = self.browser("siteadmin")
        browser.open(f"{self.portal.absolute_url()}/@@laborrights-vocabularies")
        control = browser.getControl(name="form.widgets.districts")
        control.value = control.value + "\nxian|某县"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(vocabulary("Districts").getTerm("xian").title, "某县")

    def test_invalid_statutory_number_is_refused_and_the_old_value_kept(self):
        browser = self.browser("siteadmin")
        record = "suizhou.laborrights.statutory.mediation_days"
        for bad in ("abc", "0"):
            browser.open(f"{self.portal.absolute_url()}/@@laborrights-statutory")
            browser.getControl(name="form.widgets.mediation_days").value = bad
            browser.getControl(name="form.buttons.save").click()
            self.assertIn("@@laborrights-statutory", browser.url)
            self.assertIn("invalid-feedback", browser.contents, bad)
            transaction.begin()
            self.assertEqual(api.portal.get_registry_record(record), 15, bad)
        browser.getControl(name="form.widgets.mediation_days").value = "20"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(api.portal.get_registry_record(record), 20)
