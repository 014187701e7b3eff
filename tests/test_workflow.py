"""Who may see and change what: the case workflow per state and role, the staff groups'
local roles, and the publication workflow of guides and typical cases."""

from AccessControl import Unauthorized
from AccessControl.SecurityManagement import getSecurityManager
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import logout
from plone.namedfile.file import NamedBlobFile
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import bring_to
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import routable
from tests.helpers import STATE_PATHS

import unittest
import zExceptions


STATES = tuple(STATE_PATHS)
VIEW = "View"
ACCESS = "Access contents information"
MODIFY = "Modify portal content"
# Refusals to add content come from AccessControl or, in plone.dexterity, from zExceptions.
REFUSED = (Unauthorized, zExceptions.Unauthorized)


def anonymous_can(permission, obj):
    logout()
    return bool(getSecurityManager().checkPermission(permission, obj))


def can(username, permission, obj):
    return api.user.has_permission(permission, username=username, obj=obj)


def visible_cases(username):
    """The references a user finds in the catalog (worklists and searches use this)."""
    with api.env.adopt_user(username=username):
        return {brain.getId for brain in api.content.find(portal_type="Case")}


class WorkflowTestCase(unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        make_user("member")
        make_user("clerk_city", groups=["intake_clerks"])
        make_user("clerk_zengdu", groups=["intake_clerks_zengdu"])
        make_user("handler", groups=["handlers"])
        make_user("admin_zengdu", groups=["district_admins_zengdu"])
        make_user("city_admin", groups=["city_admins"])
        make_user("publicist", groups=["publicity_staff"])
        make_user("reviewer", groups=["reviewers"])
        self.zengdu = new_case(received=at(2026, 3, 2), district="zengdu")
        self.other_zengdu = new_case(received=at(2026, 3, 2), district="zengdu")
        self.guangshui = new_case(received=at(2026, 3, 2), district="guangshui")
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username="handler", obj=self.zengdu, roles=["CaseHandler"])


class TestCasePermissionsPerState(WorkflowTestCase):
    def test_anonymous_and_members_never_see_a_case(self):
        for state in STATES:
            case = new_case(district="zengdu")
            bring_to(case, state)
            for permission in (VIEW, ACCESS):
                self.assertFalse(anonymous_can(permission, case), f"anonymous {permission} {state}")
                self.assertFalse(can("member", permission, case), f"member {permission} {state}")
        self.assertEqual(visible_cases("member"), set())

    def test_anonymous_cannot_open_the_register(self):
        for folder in (self.portal.cases, self.portal.cases.zengdu, self.zengdu.aq_parent):
            self.assertFalse(anonymous_can(VIEW, folder))
            self.assertFalse(anonymous_can("List folder contents", folder))
            self.assertFalse(can("member", VIEW, folder))

    def test_city_intake_clerk_sees_registered_cases_only(self):
        for state in STATES:
            case = new_case(district="suixian")
            bring_to(case, state)
            self.assertEqual(can("clerk_city", VIEW, case), state == "registered", state)
            self.assertEqual(can("clerk_city", MODIFY, case), state == "registered", state)

    def test_district_intake_clerk_sees_its_district_only(self):
        self.assertTrue(can("clerk_zengdu", VIEW, self.zengdu))
        self.assertFalse(can("clerk_zengdu", VIEW, self.guangshui))
        self.assertEqual(visible_cases("clerk_zengdu"), {self.zengdu.getId(), self.other_zengdu.getId()})
        routable(self.zengdu)
        with api.env.adopt_user(username="clerk_zengdu"):
            api.content.transition(obj=self.zengdu, transition="route")
        self.assertFalse(can("clerk_zengdu", VIEW, self.zengdu))
        self.assertEqual(visible_cases("clerk_zengdu"), {self.other_zengdu.getId()})

    def test_handler_sees_and_works_its_own_case_only(self):
        expected_modify = {"routed", "in_progress"}
        for state in STATES:
            case = new_case(district="zengdu")
            with api.env.adopt_roles(["Manager"]):
                api.user.grant_roles(username="handler", obj=case, roles=["CaseHandler"])
            bring_to(case, state)
            self.assertTrue(can("handler", VIEW, case), state)
            self.assertEqual(can("handler", MODIFY, case), state in expected_modify, state)
        self.assertFalse(can("handler", VIEW, self.other_zengdu))
        self.assertFalse(can("handler", VIEW, self.guangshui))

    def test_handler_accepts_and_closes(self):
        bring_to(self.zengdu, "routed")
        with api.env.adopt_user(username="handler"):
            api.content.transition(obj=self.zengdu, transition="accept")
            self.zengdu.outcome = "mediated"
            api.content.transition(obj=self.zengdu, transition="close")
        self.assertEqual(api.content.get_state(self.zengdu), "closed")
        self.assertEqual(visible_cases("handler"), {self.zengdu.getId()})
        with api.env.adopt_user(username="handler"), self.assertRaises(InvalidParameterError):
            api.content.transition(obj=self.other_zengdu, transition="route")

    def test_district_admin_supervises_its_district_only(self):
        for state in STATES:
            here, there = new_case(district="zengdu"), new_case(district="guangshui")
            bring_to(here, state)
            bring_to(there, state)
            self.assertTrue(can("admin_zengdu", VIEW, here), state)
            self.assertFalse(can("admin_zengdu", VIEW, there), state)
            self.assertFalse(can("admin_zengdu", ACCESS, there), state)
        found = visible_cases("admin_zengdu")
        self.assertIn(self.zengdu.getId(), found)
        self.assertNotIn(self.guangshui.getId(), found)

    def test_city_admin_sees_every_case(self):
        for state in STATES:
            case = new_case(district="dahongshan")
            bring_to(case, state)
            self.assertTrue(can("city_admin", VIEW, case), state)
        self.assertLessEqual(
            {self.zengdu.getId(), self.guangshui.getId(), self.other_zengdu.getId()},
            visible_cases("city_admin"),
        )

    def test_closed_cases_are_read_only_for_their_staff(self):
        for state in ("closed", "rejected", "withdrawn"):
            case = new_case(district="zengdu")
            bring_to(case, state)
            self.assertTrue(can("admin_zengdu", VIEW, case))
            self.assertFalse(can("admin_zengdu", MODIFY, case), state)


class TestAttachments(WorkflowTestCase):
    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            self.attachment = api.content.create(
                container=self.zengdu,
                type="CaseAttachment",
                id="id-card.jpg",
                file=NamedBlobFile(b"\xff\xd8 ID card", filename="id-card.jpg"),
            )

    def test_attachment_has_the_protection_of_its_case(self):
        self.assertIsNone(api.content.get_state(self.attachment, default=None))
        for state in STATES:
            case = new_case(district="zengdu")
            with api.env.adopt_roles(["Manager"]):
                attachment = api.content.create(
                    container=case,
                    type="CaseAttachment",
                    id="a.pdf",
                    file=NamedBlobFile(b"x", filename="a.pdf"),
                )
            bring_to(case, state)
            self.assertFalse(anonymous_can(VIEW, attachment), state)
            self.assertFalse(can("member", VIEW, attachment), state)
            self.assertTrue(can("admin_zengdu", VIEW, attachment), state)
        self.assertTrue(can("handler", VIEW, self.attachment))
        self.assertFalse(can("clerk_zengdu", VIEW, new_case(district="guangshui")))

    def test_staff_of_another_case_cannot_download(self):
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username="member", obj=self.other_zengdu, roles=["CaseHandler"])
        self.assertFalse(can("member", VIEW, self.attachment))
        self.assertTrue(can("member", VIEW, self.other_zengdu))


class TestStationAdministration(WorkflowTestCase):
    def add_station(self, district, username):
        with api.env.adopt_user(username=username):
            return api.content.create(
                container=self.portal.stations[district],
                type="ServiceStation",
                title="新建村劳动维权服务点",
                level="point",
                district=district,
                address="随州市某村",
            )

    def test_district_admin_adds_stations_in_its_district_only(self):
        station = self.add_station("zengdu", "admin_zengdu")
        self.assertEqual(station.aq_parent, self.portal.stations.zengdu)
        self.assertTrue(can("admin_zengdu", MODIFY, station))
        with api.env.adopt_user(username="admin_zengdu"):
            api.content.transition(obj=station, transition="publish")
        self.assertTrue(anonymous_can(VIEW, station))
        with self.assertRaises(REFUSED):
            self.add_station("guangshui", "admin_zengdu")
        with self.assertRaises(REFUSED):
            self.add_station("zengdu", "member")

    def test_district_admin_edits_its_district_only(self):
        self.assertTrue(can("admin_zengdu", MODIFY, self.portal.stations.zengdu))
        self.assertFalse(can("admin_zengdu", MODIFY, self.portal.stations.guangshui))
        self.assertFalse(can("admin_zengdu", MODIFY, self.portal.guides))


class TestPublication(WorkflowTestCase):
    def write(self, folder, type_, **fields):
        with api.env.adopt_user(username="publicist"):
            return api.content.create(container=self.portal[folder], type=type_, **fields)

    def test_publicity_staff_write_but_reviewers_publish(self):
        items = [
            self.write("guides", "Guide", title="工伤认定申请指南"),
            self.write(
                "typical-cases",
                "TypicalCase",
                title="某平台骑手工伤认定案",
                dispute_types=["work_injury"],
                district="city",
                summary="骑手张某送餐途中受伤。",
            ),
        ]
        for item in items:
            self.assertEqual(api.content.get_state(item), "private")
            self.assertFalse(anonymous_can(VIEW, item))
            with api.env.adopt_user(username="publicist"):
                with self.assertRaises(InvalidParameterError):
                    api.content.transition(obj=item, transition="publish")
                api.content.transition(obj=item, transition="submit")
            self.assertEqual(api.content.get_state(item), "pending")
            self.assertFalse(anonymous_can(VIEW, item))
            with api.env.adopt_user(username="reviewer"):
                api.content.transition(obj=item, transition="publish")
            self.assertEqual(api.content.get_state(item), "published")
            self.assertTrue(anonymous_can(VIEW, item))

    def test_publicity_staff_write_only_in_their_folders(self):
        with self.assertRaises(REFUSED):
            self.write("stations", "District", title="某区")
        with api.env.adopt_user(username="publicist"), self.assertRaises(REFUSED):
            api.content.create(
                container=self.portal.stations.zengdu, type="Mediator", title="某调解员",
                district="zengdu", mediation_kind="people",
            )

    def test_publicity_staff_and_reviewers_see_no_case(self):
        for state in STATES:
            case = new_case(district="zengdu")
            bring_to(case, state)
            self.assertFalse(can("publicist", VIEW, case), state)
            self.assertFalse(can("reviewer", VIEW, case), state)
            self.assertTrue(can("admin_zengdu", VIEW, case), state)  # the control
        self.assertEqual(visible_cases("publicist"), set())
        self.assertEqual(visible_cases("reviewer"), set())
