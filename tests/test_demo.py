"""The demo profile: enough stations, mediators, guides, typical cases and cases to show every
part of the site, all public content published, and no case visible to the public."""

from collections import Counter
from collections import defaultdict
from DateTime import DateTime
from plone import api
from plone.app.testing import logout
from stdnum.cn import ric
from stdnum.cn import uscc
from suizhou.laborrights import validators
from suizhou.laborrights.demo import cases as demo_cases
from suizhou.laborrights.demo import create
from suizhou.laborrights.demo import guides
from suizhou.laborrights.demo import mediators
from suizhou.laborrights.demo import stations
from suizhou.laborrights.demo import typical_cases
from suizhou.laborrights.demo.codes import unknown_codes
from suizhou.laborrights.demo.dates import TIMEZONE
from suizhou.laborrights.testing import DEMO_INTEGRATION_TESTING
from suizhou.laborrights.vocabularies import registry_terms

import datetime
import re
import unittest


def codes(name):
    return {code for code, _title in registry_terms(name)}


class DemoTestCase(unittest.TestCase):
    layer = DEMO_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.catalog = api.portal.get_tool("portal_catalog")

    def find(self, **query):
        return self.catalog.unrestrictedSearchResults(**query)

    def objects(self, portal_type):
        return [brain._unrestrictedGetObject() for brain in self.find(portal_type=portal_type)]


class TestDemoPublicContent(DemoTestCase):
    def test_stations_over_all_levels_and_districts(self):
        stations = self.objects("ServiceStation")
        self.assertGreaterEqual(len(stations), 20)
        self.assertEqual({s.level for s in stations}, codes("station_levels"))
        self.assertEqual({s.district for s in stations}, codes("districts"))
        centers = Counter(s.district for s in stations if s.level == "center")
        self.assertEqual(centers, Counter({code: 1 for code in codes("districts")}))

    def test_stations_are_in_their_district_folder_with_valid_data(self):
        for station in self.objects("ServiceStation"):
            self.assertEqual(station.aq_parent.getId(), station.district)
            self.assertEqual(station.aq_parent.portal_type, "District")
            self.assertTrue(station.address.startswith(("随州市", "广水市")), station.address)
            self.assertTrue(31.3 < station.latitude < 32.2, station.latitude)
            self.assertTrue(112.8 < station.longitude < 114.2, station.longitude)
            self.assertTrue(station.opening_hours)
            self.assertTrue(station.phones)
            self.assertTrue(validators.check_phones(station.phones))
            self.assertLessEqual(set(station.dispute_types), codes("dispute_types"))
            self.assertLessEqual(set(station.mediation_kinds), codes("mediation_kinds"))
            self.assertLessEqual(set(station.partner_agencies), codes("partner_agencies"))
            self.assertIn(station.host_type, codes("host_types"))
            self.assertEqual(api.content.get_state(station), "published")

    def test_station_hosts(self):
        hosts = {s.host_type for s in self.objects("ServiceStation") if s.level == "station"}
        self.assertLessEqual(
            {"party_service", "governance", "judicial_office", "gig_station"}, hosts
        )

    def test_districts_show_their_center_address(self):
        for district in self.portal.stations.objectValues():
            self.assertTrue(district.address)

    def test_mediators(self):
        mediators = self.objects("Mediator")
        self.assertGreaterEqual(len(mediators), 12)
        self.assertGreaterEqual(sum(m.mediator_title == "gold" for m in mediators), 3)
        self.assertEqual({m.district for m in mediators}, codes("districts"))
        self.assertEqual({m.mediation_kind for m in mediators}, codes("mediation_kinds"))
        self.assertEqual({m.studio for m in mediators} - {None}, codes("studios"))
        for mediator in mediators:
            self.assertEqual(mediator.aq_parent.getId(), mediator.district)
            self.assertIn(mediator.mediator_title, codes("mediator_titles"))
            self.assertLessEqual(set(mediator.specialties), codes("dispute_types"))
            self.assertTrue(mediator.biography)
            self.assertTrue(validators.check_phone(mediator.phone))
            self.assertTrue(mediator.stations)
            for uid in mediator.stations:
                station = api.content.get(UID=uid)
                self.assertEqual(station.portal_type, "ServiceStation")
                self.assertEqual(station.district, mediator.district)
            self.assertEqual(api.content.get_state(mediator), "published")

    def test_guides(self):
        guides = {guide.getId(): guide for guide in self.objects("Guide")}
        self.assertGreaterEqual(len(guides), 6)
        self.assertEqual({g.guide_kind for g in guides.values()}, {"guide", "checklist", "notice"})
        covered = {t for g in guides.values() for t in g.dispute_types or ()}
        self.assertLessEqual(
            {"wage_arrears", "labor_contract", "work_injury", "social_insurance"}, covered
        )
        for guide in guides.values():
            self.assertEqual(guide.aq_parent, self.portal.guides)
            self.assertTrue(guide.fee.startswith("不收费"))
            self.assertTrue(guide.materials)
            for row in guide.materials:
                self.assertEqual(set(row), {"material", "form", "count", "note"})
                self.assertIn(row["form"], ("original", "copy", "both"))
                self.assertGreaterEqual(row["count"], 1)
            self.assertIn("<li>", guide.steps.output)
            self.assertIn("《", guide.legal_basis)
            self.assertTrue(guide.where)
            self.assertEqual(api.content.get_state(guide), "published")
        self.assertIn("劳动争议调解仲裁法", guides["arbitration-application-checklist"].legal_basis)
        self.assertIn("工伤保险条例", guides["work-injury-recognition"].legal_basis)

    def test_typical_cases_are_published_and_anonymised(self):
        typical = self.objects("TypicalCase")
        self.assertGreaterEqual(len(typical), 6)
        for item in typical:
            self.assertEqual(item.aq_parent, self.portal["typical-cases"])
            self.assertEqual(api.content.get_state(item), "published")
            self.assertLessEqual(set(item.dispute_types), codes("dispute_types"))
            text = " ".join(
                [item.title, item.summary, item.facts.raw, item.handling.raw, item.outcome_text]
            )
            self.assertIn("某", text)
            self.assertIsNone(re.search(r"1[3-9]\d{9}|\d{17}[\dX]", text), item.getId())
            self.assertIsInstance(item.case_date, datetime.date)


class TestDemoCases(DemoTestCase):
    def setUp(self):
        super().setUp()
        self.cases = self.objects("Case")

    def test_count_and_coverage(self):
        self.assertGreaterEqual(len(self.cases), 50)
        self.assertEqual({c.district for c in self.cases}, codes("districts"))
        self.assertEqual({c.channel for c in self.cases}, codes("channels"))
        self.assertEqual({t for c in self.cases for t in c.dispute_types}, codes("dispute_types"))
        self.assertEqual(
            {api.content.get_state(c) for c in self.cases},
            {"registered", "routed", "in_progress", "closed", "rejected", "withdrawn"},
        )
        self.assertEqual({c.route for c in self.cases} - {None}, codes("routes"))

    def test_desk_cases_have_claims_judged_one_by_one(self):
        from suizhou.laborrights.handling import triage

        with_claims = [c for c in self.cases if c.claims]
        self.assertTrue(with_claims)
        self.assertTrue(all(c.channel in ("window", "phone", "hotline_12345", "transferred") for c in with_claims))
        verdicts = set()
        for case in with_claims:
            suggestion = triage.final_award(case)
            self.assertTrue(str(suggestion.reason).startswith("triage_final_award_claims"), case.reference)
            verdicts.add(suggestion.applies)
        self.assertEqual(verdicts, {True, False})  # both outcomes show in the demo

    def test_catalog_indexes_cases(self):
        self.assertEqual(
            len(self.find(portal_type="Case", review_state="registered")),
            sum(api.content.get_state(c) == "registered" for c in self.cases),
        )
        for code in codes("channels"):
            self.assertTrue(self.find(portal_type="Case", channel=code), code)
        for code in codes("districts"):
            self.assertTrue(self.find(portal_type="Case", district=code), code)

    def test_references_are_unique_and_follow_the_pattern(self):
        references = [c.reference for c in self.cases]
        self.assertEqual(len(set(references)), len(references))
        for reference in references:
            self.assertRegex(reference, r"^SZ-2026-\d{6}$")
        # Numbers are given in order of filing, and the demo files the oldest case first.
        by_reference = sorted(self.cases, key=lambda case: case.reference)
        self.assertEqual(by_reference, sorted(self.cases, key=lambda case: case.received))

    def test_cases_are_in_the_register_by_district_and_month(self):
        for case in self.cases:
            received = case.received
            self.assertEqual(
                case.getPhysicalPath()[-4:],
                ("cases", case.district, f"{received.year}-{received.month:02d}", case.getId()),
            )

    def test_received_dates_are_spread_over_2026(self):
        received = [c.received for c in self.cases]
        for moment in received:
            self.assertEqual(moment.year, 2026)
            self.assertEqual(moment.utcoffset(), datetime.timedelta(hours=8))
        self.assertGreaterEqual(len({moment.month for moment in received}), 10)
        in_2026 = {
            "query": (DateTime("2026/01/01 00:00 GMT+8"), DateTime("2027/01/01 00:00 GMT+8")),
            "range": "min:max",
        }
        self.assertEqual(len(self.find(portal_type="Case", received=in_2026)), len(self.cases))

    def test_personal_data_is_valid(self):
        for case in self.cases:
            self.assertTrue(validators.is_mobile(case.applicant_phone), case.applicant_phone)
            if case.applicant_id_number:
                self.assertTrue(ric.is_valid(case.applicant_id_number), case.applicant_id_number)
            self.assertTrue(uscc.is_valid(case.employer_credit_code), case.employer_credit_code)
            self.assertTrue(validators.check_phone(case.employer_phone))
            self.assertTrue(case.facts)
            self.assertGreaterEqual(case.workers_involved, 1)
        with_id = [c for c in self.cases if c.applicant_id_number]
        self.assertGreaterEqual(len(with_id), 50)
        self.assertEqual(len({c.applicant_id_number for c in with_id}), len(with_id))

    def test_hotline_cases_have_a_ticket(self):
        for case in self.cases:
            if case.channel == "hotline_12345":
                self.assertRegex(case.hotline_ticket, r"^12345-2026\d{4}-\d{4}$")
            else:
                self.assertFalse(getattr(case, "hotline_ticket", None))

    def test_handling_follows_the_state(self):
        stations = {b.UID for b in self.find(portal_type="ServiceStation")}
        for case in self.cases:
            state = api.content.get_state(case)
            if case.station:
                self.assertIn(case.station, stations)
            if state == "registered":
                self.assertIsNone(case.route)
                self.assertIsNone(case.closed)
            if state in ("routed", "in_progress"):
                self.assertIn(case.assigned_unit, stations)
                self.assertTrue(case.handler)
                self.assertGreaterEqual(case.routed, case.received)
                self.assertIsNone(case.closed)
            if state in ("closed", "rejected", "withdrawn"):
                self.assertGreater(case.closed, case.received)
                self.assertLess(case.closed, _dt(2026, 11, 28))
            if state == "closed" and "employer_consultation" not in case.dispute_types:
                self.assertIn(case.outcome, codes("outcomes"))
            if state == "rejected":
                self.assertEqual((case.route, case.outcome), ("not_accepted", "not_accepted"))
            if state == "withdrawn":
                self.assertEqual(case.outcome, "withdrawn")
            if case.assigned_unit:
                station = api.content.get(UID=case.assigned_unit)
                self.assertEqual(station.district, case.district)

    def test_workflow_history_is_dated_like_the_case(self):
        for case in self.cases:
            history = case.workflow_history["laborrights_case_workflow"]
            times = [entry["time"] for entry in history]
            self.assertEqual(times, sorted(times))
            self.assertEqual(times[0].timeTime(), case.received.timestamp())
            self.assertEqual(case.created().timeTime(), case.received.timestamp())
            if case.closed:
                self.assertEqual(times[-1].timeTime(), case.closed.timestamp())

    def test_collective_dispute_same_employer_same_week(self):
        weeks = defaultdict(list)
        for case in self.cases:
            weeks[case.employer_credit_code, case.received.isocalendar()[:2]].append(case)
        biggest = max(weeks.values(), key=len)
        self.assertGreaterEqual(len(biggest), 10)
        self.assertTrue(all("wage_arrears" in c.dispute_types for c in biggest))
        self.assertGreaterEqual(len({c.channel for c in biggest}), 3)


class TestDemoForThePublic(DemoTestCase):
    def test_anonymous_sees_published_content_but_no_case(self):
        counts = {
            type_: len(self.find(portal_type=type_))
            for type_ in ("ServiceStation", "Mediator", "Guide", "TypicalCase")
        }
        logout()
        for type_, count in counts.items():
            self.assertEqual(len(self.catalog.searchResults(portal_type=type_)), count, type_)
        self.assertEqual(len(self.catalog.searchResults(portal_type="Case")), 0)
        self.assertEqual(len(api.content.find(portal_type="Case")), 0)
        self.assertFalse([b for b in self.catalog.searchResults() if b.portal_type == "Case"])
        self.assertEqual(len(self.catalog.searchResults(SearchableText="SZ-2026*")), 0)

    def test_anonymous_finds_stations_by_district_and_level(self):
        logout()
        self.assertEqual(
            len(self.catalog.searchResults(portal_type="ServiceStation", level="center")), 6
        )
        self.assertTrue(
            self.catalog.searchResults(portal_type="ServiceStation", district="guangshui")
        )


class TestDemoCodes(DemoTestCase):
    """The demo names registry codes; a code the site's lists lack would show as a bare code."""

    def unknown(self, specs):
        data = (stations.STATIONS, mediators.MEDIATORS, guides.GUIDES, typical_cases.TYPICAL_CASES)
        return unknown_codes(*data, specs, registry=codes)

    def test_every_code_the_demo_uses_is_in_the_registry_lists(self):
        self.assertEqual(self.unknown(demo_cases.case_specs()), set())

    def test_a_case_naming_an_unknown_code_is_found(self):
        specs = demo_cases.case_specs()
        specs[0]["fields"]["dispute_types"] = ["wage_arrears", "moonlighting"]
        specs[1]["flow"]["route"] = "elsewhere"
        self.assertEqual(
            self.unknown(specs), {("dispute_types", "moonlighting"), ("routes", "elsewhere")}
        )


class TestDemoProfileAgain(DemoTestCase):
    def test_running_the_profile_again_adds_nothing(self):
        before = Counter(b.portal_type for b in self.find())
        create.post_install(None)
        self.assertEqual(Counter(b.portal_type for b in self.find()), before)


def _dt(year, month, day):
    return TIMEZONE.localize(datetime.datetime(year, month, day))
