"""The upgrade steps (upgrades/, one per profile version): a site made to look as it was stored at
version N is taken back to N and upgraded; what the step brings is there, what the administrator
had set is kept. One test case per step. (An upgrade of a database built by the previous release
is tests/test_upgrade_previous_release.py.)"""

from datetime import date
from decimal import Decimal
from pathlib import Path
from plone import api
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from plone.registry.interfaces import IRegistry
from Products.CMFCore.indexing import processQueue
from suizhou.laborrights.cases.duplicates import possible_duplicates
from suizhou.laborrights.content.case import ICase
from suizhou.laborrights.controlpanels.notifications import INotificationSettings
from suizhou.laborrights.controlpanels.notifications import PREFIX as NOTIFICATIONS
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling import holidays
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.minimum_wage import minimum_wage
from suizhou.laborrights.handling.triage import suggestions
from suizhou.laborrights.interfaces import IStationDirectory
from suizhou.laborrights.staff import lockout
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from suizhou.laborrights.upgrades import v1008
from suizhou.laborrights.upgrades import v1009
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from zope.component import getUtility
from zope.interface import noLongerProvides

import unittest


PROFILE = "suizhou.laborrights:default"
DAYS_OFF = "suizhou.laborrights.holidays.days_off"
WORKING_DAYS = "suizhou.laborrights.holidays.working_days"
WAGE_STANDARDS = "suizhou.laborrights.minimum_wage.standards"
OLD_MINIMUM_WAGE = "suizhou.laborrights.statutory.monthly_minimum_wage"


class UpgradeTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def upgrade_from(self, version, to=None):
        """Take the site back to profile ``version`` (the test has made it look as such a site was
        stored) and run the upgrade steps from there as a Manager, up to ``to`` or the newest
        version; the profile is at that version afterwards."""
        setup = api.portal.get_tool("portal_setup")
        setup.setLastVersionForProfile(PROFILE, version)
        with api.env.adopt_roles(["Manager"]):
            setup.upgradeProfile(PROFILE, dest=to)
        self.assertEqual(setup.getLastVersionForProfile(PROFILE), (to or setup.getVersionForProfile(PROFILE),))


class TestUpgrade1001(UpgradeTestCase):
    """Case handling: worklist indexes, station groups, mediation sessions, statutory settings;
    the notification settings."""

    def test_upgrade_from_1000(self):
        catalog = api.portal.get_tool("portal_catalog")
        station = make_station("old-station")
        case = new_case()
        with api.env.adopt_roles(["Manager"]):
            clocks.start(case, "mediation")
        # As a 1000 site was: no worklist indexes, no station groups.
        for index in ("due_date", "stage"):
            catalog.delIndex(index)
        api.group.delete(groupname=unit_group_id(station.UID()))

        self.upgrade_from("1000")  # up to the newest version (later steps follow 1001)

        self.assertIn("due_date", catalog.indexes())
        found = catalog.unrestrictedSearchResults(stage="mediation")
        self.assertEqual([b.getId for b in found], [case.getId()])
        self.assertIsNotNone(api.group.get(groupname=unit_group_id(station.UID())))
        self.assertIn("MediationSession", api.portal.get_tool("portal_types").objectIds())
        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.statutory.due_soon_days"), 3)

    def test_an_existing_site_gets_the_notification_settings(self):
        registry = getUtility(IRegistry)
        for name in INotificationSettings.names():
            del registry.records[f"{NOTIFICATIONS}.{name}"]
        controlpanel = api.portal.get_tool("portal_controlpanel")
        controlpanel.unregisterConfiglet("laborrights-notifications")

        self.upgrade_from("1000")

        self.assertEqual(api.portal.get_registry_record(f"{NOTIFICATIONS}.sms_gateway"), "log")
        self.assertIn("laborrights-notifications", [action.id for action in controlpanel.listActions()])


class TestUpgrade1002(UpgradeTestCase):
    """The public site: its settings, the news folder, the layouts, cases out of the search."""

    def test_upgrade_from_1001(self):
        portal = self.layer["portal"]
        registry = api.portal.get_tool("portal_registry")
        # As a 1001 site was: no public settings, no news folder, stock layouts.
        for name in list(registry.records.keys()):
            if name.startswith("suizhou.laborrights.public."):
                del registry.records[name]
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=portal["news"])
        portal.setLayout("listing_view")
        portal["stations"].setLayout("listing_view")

        self.upgrade_from("1001", to="1002")

        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.public.map_tile_url"), "")
        self.assertIn("news", portal)
        self.assertEqual(portal["news"].getLayout(), "news-listing")
        self.assertEqual(portal.getLayout(), "laborrights-home")
        self.assertEqual(portal["stations"].getLayout(), "station-finder")
        roles = api.group.get_roles(groupname="reviewers", obj=portal["news"], inherit=False)
        self.assertIn("Reviewer", roles)
        self.assertIn("Case", api.portal.get_registry_record("plone.types_not_searched"))


class TestUpgrade1003(UpgradeTestCase):
    """Public filing: the forms, their settings, the fingerprints of recent cases."""

    def test_an_existing_site_gets_the_forms_settings_and_recent_fingerprints(self):
        portal = self.layer["portal"]
        earlier = new_case()
        # As a site before public filing was: no forms, settings or fingerprints.
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(portal["apply"])
        registry = getUtility(IRegistry)
        for key in [key for key in registry.records.keys() if key.startswith("suizhou.laborrights.filing.")]:
            del registry.records[key]
        delattr(portal["cases"], "_filing_fingerprints")

        self.upgrade_from("1002", to="1003")

        self.assertEqual(len(portal["apply"].objectIds()), 4)
        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.filing.attachment_max_count"), 5)
        self.assertEqual(possible_duplicates(new_case()), [earlier])


class TestUpgrade1004(UpgradeTestCase):
    """Cases leave the catalog indexes nobody queries for them, and stay findable."""

    def test_cases_leave_unqueried_indexes_and_stay_findable(self):
        catalog = api.portal.get_tool("portal_catalog")
        case = new_case()
        processQueue()
        rid = catalog.getrid("/".join(case.getPhysicalPath()))
        # As a 1003 site catalogued its cases: in object_provides under the case interface.
        catalog._catalog.getIndex("object_provides").insertForwardIndexEntry(ICase.__identifier__, rid)
        catalog._catalog.getIndex("object_provides")._unindex[rid] = [ICase.__identifier__]
        self.assertEqual(len(catalog.unrestrictedSearchResults(object_provides=ICase.__identifier__)), 1)

        self.upgrade_from("1003")

        self.assertEqual(len(catalog.unrestrictedSearchResults(object_provides=ICase.__identifier__)), 0)
        found = catalog.unrestrictedSearchResults(portal_type="Case", district=case.district)
        self.assertEqual([brain.getId for brain in found], [case.getId()])


class TestUpgrade1005(UpgradeTestCase):
    """The claim kinds and the final award's kinds of claims."""

    NEW_RECORDS = (
        "suizhou.laborrights.vocabularies.claim_kinds",
        "suizhou.laborrights.statutory.final_award_amount_kinds",
        "suizhou.laborrights.statutory.final_award_standard_kinds",
    )

    def test_an_existing_site_gets_the_records_and_keeps_its_settings(self):
        registry = getUtility(IRegistry)
        # As a 1004 site was: none of the new records; a wage the administrator had set.
        for name in self.NEW_RECORDS:
            del registry.records[name]
        api.portal.set_registry_record("suizhou.laborrights.statutory.monthly_minimum_wage", Decimal("2010"))

        self.upgrade_from("1004")

        for name in self.NEW_RECORDS:
            self.assertIn(name, registry.records)
        kinds = api.portal.get_registry_record("suizhou.laborrights.vocabularies.claim_kinds")
        self.assertIn("labour_relation|确认劳动关系", kinds)
        self.assertIn(
            "social_insurance",
            api.portal.get_registry_record("suizhou.laborrights.statutory.final_award_standard_kinds"),
        )
        self.assertEqual(
            api.portal.get_registry_record("suizhou.laborrights.statutory.monthly_minimum_wage"),
            Decimal("2010"),
        )
        # and triage judges claims with them: 12 × 2,010 = 24,120
        case = new_case(claims=[{"kind": "wages", "amount": Decimal("24000"), "note": None}])
        self.assertTrue(suggestions(case)["final_award"].applies)


class TestUpgrade1006(UpgradeTestCase):
    """The main menu without drop-downs."""

    def test_menu_depth_one_after_upgrade(self):
        api.portal.set_registry_record("plone.navigation_depth", 3)  # Plone's default

        self.upgrade_from("1005")

        self.assertEqual(api.portal.get_registry_record("plone.navigation_depth"), 1)


class TestUpgrade1007(UpgradeTestCase):
    """The station folder is marked as the station directory; other layouts are kept."""

    layer = DEMO_INTEGRATION_TESTING

    def test_upgrade_marks_an_existing_station_folder(self):
        stations = self.layer["portal"]["stations"]
        noLongerProvides(stations, IStationDirectory)
        self.layer["portal"]["guides"].setLayout("listing_view")  # an administrator's choice

        self.upgrade_from("1006")

        self.assertTrue(IStationDirectory.providedBy(stations))
        self.assertEqual(stations.getLayout(), "station-finder")
        self.assertEqual(self.layer["portal"]["guides"].getLayout(), "listing_view")  # kept


class TestUpgrade1008(UpgradeTestCase):
    """Holidays beyond the calendar package and dated minimum wages: the new records and panels;
    old override lines for later years move into the year's arrangement; the old single minimum
    wage stays as an older dated line."""

    def test_a_1007_site_gets_the_records_panels_and_keeps_its_wage(self):
        registry = getUtility(IRegistry)
        new = ("suizhou.laborrights.minimum_wage.", "suizhou.laborrights.holidays.")
        for name in [name for name in registry.records.keys() if name.startswith(new)]:
            del registry.records[name]
        api.portal.set_registry_record(OLD_MINIMUM_WAGE, Decimal("2010"))
        self.upgrade_from("1007", to="1008")
        standards = api.portal.get_registry_record(WAGE_STANDARDS)
        self.assertEqual(standards, ("2000-01-01|2010", "2025-12-01|2400|2130|1970"))
        self.assertEqual(api.portal.get_registry_record(DAYS_OFF), ())
        self.assertIn("zengdu|2", api.portal.get_registry_record("suizhou.laborrights.minimum_wage.district_tiers"))
        configlets = {action.id for action in api.portal.get_tool("portal_controlpanel").listActions()}
        self.assertLessEqual({"laborrights-holidays", "laborrights-minimum-wage"}, configlets)
        # Cases received before the new tiers keep the old standard; later ones get the tier's.
        self.assertEqual(minimum_wage("zengdu", date(2025, 6, 2)).amount, Decimal("2010"))
        self.assertEqual(minimum_wage("zengdu", date(2026, 6, 2)).amount, Decimal("2130"))

    def test_the_old_value_is_moved_once(self):
        api.portal.set_registry_record(OLD_MINIMUM_WAGE, Decimal("1950"))
        v1008.migrate_minimum_wage()
        v1008.migrate_minimum_wage()  # twice: nothing more
        standards = api.portal.get_registry_record(WAGE_STANDARDS)
        self.assertEqual(standards, ("2000-01-01|1950", "2025-12-01|2400|2130|1970"))

    def test_override_lines_beyond_the_package_move_to_the_arrangement(self):
        api.portal.set_registry_record(
            holidays.OVERRIDES_RECORD,
            ("2026-03-09|holiday|临时调整", "2027-01-01|holiday|元旦", "2027-02-14|workday|春节调休"),
        )
        api.portal.set_registry_record(DAYS_OFF, ())
        api.portal.set_registry_record(WORKING_DAYS, ())
        v1008.migrate_calendar_overrides()
        self.assertEqual(api.portal.get_registry_record(holidays.OVERRIDES_RECORD), ("2026-03-09|holiday|临时调整",))
        self.assertEqual(api.portal.get_registry_record(DAYS_OFF), ("2027-01-01|元旦",))
        self.assertEqual(api.portal.get_registry_record(WORKING_DAYS), ("2027-02-14|春节调休",))
        self.assertTrue(holidays.Arrangement().entered(2027))


class TestUpgrade1009(UpgradeTestCase):
    """Open clocks of a route's first stage count from the receipt of the application or
    complaint, not from routing."""

    def test_an_open_clock_started_at_routing_is_recounted_once(self):
        chinese_site()
        case = new_case(received=at(2026, 3, 7, 10))  # a Saturday
        unit = make_station("center", title="曾都区维权中心", level="center").UID()
        with api.env.adopt_roles(["Manager"]):
            route(case, unit, route="arbitration", when=at(2026, 3, 9, 9))
        clock = clocks.current(case)
        clock.start = date(2026, 3, 9)  # as the previous release counted it: from routing
        clock.refresh()
        case.reindexObject(idxs=["due_date", "stage"])
        self.assertEqual(clock.due(), date(2026, 3, 16))
        self.upgrade_from("1008", to="1009")
        self.assertEqual((clock.start, clock.due_date), (date(2026, 3, 7), date(2026, 3, 12)))
        brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=case.UID())[0]
        self.assertEqual(brain.due_date, date(2026, 3, 12))
        self.assertEqual(entries(case)[-1].action, "clock_recounted")
        v1009.upgrade(None)  # a second run changes nothing
        self.assertEqual(len([e for e in entries(case) if e.action == "clock_recounted"]), 1)


class TestUpgrade1010(UpgradeTestCase):
    """The list of reasons for not accepting a case."""

    RECORD = "suizhou.laborrights.vocabularies.refusal_reasons"

    def test_an_existing_site_gets_the_refusal_reasons_and_keeps_its_lists(self):
        registry = getUtility(IRegistry)
        del registry.records[self.RECORD]  # as a 1009 site was
        api.portal.set_registry_record("suizhou.laborrights.vocabularies.studios", ("own|本地工作室",))

        self.upgrade_from("1009")

        reasons = api.portal.get_registry_record(self.RECORD)
        self.assertEqual(reasons[0], "not_labour_dispute|不属于劳动争议")
        self.assertIn("time_barred|超过仲裁时效", reasons)
        self.assertEqual(
            api.portal.get_registry_record("suizhou.laborrights.vocabularies.studios"), ("own|本地工作室",)
        )

    def test_the_state_menus_reject_opens_the_reason_form(self):
        transition = api.portal.get_tool("portal_workflow")["laborrights_case_workflow"].transitions["reject"]
        transition.actbox_url = "%(content_url)s/content_status_modify?workflow_action=reject"  # as 1009 had it

        self.upgrade_from("1009")

        self.assertEqual(transition.actbox_url, "%(content_url)s/@@reject-case")


class TestUpgrade1011(UpgradeTestCase):
    """Notification retries, the HTTP SMS platform, the permission to anonymise cases."""

    def test_an_existing_site_gets_the_new_settings_and_keeps_its_own(self):
        registry = getUtility(IRegistry)
        for name in ("retry_minutes", "sms_http_url", "sms_http_timeout"):
            del registry.records[f"{NOTIFICATIONS}.{name}"]  # as a 1010 site was
        api.portal.set_registry_record(f"{NOTIFICATIONS}.sms_signature", "【本地】")
        portal = self.layer["portal"]
        portal.manage_permission("suizhou.laborrights: Anonymise cases", ["Manager"], acquire=True)

        self.upgrade_from("1010")

        self.assertEqual(api.portal.get_registry_record(f"{NOTIFICATIONS}.retry_minutes"), [5, 30, 120, 720])
        self.assertEqual(api.portal.get_registry_record(f"{NOTIFICATIONS}.sms_http_timeout"), 10)
        self.assertEqual(api.portal.get_registry_record(f"{NOTIFICATIONS}.sms_signature"), "【本地】")
        roles = [r["name"] for r in portal.rolesOfPermission("suizhou.laborrights: Anonymise cases") if r["selected"]]
        self.assertIn("Site Administrator", roles)
        controlpanel = api.portal.get_tool("portal_controlpanel")
        self.assertIn("laborrights-outbox", [action.getId() for action in controlpanel.listActions()])


class TestUpgrade1012(UpgradeTestCase):
    """The site's identity settings, the search synonyms, the menu entries, FAQ and policies."""

    PUBLIC = "suizhou.laborrights.public"

    def test_an_existing_site_gets_identity_menu_and_sections(self):
        registry = getUtility(IRegistry)
        for name in ("site_sponsor", "icp_number", "error_report_url", "search_synonyms"):
            del registry.records[f"{self.PUBLIC}.{name}"]  # as a 1011 site was
        api.portal.set_registry_record(f"{self.PUBLIC}.station_form", "apply/mediation")
        portal = self.layer["portal"]
        tabs = api.portal.get_tool("portal_actions").portal_tabs
        for action_id in ("mediators", "case-progress"):
            tabs.manage_delObjects([action_id])
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(objects=[portal["faq"], portal["policies"]])

        self.upgrade_from("1011", to="1012")

        self.assertEqual(api.portal.get_registry_record(f"{self.PUBLIC}.station_form"), "apply/mediation")
        error_report_url = api.portal.get_registry_record(f"{self.PUBLIC}.error_report_url")
        self.assertEqual(error_report_url, "https://zfwzzc.www.gov.cn/")
        synonyms = api.portal.get_registry_record(f"{self.PUBLIC}.search_synonyms")
        self.assertIn("工伤 受伤 工作受伤 上班受伤 工伤认定 职业病", synonyms)
        self.assertEqual([tabs[a].title for a in ("mediators", "case-progress")], ["调解员", "进度查询"])
        self.assertEqual(portal["faq"].getLayout(), "faq-listing")
        self.assertEqual(portal["policies"].getLayout(), "policy-listing")
        self.assertEqual(api.content.get_state(portal["faq"]), "published")
        site_actions = api.portal.get_tool("portal_actions").site_actions
        self.assertFalse(site_actions.accessibility.visible)
        self.assertTrue(site_actions.accessibility.url_expr)


class TestUpgrade1014(UpgradeTestCase):
    """Receipt links with a short lifetime."""

    RECORD = "suizhou.laborrights.filing.receipt_valid_hours"

    def test_the_old_default_becomes_two_hours(self):
        api.portal.set_registry_record(self.RECORD, 24)  # as a 1013 site was

        self.upgrade_from("1013")

        self.assertEqual(api.portal.get_registry_record(self.RECORD), 2)

    def test_a_lifetime_the_administrator_chose_is_kept(self):
        api.portal.set_registry_record(self.RECORD, 6)

        self.upgrade_from("1013")

        self.assertEqual(api.portal.get_registry_record(self.RECORD), 6)


class TestUpgrade1015(UpgradeTestCase):
    """The budgets of anonymous API filing become settings of the filing control panel."""

    FILING = "suizhou.laborrights.filing"

    def test_an_existing_site_gets_the_budgets_and_keeps_its_settings(self):
        registry = getUtility(IRegistry)
        for name in ("api_client_filings_per_hour", "api_site_filings_per_hour"):
            del registry.records[f"{self.FILING}.{name}"]  # as a 1014 site was
        api.portal.set_registry_record(f"{self.FILING}.duplicate_window_days", 3)

        self.upgrade_from("1014", to="1015")

        self.assertEqual(api.portal.get_registry_record(f"{self.FILING}.api_client_filings_per_hour"), 10)
        self.assertEqual(api.portal.get_registry_record(f"{self.FILING}.api_site_filings_per_hour"), 200)
        self.assertEqual(api.portal.get_registry_record(f"{self.FILING}.duplicate_window_days"), 3)


class TestUpgrade1016(UpgradeTestCase):
    """Star ratings get their 好差评 level."""

    def rated(self, **stored):
        from persistent.mapping import PersistentMapping
        from suizhou.laborrights.forms.rating import ANNOTATION_KEY
        from zope.annotation.interfaces import IAnnotations

        case = new_case()
        IAnnotations(case)[ANNOTATION_KEY] = PersistentMapping(comment="", rated=at(2026, 3, 1), **stored)
        return lambda: dict(IAnnotations(case)[ANNOTATION_KEY])

    def test_each_star_rating_gets_the_level_of_its_stars_and_keeps_its_score(self):
        stars = {score: self.rated(score=score) for score in (5, 4, 3, 2, 1)}  # as a 1015 site was
        newer = self.rated(level="satisfied", score=4)

        self.upgrade_from("1015", to="1016")

        levels = {score: (rating()["level"], rating()["score"]) for score, rating in stars.items()}
        self.assertEqual(
            levels,
            {
                5: ("very_satisfied", 5),
                4: ("satisfied", 4),
                3: ("basically_satisfied", 3),
                2: ("dissatisfied", 2),
                1: ("very_dissatisfied", 1),
            },
        )
        self.assertEqual((newer()["level"], newer()["score"]), ("satisfied", 4))


class TestUpgrade1017(UpgradeTestCase):
    """The station map's label layer, tile subdomains and datum become public settings."""

    PUBLIC = "suizhou.laborrights.public"
    NEW = ("map_label_tile_url", "map_tile_subdomains", "map_tile_datum")

    def test_an_existing_site_gets_the_map_settings_and_keeps_its_tile_server(self):
        registry = getUtility(IRegistry)
        for name in self.NEW:
            del registry.records[f"{self.PUBLIC}.{name}"]  # as a 1016 site was
        api.portal.set_registry_record(f"{self.PUBLIC}.map_tile_url", "https://tiles.example.gov.cn/{z}/{x}/{y}.png")

        self.upgrade_from("1016", to="1017")

        self.assertEqual(api.portal.get_registry_record(f"{self.PUBLIC}.map_tile_datum"), "wgs84")
        self.assertEqual(api.portal.get_registry_record(f"{self.PUBLIC}.map_label_tile_url"), "")
        self.assertEqual(api.portal.get_registry_record(f"{self.PUBLIC}.map_tile_subdomains"), "")
        self.assertEqual(
            api.portal.get_registry_record(f"{self.PUBLIC}.map_tile_url"),
            "https://tiles.example.gov.cn/{z}/{x}/{y}.png",
        )


class TestUpgrade1018(UpgradeTestCase):
    """The public forms regrouped for phones: sections as fieldsets, one multiple file input."""

    OLD_MODEL = Path(__file__).parent / "fixtures" / "forms-1017" / "complaint.fields.xml"

    def test_a_stored_form_gets_sections_and_one_file_input_and_keeps_an_added_field(self):
        from collective.easyform.api import get_schema
        from plone.supermodel.interfaces import FIELDSETS_KEY

        forms = self.layer["portal"]["apply"]
        old = self.OLD_MODEL.read_text(encoding="utf-8")
        added = '<field name="referrer" type="zope.schema.TextLine"><title>从何处得知本平台</title></field>'
        # as a 1017 site stored it, with a field its administrator added to the third section
        forms["complaint"].fields_model = old.replace(
            '<field name="section_files"', added + '<field name="section_files"'
        )
        mediation_before = forms["mediation"].fields_model

        self.upgrade_from("1017", to="1018")

        schema = get_schema(forms["complaint"])
        names = list(schema.names())
        self.assertIn("attachments", names)
        self.assertFalse([name for name in names if name.startswith(("attachment_", "section_"))])
        self.assertEqual(schema["applicant_name"].title, "投诉人姓名")
        fieldsets = {fieldset.label: fieldset.fields for fieldset in schema.queryTaggedValue(FIELDSETS_KEY)}
        self.assertEqual(
            list(fieldsets),
            ["一、投诉人信息", "二、被投诉单位（用人单位）", "三、投诉事项", "四、证据材料（选填）", "确认并提交"],
        )
        self.assertIn("referrer", fieldsets["三、投诉事项"])
        self.assertEqual(fieldsets["四、证据材料（选填）"], ["attachments"])
        self.assertEqual(fieldsets["确认并提交"], ["website", "challenge", "confirm"])
        self.assertEqual(forms["mediation"].fields_model, mediation_before)  # regrouped already


class TestUpgrade1019(UpgradeTestCase):
    """Statistics: the ``closed`` index and every case's statistics record in the catalog."""

    def test_stored_cases_are_counted_after_the_upgrade(self):
        from suizhou.laborrights.statistics.selection import Period
        from suizhou.laborrights.statistics.selection import select

        case = new_case(received=at(2026, 3, 2))
        case.closed = at(2026, 3, 9)
        case.route = "mediation"
        case.reindexObject()
        processQueue()
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("closed")  # as a 1018 site was (1030 removed the column again)
        period = Period(date(2026, 3, 1), date(2026, 3, 31))

        self.upgrade_from("1018", to="1019")

        found = catalog.unrestrictedSearchResults(portal_type="Case", closed=period.query())
        self.assertEqual([brain.getId for brain in found], [case.getId()])
        self.assertIn("statistics_record", catalog.schema())
        chosen = select(period, ["zengdu"])  # read from the store since 1030
        self.assertEqual([r.received for r in chosen.received], ["2026-03-02"])
        self.assertEqual([r.closed for r in chosen.closed], ["2026-03-09"])


class TestUpgrade1020(UpgradeTestCase):
    """Worklists and staff search: name, employer and amount sort indexes, the staff-only search
    keys and the worklist row of every stored case."""

    def test_stored_cases_are_found_and_shown_after_the_upgrade(self):
        from suizhou.laborrights.cases import search_keys

        case = new_case(applicant_name="欧阳小红", employer_name="随州市恒驰机械有限公司", claim_amount=Decimal("8800"))
        processQueue()
        catalog = api.portal.get_tool("portal_catalog")
        for name in ("applicant_sort", "employer_sort", "amount_sort", "case_search_keys"):
            catalog.delIndex(name)  # as a 1019 site was
        catalog.delColumn("worklist_row")
        find = catalog.unrestrictedSearchResults

        self.upgrade_from("1019", to="1020")

        (brain,) = find(
            portal_type="Case", case_search_keys={"query": sorted(search_keys.name_keys("小红")), "operator": "and"}
        )
        self.assertEqual(brain.getId, case.getId())
        self.assertEqual(  # the workers since 1036
            brain.worklist_row,
            {"applicant": "欧阳小红", "employer": "随州市恒驰机械有限公司", "amount": "8800", "workers": 1},
        )
        (brain,) = find(portal_type="Case", case_search_keys=search_keys.code_key(case.employer_credit_code))
        self.assertEqual(brain.getId, case.getId())
        self.assertEqual([b.getId for b in find(portal_type="Case", sort_on="amount_sort")], [case.getId()])


class TestUpgrade1021(UpgradeTestCase):
    """Early warning: the rules' settings, the employer index of the stored cases."""

    def test_stored_cases_count_towards_the_rules_after_the_upgrade(self):
        from suizhou.laborrights.warnings.store import get_store
        from suizhou.laborrights.warnings.subscribers import check_case

        catalog = api.portal.get_tool("portal_catalog")
        stored = [new_case(received=at(2026, 3, day), employer_name="随州市升级测试有限公司") for day in (2, 3, 4, 5)]
        # As a 1020 site was: no employer index, no warning settings.
        catalog.delIndex("employer_keys")
        registry = getUtility(IRegistry)
        for name in [name for name in registry.records.keys() if name.startswith("suizhou.laborrights.warnings.")]:
            del registry.records[name]

        self.upgrade_from("1020", to="1021")

        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.warnings.employer_cases"), 5)
        self.assertEqual(
            len(catalog.unrestrictedSearchResults(employer_keys=[f"code:{stored[0].employer_credit_code}"])), 4
        )
        latest = new_case(received=at(2026, 3, 6), employer_name="随州市升级测试有限公司")
        check_case(latest)  # what the step after the filing's commit does (warnings.after_commit)
        [warning] = [w for w in get_store().warnings.values() if w.rule == "employer"]
        self.assertIn(latest.getId(), [reference for reference, _d, _w in warning.cases.values()])
        self.assertEqual(len(warning.cases), 5)


class TestUpgrade1022(UpgradeTestCase):
    """The API keys' control panel in the site setup."""

    def test_an_existing_site_gets_the_api_keys_panel(self):
        controlpanel = api.portal.get_tool("portal_controlpanel")
        controlpanel.unregisterConfiglet("laborrights-api-keys")  # as a 1021 site was

        self.upgrade_from("1021", to="1022")

        configlets = {action.getId(): action for action in controlpanel.listActions()}
        self.assertIn("laborrights-api-keys", configlets)
        self.assertEqual(configlets["laborrights-api-keys"].title, "维权平台：接口密钥")
        self.assertEqual(configlets["laborrights-api-keys"].permissions, ("suizhou.laborrights: Manage settings",))
        self.assertIn("laborrights-filing", configlets)


class TestUpgrade1023(UpgradeTestCase):
    """The gig-worker stations' postings and seekers on a site stored before them."""

    def test_an_existing_site_gets_the_gig_types_and_folders(self):
        portal = api.portal.get()
        types = api.portal.get_tool("portal_types")
        workflow = api.portal.get_tool("portal_workflow")
        with api.env.adopt_roles(["Manager"]):
            for folder_id in ("jobs", "job-seekers"):
                if folder_id in portal:
                    api.content.delete(portal[folder_id])
            types.manage_delObjects(["JobPosting", "JobSeeker"])
            workflow.manage_delObjects(["gig_posting_workflow", "gig_seeker_workflow"])

        self.upgrade_from("1022", to="1023")

        self.assertEqual(types["JobPosting"].Title(), "招聘岗位")
        self.assertEqual(workflow.getChainForPortalType("JobPosting"), ("gig_posting_workflow",))
        self.assertEqual(workflow.getChainForPortalType("JobSeeker"), ("gig_seeker_workflow",))
        self.assertEqual(api.content.get_state(portal["jobs"]), "published")
        self.assertEqual(api.content.get_state(portal["job-seekers"]), "private")


class TestUpgrade1024(UpgradeTestCase):
    """The document templates' control panel in the site setup."""

    def test_an_existing_site_gets_the_document_templates_panel(self):
        controlpanel = api.portal.get_tool("portal_controlpanel")
        controlpanel.unregisterConfiglet("laborrights-document-templates")  # as a 1023 site was

        self.upgrade_from("1023", to="1024")

        configlets = {action.getId(): action for action in controlpanel.listActions()}
        entry = configlets["laborrights-document-templates"]
        self.assertEqual(entry.title, "维权平台：文书模板")
        self.assertEqual(entry.permissions, ("suizhou.laborrights: Manage settings",))
        self.assertTrue(entry.getActionExpression().endswith("/@@document-templates"))
        self.assertIn("laborrights-api-keys", configlets)


class TestUpgrade1025(UpgradeTestCase):
    """Arbitrators serving enterprises on a site stored before them."""

    def test_an_existing_site_gets_the_order_types_and_its_employer_form_files_orders(self):
        from collective.easyform.api import get_actions
        from suizhou.laborrights.forms.install import model

        portal = api.portal.get()
        types = api.portal.get_tool("portal_types")
        workflow = api.portal.get_tool("portal_workflow")
        form = portal["apply"]["employer-service"]
        with api.env.adopt_roles(["Manager"]):
            if "enterprise-services" in portal:
                api.content.delete(portal["enterprise-services"])
            types.manage_delObjects(["ServiceOrder", "ServiceVisit"])
            workflow.manage_delObjects(["enterprise_service_workflow"])
        # as a 1024 site stored it: the form filed a case (its own field models are kept)
        form.actions_model = model("complaint", "actions").replace("complaint", "employer-service")

        self.upgrade_from("1024", to="1025")

        self.assertEqual(types["ServiceOrder"].Title(), "企业服务预约")
        self.assertEqual(workflow.getChainForPortalType("ServiceVisit"), ("enterprise_service_workflow",))
        self.assertEqual(type(get_actions(form)["create_service_order"]).__name__, "CreateServiceOrder")
        self.assertEqual(api.content.get_state(portal["enterprise-services"]), "private")
        self.assertIn("Editor", portal["enterprise-services"].get_local_roles_for_userid("arbitrators"))


class TestUpgrade1026(UpgradeTestCase):
    """The employer's reply link: its lifetime in the notifications control panel."""

    def test_an_existing_site_gets_the_link_setting_and_keeps_its_other_settings(self):
        registry = getUtility(IRegistry)
        del registry.records[f"{NOTIFICATIONS}.employer_link_days"]  # as a 1025 site was
        api.portal.set_registry_record(f"{NOTIFICATIONS}.sms_signature", "【曾都维权】")

        self.upgrade_from("1025", to="1026")

        self.assertEqual(api.portal.get_registry_record(f"{NOTIFICATIONS}.employer_link_days"), 14)
        self.assertEqual(api.portal.get_registry_record(f"{NOTIFICATIONS}.sms_signature"), "【曾都维权】")


class TestUpgrade1027(UpgradeTestCase):
    """The home page's 零工驿站 entry leads to the gig-worker stations' job page."""

    RECORD = "suizhou.laborrights.public.home_entries"

    def test_the_shipped_entry_moves_and_an_edited_one_stays(self):
        old = "gig|零工驿站|stations?host_type=gig_station|招聘、求职登记、法律服务、劳动维权"
        api.portal.set_registry_record(self.RECORD, ("progress|进度查询|@@case-progress|查进度", old))
        self.upgrade_from("1026", to="1027")
        self.assertEqual(
            api.portal.get_registry_record(self.RECORD),
            ("progress|进度查询|@@case-progress|查进度", "gig|零工驿站|@@gig-jobs|招聘、求职登记、法律服务、劳动维权"),
        )
        edited = ("gig|零工驿站|stations?host_type=gig_station|本区零工驿站",)
        api.portal.set_registry_record(self.RECORD, edited)
        self.upgrade_from("1026", to="1027")
        self.assertEqual(api.portal.get_registry_record(self.RECORD), edited)


class TestUpgrade1028(UpgradeTestCase):
    """Lockout after repeated failed logins: the plugin in front of source_users."""

    def test_an_existing_site_locks_an_account_after_five_failures(self):
        request = self.layer["request"]
        acl_users = api.portal.get_tool("acl_users")
        lockout.forget_all()
        with api.env.adopt_roles(["Manager"]):
            lockout.uninstall(self.layer["portal"])  # as a 1027 site was
        make_user("upgraded_staff")
        for _ in range(5):
            acl_users.authenticate("upgraded_staff", "wrong-password", request)
        self.assertIsNotNone(acl_users.authenticate("upgraded_staff", PASSWORD, request))

        self.upgrade_from("1027", to="1028")

        self.addCleanup(lockout.forget_all)
        for _ in range(5):
            acl_users.authenticate("upgraded_staff", "wrong-password", request)
        self.assertIsNone(acl_users.authenticate("upgraded_staff", PASSWORD, request))
        self.assertIsNotNone(acl_users.authenticate(TEST_USER_NAME, TEST_USER_PASSWORD, request))


class TestUpgrade1029(UpgradeTestCase):
    """Partner mailboxes (the ``partner_units`` index); a partner that answered stops reading."""

    def test_an_answered_partner_loses_the_case_and_the_mailbox_finds_both(self):
        from suizhou.laborrights.partners import transfers
        from suizhou.laborrights.partners import units
        from suizhou.laborrights.partners.mailbox import matters

        unit = make_station("upgrade-partner-unit", title="升级测试维权中心", level="center")
        unit.partner_agencies = ["hrss", "court"]
        court = units.token("court", unit.UID())
        make_user("upgrade_judge", groups=[units.ensure_group(court)])
        answered, still_open = new_case(), new_case()
        with api.env.adopt_roles(["Manager"]):
            for case in (answered, still_open):
                route(case, unit.UID(), route="mediation")
                transfers.send(case, court, "judicial_confirmation")
        with api.env.adopt_user(username="upgrade_judge"):
            transfers.give_result(answered, "confirmed", date.today(), "（2026）鄂1303民特1号")
        # As a 1028 site was: the answered partner kept Reader, no mailbox index.
        group = units.group_id(court)
        answered.manage_setLocalRoles(group, ["Reader"])
        answered.reindexObjectSecurity()
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("partner_units")
        with api.env.adopt_user(username="upgrade_judge"):
            self.assertEqual(len(api.content.find(portal_type="Case")), 2)

        self.upgrade_from("1028", to="1029")

        processQueue()
        self.assertFalse(api.user.has_permission("View", username="upgrade_judge", obj=answered))
        self.assertTrue(api.user.has_permission("View", username="upgrade_judge", obj=still_open))
        self.assertEqual(
            sorted(case.getId() for case, _transfer in matters(court)), sorted([answered.getId(), still_open.getId()])
        )
        with api.env.adopt_user(username="upgrade_judge"):
            found = [brain.getId for brain in api.content.find(portal_type="Case")]
        self.assertEqual(found, [still_open.getId()])


class TestUpgrade1030(UpgradeTestCase):
    """Statistics from their own store of records; the level of resolution of closed cases."""

    def test_stored_cases_are_counted_and_closed_ones_get_their_unit_level(self):
        from suizhou.laborrights.cases.closure import close_case
        from suizhou.laborrights.cases.closure import resolution_counts
        from suizhou.laborrights.i18n import zh
        from suizhou.laborrights.statistics import store
        from suizhou.laborrights.statistics.selection import Period
        from suizhou.laborrights.statistics.selection import select
        from zope.annotation.interfaces import IAnnotations

        station = make_station("upgrade-levels", title="升级层级服务站", level="station")
        gone = make_station("upgrade-gone", title="已撤销服务站", level="point")
        closed, unknown, open_ = (new_case(received=at(2026, 3, day)) for day in (2, 3, 4))
        with api.env.adopt_roles(["Manager"]):
            for case, unit in ((closed, station), (unknown, gone), (open_, station)):
                route(case, unit.UID(), route="mediation")
            for case in (closed, unknown):
                close_case(case, "mediated", mediation_result="agreement")
        processQueue()
        # As a 1029 site was: no store, the metadata column, no level on closed cases.
        catalog = api.portal.get_tool("portal_catalog")
        catalog.addColumn("statistics_record")
        del IAnnotations(self.layer["portal"])[store.ANNOTATION_KEY]
        for case in (closed, unknown):
            del case.resolution_level
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=gone)
        march = Period(date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(select(march, ["zengdu"]).received, [])

        self.upgrade_from("1029", to="1030")

        chosen = select(march, ["zengdu"])
        self.assertEqual(sorted(r.received for r in chosen.received), ["2026-03-02", "2026-03-03", "2026-03-04"])
        self.assertEqual(closed.resolution_level, "station")
        self.assertFalse(hasattr(unknown, "resolution_level"))
        self.assertEqual([(zh(t), n) for t, n in resolution_counts(station.UID())], [("服务站（乡镇、街道）", 1)])
        self.assertNotIn("statistics_record", catalog.schema())


class TestUpgrade1031(UpgradeTestCase):
    """The courts of 司法确认 become a setting; the other public settings keep their values."""

    RECORD = "suizhou.laborrights.public.courts"

    def test_the_record_is_added_empty_and_the_other_settings_are_kept(self):
        registry = api.portal.get_tool("portal_registry")
        del registry.records[self.RECORD]  # as a 1030 site was
        api.portal.set_registry_record("suizhou.laborrights.public.site_sponsor", "随州市人社局")

        self.upgrade_from("1030", to="1031")

        self.assertEqual(api.portal.get_registry_record(self.RECORD), ())
        self.assertEqual(api.portal.get_registry_record("suizhou.laborrights.public.site_sponsor"), "随州市人社局")


class TestUpgrade1032(UpgradeTestCase):
    """The staff search's own secret: stored cases found by phone and ID, also after Plone's
    ``_system`` keyring is rotated. Disabled accounts recorded where users cannot edit."""

    def found(self, text):
        """What the staff search looks ``text`` up by, in the whole catalog."""
        from suizhou.laborrights.handling import case_search

        queries, _message = case_search.key_queries(text, "", api.portal.get())
        catalog = api.portal.get_tool("portal_catalog")
        return sorted({b.getId for query, _check in queries for b in catalog.unrestrictedSearchResults(**query)})

    def test_phone_and_id_find_the_case_after_the_upgrade_and_after_a_keyring_rotation(self):
        from plone.keyring.interfaces import IKeyManager
        from suizhou.laborrights.cases import search_keys
        from zope.annotation.interfaces import IAnnotations

        portal = api.portal.get()
        del IAnnotations(portal)[search_keys.SECRET]  # as a 1031 site was: keyed with _system
        case = new_case(applicant_phone="13907225555")
        processQueue()

        self.upgrade_from("1031", to="1032")

        secret = IAnnotations(portal)[search_keys.SECRET]
        getUtility(IKeyManager)["_system"].rotate()
        for text in ("13907225555", case.applicant_id_number):
            with self.subTest(text=text):
                self.assertEqual(self.found(text), [case.getId()])
        self.upgrade_from("1031", to="1032")  # run again: the secret stays, the case is still found
        self.assertEqual(IAnnotations(portal)[search_keys.SECRET], secret)
        self.assertEqual(self.found("13907225555"), [case.getId()])

    def test_only_the_search_keys_index_is_rewritten_not_the_metadata(self):
        # 100,000 cases: rewriting every metadata row for one index made the upgrade needlessly long
        case = new_case(applicant_phone="13907226666")
        processQueue()
        catalog = api.portal.get_tool("portal_catalog")
        case.handler = "not_catalogued_yet"  # metadata not rewritten keeps the catalogued handler

        self.upgrade_from("1031", to="1032")

        (brain,) = catalog.unrestrictedSearchResults(UID=case.UID())
        self.assertNotEqual(brain.handler, "not_catalogued_yet")
        self.assertEqual(self.found("13907226666"), [case.getId()])

    def test_disabled_marks_move_out_of_the_biography(self):
        from suizhou.laborrights.staff import accounts

        make_user("old_disabled")  # as staff.accounts.disable left an account at 1031
        make_user("city_admin", groups=["city_admins"])
        with api.env.adopt_roles(["Manager"]):
            for userid in ("old_disabled", "city_admin"):
                api.user.get(userid=userid).setMemberProperties({"description": "【已停用】zengdu"})

        self.upgrade_from("1031", to="1032")

        disabled = [(userid, is_disabled) for userid, _name, _units, is_disabled in accounts.accounts("zengdu")]
        self.assertEqual(disabled, [("old_disabled", True)])
        self.assertEqual(api.user.get(userid="old_disabled").getProperty("description"), "")
        # a mark typed on another account stays mere text
        self.assertFalse(accounts.is_disabled(api.user.get(userid="city_admin")))
        self.assertEqual(api.user.get(userid="city_admin").getProperty("description"), "【已停用】zengdu")


class TestUpgrade1033(UpgradeTestCase):
    """The statistics store keyed by shard first: a store in the old layout (dates first, as
    1030 wrote it before) is moved, and the statistics count the same cases."""

    def test_the_old_layout_is_moved_and_counted_the_same(self):
        from BTrees.OOBTree import OOBTree
        from suizhou.laborrights.cases.closure import close_case
        from suizhou.laborrights.statistics import store
        from suizhou.laborrights.statistics.selection import Period
        from suizhou.laborrights.statistics.selection import select
        from zope.annotation.interfaces import IAnnotations

        station = make_station("upgrade-shards", title="升级分片服务站", level="station")
        cases = [new_case(received=at(2026, 3, day)) for day in (2, 3, 4)]
        with api.env.adopt_roles(["Manager"]):
            route(cases[0], station.UID(), route="mediation")
            close_case(cases[0], "mediated", mediation_result="agreement")
        processQueue()
        march = Period(date(2026, 3, 1), date(2026, 3, 31))
        since_march = Period(date(2026, 3, 1), date(2030, 12, 31))  # the case closed today
        expected = select(march, ["zengdu"])
        self.assertEqual(len(select(since_march, ["zengdu"]).closed), 1)
        # As a site that ran 1030 before this step was: the records keyed by district and date.
        annotations = IAnnotations(self.layer["portal"])
        trees = store.trees()
        old = OOBTree({"records": OOBTree()})
        for places in trees["places"].values():
            for uid, (district, received) in places.items():
                old["records"][(district, received, uid)] = tuple(store.get(trees, uid))
        annotations[store.OLD_ANNOTATION_KEY] = old
        del annotations[store.ANNOTATION_KEY]
        self.assertEqual(select(march, ["zengdu"]).received, [])

        self.upgrade_from("1032", to="1033")

        chosen = select(march, ["zengdu"])
        self.assertEqual(sorted(chosen.received, key=repr), sorted(expected.received, key=repr))
        self.assertEqual(len(chosen.received), 3)
        self.assertEqual(len(select(since_march, ["zengdu"]).closed), 1)
        self.assertNotIn(store.OLD_ANNOTATION_KEY, annotations)
        self.upgrade_from("1032", to="1033")  # again: nothing to move, nothing lost
        self.assertEqual(len(select(march, ["zengdu"]).received), 3)


class TestUpgrade1034(UpgradeTestCase):
    """The partner mailboxes' order in the catalog (``partner_transfers``): the matters sent
    before the upgrade are in their unit's mailbox, newest first."""

    def test_matters_sent_before_the_upgrade_are_listed_newest_first(self):
        from suizhou.laborrights.partners import transfers
        from suizhou.laborrights.partners import units
        from suizhou.laborrights.partners.mailbox import matters

        unit = make_station("upgrade-mailbox-unit", title="升级测试维权中心", level="center")
        unit.partner_agencies = ["hrss", "court", "union"]
        court, union = units.token("court", unit.UID()), units.token("union", unit.UID())
        older, newer = new_case(), new_case()
        with api.env.adopt_roles(["Manager"]):
            for case in (older, newer):
                route(case, unit.UID(), route="mediation")
                transfers.send(case, court, "litigation_mediation")
            transfers.send(older, union, "union_assistance")
        processQueue()
        api.portal.get_tool("portal_catalog").delColumn("partner_transfers")  # as a 1033 site was

        self.upgrade_from("1033", to="1034")

        self.assertEqual([case.getId() for case, _transfer in matters(court)], [newer.getId(), older.getId()])
        self.assertEqual(
            [(case.getId(), t["purpose"]) for case, t in matters(union)], [(older.getId(), "union_assistance")]
        )


class TestUpgrade1035(UpgradeTestCase):
    """The register's bins index their case ids in a large-bucket tree: the cases stored before
    the upgrade are still in their bin's index and found."""

    def test_stored_cases_stay_in_their_bin(self):
        from BTrees.OIBTree import OIBTree
        from Products.BTreeFolder2.BTreeFolder2 import BTreeFolder2Base
        from suizhou.laborrights.cases.register import find_case
        from suizhou.laborrights.content.case_folder import LargeBucketOIBTree

        cases = [new_case(received=at(2026, 3, 2)), new_case(received=at(2026, 3, 3))]
        month = cases[0].aq_parent
        month._mt_index["Dexterity Container"] = OIBTree(month._mt_index["Dexterity Container"])  # as in 1034

        self.upgrade_from("1034", to="1035")

        # the bin's meta-type index (plone.folder's objectIds(spec) cannot sort an unordered folder)
        self.assertEqual(list(BTreeFolder2Base.objectIds(month, "Dexterity Container")), [c.getId() for c in cases])
        self.assertIs(type(month._mt_index["Dexterity Container"]), LargeBucketOIBTree)
        for case in cases:
            self.assertEqual(find_case(case.getId()), case)


class TestUpgrade1036(UpgradeTestCase):
    """The warning rules read the catalog: the cases stored before the upgrade get their workers
    in the ``worklist_row`` column and are counted by the surge rule (``district_type_day``);
    until the upgrade runs, the rules still work (the workers from the cases, no surge)."""

    def test_stored_cases_carry_their_workers_and_count_for_a_surge(self):
        from suizhou.laborrights.warnings import rules

        catalog = api.portal.get_tool("portal_catalog")
        unit = make_station("upgrade-overdue-unit", title="升级测试维权中心", level="center")
        cases = [
            new_case(workers_involved=n, received=at(2026, 1, 5), district="suixian", dispute_types=["work_injury"])
            for n in (3, 4)
        ]
        with api.env.adopt_roles(["Manager"]):
            for case in cases:
                route(case, unit.UID(), route="mediation", when=at(2026, 1, 5))  # overdue since February
        processQueue()
        uids = [case.UID() for case in cases]
        for brain in catalog.unrestrictedSearchResults(UID=uids):  # as in 1035
            row = dict(brain.worklist_row)
            del row["workers"]
            catalog._catalog.data[brain.getRID()] = tuple(
                row if name == "worklist_row" else getattr(brain, name) for name in catalog._catalog.names
            )
        catalog.delIndex("district_type_day")
        for name, value in (("overdue_cases", 2), ("surge_minimum", 2), ("surge_periods", 1)):
            api.portal.set_registry_record(f"suizhou.laborrights.warnings.{name}", value)
        # not upgraded yet, the site runs on: the workers are read from the cases, no surge is counted
        overdue = rules.overdue(cases[0])
        self.assertEqual(sorted(workers for *_evidence, workers in overdue.cases), [3, 4])
        self.assertEqual(rules.surge(cases[1]), [])

        self.upgrade_from("1035", to="1036")

        rows = [brain.worklist_row for brain in catalog.unrestrictedSearchResults(UID=uids)]
        self.assertEqual(sorted(row["workers"] for row in rows), [3, 4])
        [surge] = rules.surge(cases[1])
        self.assertEqual(sorted(workers for *_evidence, workers in surge.cases), [3, 4])
