"""A center with a court and a union unit, its handler ``staff_a``, the court's member ``judge``
and the union's ``unionist``; a routed case with an evidence file; e-mail and SMS recorded."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.cases.register import now
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.partners import transfers
from suizhou.laborrights.partners import units
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.timezone import beijing
from tests.helpers import at
from tests.helpers import chinese_site
from tests.helpers import make_station
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.mocks import swap_mailhost
from tests.mocks import swap_sms_gateway

import transaction
import unittest


NAME = "协同隐私测试李秋菊"
ID_NUMBER = "421302198806153022"
FACTS = "协同隐私测试事实：拖欠三个月工资。"
EVIDENCE = "工资条：协同隐私测试".encode()
MADE_UP = "SZ-2026-999997"
# every way a person reads a case page, as HTML and as JSON
HTML_VIEWS = (
    "",
    "/view",
    "/@@partner-handover",
    "/@@partner-result",
    "/@@case-history",
    "/evidence.txt/@@download/file",
)
JSON_VIEWS = ("", "/evidence.txt")


class PartnerFixture(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.app = self.layer["app"]
        chinese_site()
        self.mailhost = swap_mailhost(self, self.portal)
        self.sms = swap_sms_gateway(self)
        self.unit = make_station("partner-center", title="曾都区维权中心", level="center")
        self.unit.partner_agencies = ["hrss", "court", "union"]
        uid = self.unit.UID()
        self.court = units.token("court", uid)
        self.union = units.token("union", uid)
        make_user("staff_a", groups=[unit_group_id(uid)])
        with api.env.adopt_roles(["Manager"]):
            make_user("judge", groups=[units.ensure_group(self.court)])
            make_user("unionist", groups=[units.ensure_group(self.union)])
        self.case = self.routed_case()
        transaction.commit()
        self.sessions = []

    def tearDown(self):
        for session in self.sessions:
            session.close()

    def routed_case(self, **fields):
        fields = {"applicant_name": NAME, "applicant_id_number": ID_NUMBER, "facts": FACTS, **fields}
        fields.setdefault("workers_involved", 3)
        case = new_case(received=at(2026, 8, 3), district="zengdu", **fields)
        with api.env.adopt_roles(["Manager"]):
            route(case, self.unit.UID(), route="mediation")
            api.content.create(
                container=case,
                type="CaseAttachment",
                id="evidence.txt",
                file=NamedBlobFile(EVIDENCE, filename="evidence.txt", contentType="text/plain"),
            )
        return case

    def path(self, case=None):
        case = case or self.case
        return "/".join(case.getPhysicalPath()[len(self.portal.getPhysicalPath()) :])

    def made_up_path(self, case=None):
        return f"{self.path(case).rsplit('/', 1)[0]}/{MADE_UP}"

    def session(self, user, accept="text/html"):
        session = RelativeSession(self.portal.absolute_url() + "/")
        session.auth = (user, PASSWORD)
        session.headers["Accept"] = accept
        self.sessions.append(session)
        return session

    def send(self, partner=None, purpose="judicial_confirmation", case=None, note="请依法审查调解协议"):
        with api.env.adopt_user(username="staff_a"):
            transfer = transfers.send(case or self.case, partner or self.court, purpose, note)
        transaction.commit()
        return transfer

    def share(self, case):
        with api.env.adopt_user(username="staff_a"):
            transfers.share_with_court(case, self.court, "群体性案件，请知悉")
        transaction.commit()

    def give_result(self, case=None, user="judge", outcome="confirmed", note="（2026）鄂1303民特12号"):
        with api.env.adopt_user(username=user):
            transfers.give_result(case or self.case, outcome, beijing(now()).date(), note)
        transaction.commit()

    def assert_stranger(self, user, case=None):
        """Every way in answers ``user`` as a reference that does not exist; the searches, which
        repeat what was typed, never show the other half (the reference for the name and back)."""
        path, made_up = self.path(case), self.made_up_path(case)
        reference = (case or self.case).getId()
        for accept, views in (("text/html", HTML_VIEWS), ("application/json", JSON_VIEWS)):
            session = self.session(user, accept)
            for view in views:
                with self.subTest(user=user, accept=accept, view=view):
                    existing = session.get(f"{path}{view}", allow_redirects=False)
                    unknown = session.get(f"{made_up}{view}", allow_redirects=False)
                    self.assertEqual(unknown.status_code, 404)
                    self.assertEqual(
                        (existing.status_code, existing.text.replace(reference, MADE_UP)),
                        (unknown.status_code, unknown.text),
                    )
        session = self.session(user)
        for address, hidden in (
            (f"@@case-search?q={NAME}", reference),
            (f"@@case-search?q={reference}", NAME),
            ("@@worklist", reference),
            ("@@worklist", NAME),
            (f"@@search?SearchableText={NAME}", reference),
            (f"@@search?SearchableText={reference}", NAME),
        ):
            with self.subTest(user=user, address=address):
                self.assertNotIn(hidden, session.get(address).text)
        rest = self.session(user, "application/json")
        found = rest.get("@search?portal_type=Case&fullobjects=1").json()
        self.assertNotIn(reference, [item["@id"].rsplit("/", 1)[-1] for item in found["items"]])
        self.assertNotIn(reference, rest.get(f"@search?SearchableText={NAME}").text)
