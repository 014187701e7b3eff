"""One answer for "you may not see this": every logged-in account that may not view a case
(another unit's staff, the 12345 integration, a publicity editor, a partner or other account)
gets exactly what a reference that was never given gets, on the case's pages, documents,
attachments and REST calls — the same status, the same body."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.setuphandlers import district_admins_group
from suizhou.laborrights.setuphandlers import district_clerks_group
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.api_helpers import filing
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD

import transaction
import unittest


NAME = "角色隐私测试王小二"
MADE_UP = "SZ-2026-999999"
# Who may not see a case of Zengdu: user name -> groups.
ROLES = {
    "guangshui_admin": [district_admins_group("guangshui")],
    "guangshui_clerk": [district_clerks_group("guangshui")],
    "hotline": ["hotline_integration"],
    "publicity": ["publicity_staff"],
    "partner": [],
}
PAGES = (
    "",
    "/view",
    "/@@edit",
    "/@@case-history",
    "/@@case-document",
    "/@@case-document/receipt",
    "/@@intake-receipt",
    "/@@intake-receipt.pdf",
    "/slip.txt",
    "/slip.txt/@@download/file",
    "/@@partner-handover",
    "/@@partner-result",
)
REST = ("", "/@case-timeline", "/@workflow", "/@history", "/slip.txt")


class TestOneAnswerForEveryRole(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        case = new_case(
            received=at(2026, 8, 3),
            district="zengdu",
            applicant_name=NAME,
            channel="hotline_12345",
            hotline_ticket="12345-20260803-0001",
        )
        self.reference = case.getId()
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=case,
                type="CaseAttachment",
                id="slip.txt",
                file=NamedBlobFile(b"SLIP", filename="slip.txt", contentType="text/plain"),
            )
        self.case = "/".join(case.getPhysicalPath()[len(self.portal.getPhysicalPath()) :])
        self.made_up = f"{self.case.rsplit('/', 1)[0]}/{MADE_UP}"
        for user, groups in ROLES.items():
            make_user(user, groups=groups)
        make_user("zengdu_admin", groups=[district_admins_group("zengdu")])
        make_user("zengdu_clerk", groups=[district_clerks_group("zengdu")])
        transaction.commit()
        self.sessions = []

    def tearDown(self):
        for session in self.sessions:
            session.close()

    def session(self, user, accept):
        session = RelativeSession(self.portal.absolute_url() + "/")
        session.auth = (user, PASSWORD)
        session.headers["Accept"] = accept
        self.sessions.append(session)
        return session

    def assertSameAnswer(self, existing, unknown):
        self.assertEqual(unknown.status_code, 404)
        # The body may name the address asked for; with that aside, nothing differs.
        reference = self.case.rsplit("/", 1)[-1]
        self.assertEqual(
            (existing.status_code, existing.text.replace(reference, MADE_UP)),
            (unknown.status_code, unknown.text),
        )
        self.assertNotIn(NAME, existing.text)

    def test_pages(self):
        for user in ROLES:
            session = self.session(user, "text/html")
            for view in PAGES:
                with self.subTest(user=user, view=view):
                    existing = session.get(f"{self.case}{view}", allow_redirects=False)
                    unknown = session.get(f"{self.made_up}{view}", allow_redirects=False)
                    self.assertSameAnswer(existing, unknown)

    def test_rest_calls(self):
        for user in ROLES:
            session = self.session(user, "application/json")
            for prefix in ("", "++api++/"):
                for view in REST:
                    with self.subTest(user=user, prefix=prefix, view=view):
                        existing = session.get(f"{prefix}{self.case}{view}")
                        unknown = session.get(f"{prefix}{self.made_up}{view}")
                        self.assertSameAnswer(existing, unknown)
                with self.subTest(user=user, prefix=prefix, method="PATCH"):
                    existing = session.patch(f"{prefix}{self.case}", json={"facts": "改"})
                    unknown = session.patch(f"{prefix}{self.made_up}", json={"facts": "改"})
                    self.assertSameAnswer(existing, unknown)

    def test_a_resent_ticket_names_the_case_only_to_who_may_see_it(self):
        """Another district's clerk sending the ticket of a Zengdu case learns that the ticket
        is taken, not which case has it nor its status; the hotline and the case's staff do."""
        body = filing(hotline_ticket="12345-20260803-0001", channel="hotline_12345")
        clerk = self.session("guangshui_clerk", "application/json")
        refused = clerk.post("@cases", json=dict(body, district="guangshui"))
        self.assertEqual(refused.status_code, 400, refused.text)
        self.assertIn("hotline_ticket", refused.json()["error"]["fields"])
        self.assertNotIn(self.reference, refused.text)
        for user in ("hotline", "zengdu_clerk"):
            with self.subTest(user=user):
                again = self.session(user, "application/json").post("@cases", json=body)
                self.assertEqual((again.status_code, again.json()["reference"]), (200, self.reference))

    def test_the_case_staff_see_it(self):
        """The control: the district's own administrator opens the same addresses."""
        page = self.session("zengdu_admin", "text/html").get(self.case)
        self.assertEqual(page.status_code, 200)
        self.assertIn(NAME, page.text)
        data = self.session("zengdu_admin", "application/json").get(self.case)
        self.assertEqual(data.json()["applicant_name"], NAME)
