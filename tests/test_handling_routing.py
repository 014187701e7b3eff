"""Routing (分办): a unit is required, re-routing and sending back need a reason, and the local
roles follow the assignment (unit A's staff see the case, unit B's do not)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.restapi.testing import RelativeSession
from suizhou.laborrights.handling import events
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import send_back
from suizhou.laborrights.handling.assignment import unit_group_id
from suizhou.laborrights.handling.errors import Refused
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import browser_for
from tests.helpers import make_user
from tests.helpers import new_case
from tests.helpers import PASSWORD
from tests.helpers import RoutingFixture
from zope.component import getGlobalSiteManager

import transaction
import unittest


def can(username, permission, obj):
    return api.user.has_permission(permission, username=username, obj=obj)


def sees(username, case):
    return can(username, "View", case)


def found_by(username, case):
    with api.env.adopt_user(username=username):
        return case.getId() in {b.getId for b in api.content.find(portal_type="Case")}


class TestRouting(RoutingFixture, unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_people()
        self.case = new_case(district="zengdu", workers_involved=12)
        self.fired = []
        handler = self.fired.append
        gsm = getGlobalSiteManager()
        gsm.registerHandler(handler, (events.ICaseHandlingEvent,))
        self.addCleanup(gsm.unregisterHandler, handler, (events.ICaseHandlingEvent,))

    def as_user(self, username, func, *args, **kwargs):
        with api.env.adopt_user(username=username):
            return func(*args, **kwargs)

    def test_every_station_has_a_staff_group(self):
        group = api.group.get(groupname=unit_group_id(self.a))
        self.assertEqual(group.getProperty("title"), "曾都区维权中心工作人员")

    def test_routing_without_a_unit_is_refused_with_a_message(self):
        with self.assertRaises(Refused) as refused:
            self.as_user("clerk", route, self.case, unit=None, route="mediation")
        self.assertEqual(str(refused.exception), "分办须选择承办单位。")
        # The bare transition (toolbar, REST API, code) is refused the same way.
        workflow = api.portal.get_tool("portal_workflow")
        with self.assertRaises(Refused) as refused:
            self.as_user("clerk", workflow.doActionFor, self.case, "route")
        self.assertEqual(str(refused.exception), "分办须选择承办单位。")
        self.assertEqual(api.content.get_state(self.case), "registered")
        with self.assertRaises(Refused) as refused:
            self.as_user("clerk", route, self.case, unit="no-such-uid")
        self.assertIn("不存在", str(refused.exception))

    def test_unit_a_sees_and_works_the_case_unit_b_does_not(self):
        self.as_user("clerk", route, self.case, unit=self.a, handler="mediator", route="mediation")
        self.assertEqual(api.content.get_state(self.case), "routed")
        for user in ("staff_a", "mediator"):
            self.assertTrue(sees(user, self.case), user)
            self.assertTrue(can(user, "Modify portal content", self.case), user)
            self.assertTrue(found_by(user, self.case), user)
        self.assertFalse(sees("staff_b", self.case))
        self.assertFalse(found_by("staff_b", self.case))
        self.assertFalse(sees("clerk", self.case))  # handed over
        self.assertTrue(sees("admin_zengdu", self.case))  # the district supervises
        routed = [e for e in self.fired if isinstance(e, events.CaseRouted)]
        self.assertEqual(len(routed), 1)
        self.assertEqual((routed[0].unit, routed[0].handler, routed[0].route), (self.a, "mediator", "mediation"))

    def test_rerouting_needs_a_reason_and_moves_the_roles(self):
        self.as_user("clerk", route, self.case, unit=self.a, handler="mediator", route="mediation")
        with self.assertRaises(Refused) as refused:
            self.as_user("admin_zengdu", route, self.case, unit=self.b, reason="  ")
        self.assertEqual(str(refused.exception), "改派或重新分办须说明理由。")
        self.as_user("admin_zengdu", route, self.case, unit=self.b, reason="属南郊街道管辖")
        self.assertEqual(api.content.get_state(self.case), "routed")
        self.assertTrue(sees("staff_b", self.case))
        self.assertFalse(sees("staff_a", self.case))
        self.assertFalse(sees("mediator", self.case))
        self.assertEqual((self.case.assigned_unit, self.case.handler), (self.b, None))
        last = [e for e in entries(self.case) if e.action == "reroute"][-1]
        self.assertEqual((last.actor, last.comment), ("admin_zengdu", "属南郊街道管辖"))
        self.assertEqual(dict(last.details)["previous_unit"], self.a)
        rerouted = [e for e in self.fired if isinstance(e, events.CaseRouted)][-1]
        self.assertEqual((rerouted.previous_unit, rerouted.reason), (self.a, "属南郊街道管辖"))

    def test_a_unit_cannot_move_the_case_elsewhere_but_may_change_its_handler(self):
        self.as_user("clerk", route, self.case, unit=self.a, route="mediation")
        with self.assertRaises(Refused) as refused:
            self.as_user("staff_a", route, self.case, unit=self.b, reason="不归我们管")
        self.assertIn("退回", str(refused.exception))
        done = self.as_user("staff_a", route, self.case, unit=self.a, handler="mediator", reason="由调解员办理")
        self.assertEqual(done, "assign")
        self.assertTrue(sees("mediator", self.case))
        self.assertEqual(api.content.get_state(self.case), "routed")

    def test_sending_back_needs_a_reason_and_returns_the_case_to_the_desk(self):
        self.as_user("clerk", route, self.case, unit=self.a, handler="mediator", route="mediation")
        with self.assertRaises(Refused) as refused:
            self.as_user("staff_a", send_back, self.case, "")
        self.assertEqual(str(refused.exception), "退回须说明理由。")
        self.as_user("staff_a", send_back, self.case, "不属于本单位管辖")
        self.assertEqual(api.content.get_state(self.case), "registered")
        self.assertIsNone(self.case.assigned_unit)
        for user in ("staff_a", "mediator"):
            self.assertFalse(sees(user, self.case), user)
        self.assertTrue(sees("clerk", self.case))
        sent = [e for e in self.fired if isinstance(e, events.CaseSentBack)]
        self.assertEqual((sent[0].unit, sent[0].reason), (self.a, "不属于本单位管辖"))
        # Routing it again is a re-routing: a reason is required.
        with self.assertRaises(Refused):
            self.as_user("clerk", route, self.case, unit=self.b)
        self.as_user("clerk", route, self.case, unit=self.b, reason="改由南郊站办理")
        self.assertTrue(sees("staff_b", self.case))

    def test_copy_units_see_but_do_not_work(self):
        self.as_user("clerk", route, self.case, unit=self.a, copy_units=[self.b], route="mediation")
        self.assertTrue(sees("staff_b", self.case))
        self.assertFalse(can("staff_b", "Modify portal content", self.case))
        self.assertTrue(can("staff_a", "Modify portal content", self.case))

    def test_roles_given_by_hand_are_left_alone(self):
        make_user("helper")
        with api.env.adopt_roles(["Manager"]):
            api.user.grant_roles(username="helper", obj=self.case, roles=["CaseHandler"])
        self.as_user("clerk", route, self.case, unit=self.a, route="mediation")
        self.as_user("admin_zengdu", route, self.case, unit=self.b, reason="改派")
        self.assertTrue(sees("helper", self.case))

    def test_a_unit_changed_through_the_api_moves_the_roles_too(self):
        from suizhou.laborrights.content.case import ICase
        from zope.event import notify
        from zope.lifecycleevent import Attributes
        from zope.lifecycleevent import ObjectModifiedEvent

        self.as_user("clerk", route, self.case, unit=self.a, route="mediation")
        self.case.assigned_unit = self.b  # as a REST PATCH does, with its modified event
        notify(ObjectModifiedEvent(self.case, Attributes(ICase, "assigned_unit")))
        self.assertTrue(sees("staff_b", self.case))
        self.assertFalse(sees("staff_a", self.case))
        self.assertIn("assign", [e.action for e in entries(self.case)])

    def test_triage_confirmed_by_the_clerk_is_kept(self):
        self.as_user(
            "clerk",
            route,
            self.case,
            unit=self.a,
            route="mediation",
            triage={"collective_dispute": True, "fast_track": False, "final_award": True},
        )
        self.assertTrue(self.case.collective_dispute)
        self.assertTrue(self.case.final_award)
        self.assertFalse(self.case.fast_track)
        self.assertIn("triage", [e.action for e in entries(self.case)])


class TestRoutingPages(RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.make_people()
        self.case = new_case(district="zengdu", workers_involved=12, dispute_types=["overtime"])
        self.url = self.case.absolute_url()
        transaction.commit()

    def test_the_clerk_routes_on_the_form_with_triage_suggestions(self):
        browser = browser_for(self.app, "clerk")
        browser.open(self.url)
        self.assertIn("@@route-case", browser.contents)  # the handling panel's action
        browser.open(f"{self.url}/@@route-case")
        self.assertIn("繁简分流建议", browser.contents)
        self.assertIn("涉及劳动者 12 人", browser.contents)
        # suggested, pre-filled: collective dispute, route mediation for overtime
        self.assertTrue(browser.getControl(name="form.widgets.collective_dispute:list").value)
        self.assertEqual(browser.getControl(name="form.widgets.route:list").value, ["mediation"])
        browser.getControl(name="form.buttons.route").click()
        self.assertIn("分办须选择承办单位。", browser.contents)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.case), "registered")

        browser.getControl(name="form.widgets.unit:list").value = [self.a]
        browser.getControl(name="form.widgets.handler:list").value = ["mediator"]
        browser.getControl(name="form.buttons.route").click()
        self.assertIn("已分办。", browser.contents)
        self.assertIn("@@worklist", browser.url)  # the clerk handed it over
        transaction.begin()
        self.assertEqual(api.content.get_state(self.case), "routed")
        self.assertTrue(self.case.collective_dispute)

        staff_a = browser_for(self.app, "staff_a")
        staff_a.open(self.url)
        self.assertIn("曾都区维权中心", staff_a.contents)
        staff_b = browser_for(self.app, "staff_b")
        staff_b.handleErrors = True
        staff_b.raiseHttpErrors = False
        staff_b.open(self.url)
        # Another unit's staff: not found, as a reference never given (test_privacy_roles).
        self.assertTrue(staff_b.headers["status"].startswith("404"))
        self.assertNotIn(self.case.applicant_name, str(staff_b.contents))

    def test_the_state_menu_route_opens_the_form_and_a_bare_transition_is_refused(self):
        workflow = api.portal.get_tool("portal_workflow")
        with api.env.adopt_roles(["Manager"]):
            actions = [a for a in workflow.listActionInfos(object=self.case) if a["id"] == "route"]
        self.assertTrue(actions[0]["url"].endswith("/@@route-case"))
        browser = browser_for(self.app, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        browser.open(f"{self.url}/@@route-case")  # for an authenticator
        token = browser.getControl(name="_authenticator").value
        browser.open(f"{self.url}/content_status_modify?workflow_action=route&_authenticator={token}")
        self.assertIn("分办须选择承办单位。", browser.contents)
        self.assertIn("@@route-case", browser.url)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.case), "registered")

    def test_the_rest_api_refuses_routing_without_a_unit(self):
        session = RelativeSession(self.portal.absolute_url())
        session.headers.update({"Accept": "application/json", "Accept-Language": "zh-CN"})
        session.auth = ("clerk", PASSWORD)
        response = session.post(f"{self.url}/@workflow/route", json={})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(response.json()["error"]["message"], "分办须选择承办单位。")
        session.close()
