"""Every page and API that shows a time shows the stored one in Beijing time (UTC+8), whatever
the server's time zone: ``make test`` runs this module under TZ=Asia/Shanghai and TZ=UTC.

The times are stored as a client or another system may send them (UTC), at hours where the
Beijing day is not the UTC day, so a time shown in the wrong zone shows the wrong day."""

from DateTime import DateTime
from datetime import datetime
from datetime import timezone
from plone import api
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.forms.receipt import receipt_data
from suizhou.laborrights.handling.panel import HandlingInfo
from suizhou.laborrights.handling.panel import history_rows
from suizhou.laborrights.handling.worklists import WorklistView
from suizhou.laborrights.public import home
from suizhou.laborrights.public.typical_cases import case_card
from suizhou.laborrights.testing import INTEGRATION_TESTING
from suizhou.laborrights.timezone import beijing
from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE
from tests.helpers import bring_to
from tests.helpers import chinese_site
from tests.helpers import new_case

import transaction
import unittest


# 2026-03-06 23:30 UTC is 2026-03-07 07:30 in Beijing.
RECEIVED = datetime(2026, 3, 6, 23, 30, tzinfo=timezone.utc)
# A workflow change at 2026-03-09 08:15 Beijing time, as Zope stores it.
CHANGED = DateTime("2026/03/09 00:15:00 UTC")
ROUTED = datetime(2026, 3, 8, 17, 5, tzinfo=timezone.utc)  # 2026-03-09 01:05 in Beijing


class TestApis(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.reference = self.post_case().json()["reference"]
        case = self.move_case(self.reference, "route", comment="转调解", route="mediation")
        transaction.begin()
        case = find_case(self.reference)
        case.received = RECEIVED
        for history in case.workflow_history.values():
            for entry in history:
                entry["time"] = CHANGED if entry.get("action") == "route" else DateTime(RECEIVED)
        case.workflow_history._p_changed = True
        case.reindexObject()
        transaction.commit()
        self.url = case.absolute_url()

    def test_rest_get_case(self):
        data = self.admin.get(self.url).json()
        self.assertEqual(data["received"], "2026-03-07T07:30:00+08:00")

    def test_case_status(self):
        response = self.anonymous.get(
            "@case-status", params={"reference": self.reference, "phone": APPLICANT_PHONE}
        )
        self.assertEqual(response.json()["received"], "2026-03-07T07:30:00+08:00")

    def test_case_timeline(self):
        timeline = self.supervisor.get(f"{self.url}/@case-timeline").json()
        self.assertEqual(timeline["workflow"][-1]["time"], "2026-03-09T08:15:00+08:00")
        self.assertEqual(timeline["status"]["received"], "2026-03-07T07:30:00+08:00")
        for entry in timeline["history"]:
            self.assertTrue(entry["time"].endswith("+08:00"), entry)

    def test_open311_requests(self):
        response = self.anonymous.get(
            f"@open311/v2/requests/{self.reference}.json", params={"phone": APPLICANT_PHONE}
        )
        (request,) = response.json()
        self.assertEqual(request["requested_datetime"], "2026-03-07T07:30:00+08:00")
        self.assertEqual(request["updated_datetime"], "2026-03-09T08:15:00+08:00")


class TestPages(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        chinese_site()
        self.case = new_case()
        bring_to(self.case, "routed")
        self.case.received = RECEIVED
        self.case.routed = ROUTED
        self.case.reindexObject()

    def test_case_page(self):
        with api.env.adopt_roles(["Manager"]):
            self.assertEqual(HandlingInfo(self.case).assignment()["routed"], "2026-03-09 01:05")
            for row in history_rows(self.case):
                self.assertRegex(row["when"], r"^\d{4}-\d\d-\d\d \d\d:\d\d$")

    def test_worklist(self):
        with api.env.adopt_roles(["Manager"]):
            brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=self.case.UID())
            view = WorklistView(self.portal, self.request)
            (row,) = view.rows(brains)
        self.assertEqual(row["received"], "2026-03-07")

    def test_progress_page(self):
        from suizhou.laborrights.cases.lookup import citizen_status
        from suizhou.laborrights.forms.progress import _day

        with api.env.adopt_roles(["Manager"]):
            status = citizen_status(self.case)
        self.assertEqual(status["received"], "2026-03-07T07:30:00+08:00")
        self.assertEqual(_day(status["received"]), "2026年3月7日")

    def test_receipt(self):
        with api.env.adopt_roles(["Manager"]):
            self.assertEqual(receipt_data(self.case)["received"], "2026年3月7日 07:30")

    def test_typical_case_dates_on_home_page_and_own_page(self):
        with api.env.adopt_roles(["Manager"]):
            typical = api.content.create(
                container=self.portal, type="Document", id="typical-date", title="典型案例"
            )
        # Published at 07:30 on 7 March, Beijing time.
        typical.effective_date = DateTime("2026/03/06 23:30:00 UTC")
        typical.reindexObject()
        brain = api.portal.get_tool("portal_catalog")(UID=typical.UID())[0]
        self.assertEqual(home.day(brain), "2026-03-07")

    def test_typical_case_card(self):
        case = type("TypicalCase", (), {})()
        case.case_date = None
        case.effective = lambda: DateTime("2026/03/06 23:30:00 UTC")
        case.created = case.effective
        case.Title = lambda: "典型案例"
        case.absolute_url = lambda: "http://nohost/typical"
        case.summary, case.district, case.dispute_types = "", "zengdu", []
        case.Description = lambda: ""
        self.assertEqual(case_card(case, {})["date"], "2026-03-07")


class TestZopeDateTime(unittest.TestCase):
    """Zope's DateTime in a process with TZ=Asia/Shanghai (production, the test runner).

    Not run by `make test`'s second pass under TZ=UTC (it leaves this class out by name): there
    the local zone is UTC by design."""

    def test_local_zone_is_shanghai_not_us_central(self):
        self.assertEqual(DateTime().timezone(), "Asia/Shanghai")
        # A time typed without a zone (date widgets, scripts) is Beijing time.
        self.assertEqual(DateTime("2026/03/09 08:15").timeTime(), DateTime("2026/03/09 08:15 GMT+8").timeTime())

    def test_helper_agrees(self):
        self.assertEqual(beijing(DateTime("2026/03/09 08:15")).isoformat(), "2026-03-09T08:15:00+08:00")
