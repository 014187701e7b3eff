"""No endpoint gives a case's personal data to anyone but the staff who may see the case:
not the standard plone.restapi endpoints, not ours, not Open311."""

from plone import api
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.enterprise import folders
from tests.api_helpers import ApiTestCase
from tests.api_helpers import APPLICANT_PHONE
from tests.helpers import APPLICANT_NAME
from tests.helpers import make_user

import transaction


class TestNoPersonalData(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.reference = self.post_case().json()["reference"]
        ticket = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-1")
        self.hotline_reference = ticket.json()["reference"]
        transaction.begin()
        case = find_case(self.reference)
        self.case_url = case.absolute_url()
        self.case_path = "/".join(case.getPhysicalPath()[2:])
        transaction.commit()
        self.move_case(self.hotline_reference, "route")

    def urls(self):
        reference, path = self.reference, self.case_path
        return [
            self.case_url,
            f"{self.case_url}?expand=breadcrumbs,workflow,navigation",
            f"{path}/@workflow",
            f"{path}/@history",
            f"{path}/@case-timeline",
            f"{path}/@sharing",
            "cases",
            "cases?fullobjects=1",
            "cases/zengdu?fullobjects=1",
            "@search?portal_type=Case&fullobjects=1",
            "@search?SearchableText=" + APPLICANT_NAME,
            f"@search?SearchableText={APPLICANT_PHONE}&fullobjects=1",
            f"@search?getId={reference}&metadata_fields=_all",
            "@search?path.query=/plone/cases&path.depth=4",
            "@navigation?expand.navigation.depth=4",
            "@querystring-search",
            f"@case-status?reference={reference}&phone=13900000000",
            f"@case-status?reference={reference}",
            "@hotline-updates?since=2020-01-01",
            "@stations",
            "@mediators",
            "@guides",
            "@open311/v2/requests.json",
            f"@open311/v2/requests.json?service_request_id={reference}",
            f"@open311/v2/requests/{reference}.json",
            f"@open311/v2/requests/{reference}.xml",
            f"@open311/v2/requests/{reference}.json?phone={APPLICANT_PHONE}",
            f"@open311/v2/requests.json?service_request_id={reference}&phone={APPLICANT_PHONE}",
            f"@vocabularies/plone.app.vocabularies.Catalog?title={APPLICANT_NAME}",
        ]

    def test_anonymous(self):
        for url in self.urls():
            response = self.anonymous.get(url)
            self.assertLess(response.status_code, 500, url)
            self.assertNoPersonalData(response)

    def test_anonymous_without_json(self):
        for url in self.urls():
            response = self.anonymous.get(url, headers={"Accept": "text/html"})
            self.assertLess(response.status_code, 500, url)
            self.assertNoPersonalData(response)

    def test_members_and_the_hotline_account(self):
        for session in (self.member, self.hotline):
            for url in self.urls():
                response = session.get(url)
                self.assertLess(response.status_code, 500, url)
                self.assertNoPersonalData(response)

    def test_the_standard_content_get_is_refused(self):
        # Without credentials: not found, exactly as a reference that was never given.
        made_up = self.case_url.rsplit("/", 1)[0] + "/SZ-2026-999999"
        for suffix in ("", "/@workflow", "/@case-timeline"):
            response = self.anonymous.get(self.case_url + suffix)
            unknown = self.anonymous.get(made_up + suffix)
            self.assertEqual(unknown.status_code, 404)
            self.assertEqual((response.status_code, response.json()), (404, unknown.json()), suffix)
        # Logged in without rights on the case: the same answer (every role: test_privacy_roles).
        response = self.member.get(self.case_url)
        self.assertEqual((response.status_code, response.json()["type"]), (404, "NotFound"))

    def test_staff_who_may_see_the_case_get_it(self):
        """The control: the same data is there for the case's staff."""
        response = self.supervisor.get(self.case_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["applicant_name"], APPLICANT_NAME)
        items = self.supervisor.get("@search", params={"portal_type": "Case"}).json()["items"]
        self.assertIn(self.case_url, [item["@id"] for item in items])


class TestNoStaffLogins(ApiTestCase):
    """The arbitrators' vocabulary names staff login ids: only for who may assign an order."""

    URL = "@vocabularies/suizhou.laborrights.enterprise.Arbitrators"

    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            folders.services_folder()
            user = make_user("arbiterx", groups=["arbitrators"])
            user.setMemberProperties({"fullname": "仲裁员甲"})
        transaction.commit()

    def test_anonymous_members_and_other_staff_learn_no_login(self):
        for session in (self.anonymous, self.member, self.clerk, self.hotline):
            response = session.get(self.URL)
            self.assertLess(response.status_code, 500)
            self.assertNotIn("arbiterx", response.text)
            self.assertNotIn("仲裁员甲", str(response.json()))

    def test_an_arbitrator_gets_the_list(self):
        response = self.session("arbiterx").get(self.URL)
        self.assertEqual(response.status_code, 200)
        self.assertIn({"title": "仲裁员甲", "token": "arbiterx"}, response.json()["items"])
