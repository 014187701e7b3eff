"""The staff pages in Chromium, on a desktop and on a phone (390 px): a clerk searches, the
handler opens the worklist and a case, the district administrator the staff accounts, the city
administrator the access log — each with the staff navigation of their roles, none wider than
the screen, and the screenshots the role guides show (test-output/staff-*.png, copied to
docs/images/). The case opened in the real browser, with its scripts, is one access-log entry."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.audit_helpers import LogDirectory
from tests.browser_helpers import BrowserTestMixin
from tests.browser_helpers import PHONE
from tests.helpers import at
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import RoutingFixture

import transaction
import unittest


PEOPLE = {"clerk": "周窗口", "staff_a": "李承办", "admin_zengdu": "王区管", "city_admin": "陈市管"}
CASES = (
    ("欧阳小红", "随州市恒驰机械有限公司", 13),
    ("安建国", "随州市大洪山茶业有限公司", 14),
    ("林晓峰", "随州市曾都区聚福餐饮店", 15),
)


class StaffPagesWalk(LogDirectory, RoutingFixture, BrowserTestMixin):
    layer = FUNCTIONAL_TESTING
    device = "desktop"

    def setUp(self):
        super().setUp()
        self.use_own_log_directory()
        self.make_people()
        make_user("city_admin", groups=["city_admins"])
        for username, fullname in PEOPLE.items():
            api.user.get(username=username).setMemberProperties({"fullname": fullname})
        self.cases = []
        for name, employer, day in CASES:
            case = new_case(received=at(2026, 7, day, 10), applicant_name=name, employer_name=employer)
            with api.env.adopt_roles(["Manager"]):
                api.content.create(
                    container=case,
                    type="CaseAttachment",
                    id="attachment-1",
                    title="工资条",
                    file=NamedBlobFile(b"%PDF-1.4 " * 200, filename="工资条.pdf", contentType="application/pdf"),
                )
                route(case, self.a, handler="staff_a", route="mediation", when=at(2026, 7, day, 15))
            self.cases.append(case)
        # just registered at the window, not yet routed: the clerk still sees it
        self.new = new_case(
            received=at(2026, 7, 16, 9), applicant_name="赵子龙", employer_name="随州市汇通物流有限公司"
        )
        transaction.commit()

    def navigation(self):
        return [link.get_attribute("id")[len("sz-staff-nav-") :] for link in self.css(".sz-staff-nav a")]

    def shoot(self, page):
        self.assertTrue(self.no_horizontal_scroll(), f"{page} is wider than the screen")
        return self.screenshot(f"staff-{page}-{self.device}")

    def test_each_role_walks_its_pages(self):
        applicant, _employer, _day = CASES[0]
        case = self.cases[0]

        self.login("clerk")
        self.open("/@@case-search")
        self.assertEqual(self.navigation(), ["worklist", "case-search"])
        self.css("#case-search-q")[0].send_keys("赵子龙")
        self.click(self.css("form.case-search button")[0])
        self.wait_for(lambda d: self.css("table.case-search-results"))
        self.assertEqual([a.text for a in self.css("table.case-search-results td a")], [self.new.getId()])
        self.shoot("case-search")

        self.login("staff_a")
        self.open("/@@worklist?tab=mine")
        self.assertEqual(self.navigation(), ["worklist", "case-search"])
        self.assertEqual(len(self.css("table.worklist tbody tr")), 3)
        self.shoot("worklist")
        self.assertEqual(self.axe_violations_in(".sz-staff-nav"), [])
        before = len(self.lines())
        self.open("/" + "/".join(case.getPhysicalPath()[2:]))
        self.wait_for(lambda d: self.css(".sz-case-view"))
        self.assertIn(applicant, self.css(".sz-case-view")[0].text)
        self.shoot("case")
        read = [(e["user"], e["kind"], e["case"], e["page"]) for e in self.lines()[before:]]
        self.assertEqual(read, [("staff_a", "view", case.getId(), "")])  # the page's scripts read nothing more

        self.login("admin_zengdu")
        self.open("/@@district-staff")
        self.assertEqual(
            self.navigation(), ["worklist", "case-search", "statistics", "warnings", "assessment", "district-staff"]
        )
        self.assertIn("李承办", self.css("#content")[0].text)
        self.shoot("district-staff")

        self.login("city_admin")
        self.open("/@@access-log")
        self.assertIn("access-log", self.navigation())
        rows = [row.text for row in self.css("table.access-log tbody tr")]
        self.assertTrue(any("李承办" in row and case.getId() in row and "查看案件" in row for row in rows), rows)
        self.assertTrue(any("周窗口" in row and "检索案件" in row for row in rows), rows)
        self.shoot("access-log")


class TestStaffPagesOnADesktop(StaffPagesWalk, unittest.TestCase):
    pass


class TestStaffPagesOnAPhone(StaffPagesWalk, unittest.TestCase):
    size = PHONE
    mobile = True
    device = "phone"
