"""The history of a case: every transition, assignment, clock event and field change, with
who, when and why; it only grows, and nobody can edit it. Concurrent edits are not lost."""

from datetime import date
from persistent.list import PersistentList
from plone import api
from plone.locking.interfaces import ILockable
from suizhou.laborrights.handling import clocks
from suizhou.laborrights.handling.assignment import route
from suizhou.laborrights.handling.assignment import send_back
from suizhou.laborrights.handling.history import ANNOTATION_KEY
from suizhou.laborrights.handling.history import entries
from suizhou.laborrights.handling.history import Entry
from suizhou.laborrights.handling.history import record
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from suizhou.laborrights.testing import INTEGRATION_TESTING
from tests.helpers import at
from tests.helpers import browser_for
from tests.helpers import new_case
from tests.helpers import RoutingFixture
from zope.annotation.interfaces import IAnnotations

import datetime
import transaction
import unittest


class TestHistory(RoutingFixture, unittest.TestCase):
    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_people()
        self.case = new_case(district="zengdu", received=at(2026, 3, 2))

    def test_the_whole_life_of_a_case_is_recorded(self):
        with api.env.adopt_user(username="clerk"):
            route(self.case, self.a, handler="mediator", route="mediation", when=at(2026, 3, 2))
        with api.env.adopt_user(username="staff_a"):
            send_back(self.case, "不属于本单位管辖")
        with api.env.adopt_user(username="clerk"):
            route(self.case, self.b, route="mediation", reason="改由南郊站调解")
        with api.env.adopt_user(username="staff_b"):
            api.content.transition(obj=self.case, transition="accept", comment="已受理")
            clocks.pause(self.case, "等待申请人补正工资条", when=date(2026, 3, 4))
            clocks.resume(self.case, "已补正", when=date(2026, 3, 6))
            self.case.outcome = "mediated"
            api.content.transition(obj=self.case, transition="close", comment="双方和解")
        history = [e for e in entries(self.case) if e.action != "notified"]  # the notices'
        self.assertEqual(
            [e.action for e in history],
            [
                "registered",
                "route",
                "clock_started",
                "send_back",
                "reroute",
                "accept",
                "document",  # the 受理通知书, issued when the unit accepts
                "clock_paused",
                "clock_resumed",
                "close",
                "clock_stopped",
                "document",  # the 结案通知书
            ],
        )
        notices = [e.comment.split()[0] for e in history if e.action == "document"]
        self.assertEqual(notices, ["受理通知书", "结案通知书"])
        by_action = {e.action: e for e in history}
        self.assertEqual(by_action["route"].actor, "clerk")
        self.assertEqual(dict(by_action["route"].details)["unit"], self.a)
        self.assertEqual(
            (by_action["send_back"].actor, by_action["send_back"].comment), ("staff_a", "不属于本单位管辖")
        )
        self.assertEqual(by_action["reroute"].comment, "改由南郊站调解")
        self.assertEqual(by_action["clock_paused"].comment, "等待申请人补正工资条")
        self.assertEqual(dict(by_action["clock_resumed"].details)["due"], date(2026, 3, 19))
        self.assertEqual((by_action["close"].actor, by_action["close"].comment), ("staff_b", "双方和解"))
        for entry in history:
            self.assertIsInstance(entry.when, datetime.datetime)
            self.assertIsNotNone(entry.when.tzinfo)
        times = [e.when for e in history]
        self.assertEqual(times, sorted(times))

    def test_entries_cannot_be_changed(self):
        record(self.case, "notified", "已短信告知申请人", channel="sms")
        history = entries(self.case)
        self.assertIsInstance(history, tuple)
        entry = history[-1]
        self.assertIsInstance(entry, Entry)
        with self.assertRaises(AttributeError):
            entry.comment = "改过了"
        with self.assertRaises(TypeError):
            history[-1] = None
        # What is stored: an append-only list of plain tuples, with immutable details.
        stored = IAnnotations(self.case)[ANNOTATION_KEY]
        self.assertIsInstance(stored, PersistentList)
        self.assertTrue(all(type(item) is tuple for item in stored))
        self.assertEqual(stored[-1][4], (("channel", "sms"),))
        record(self.case, "notified", "", recipients=["a", "b"], data={"k": [1]})
        self.assertEqual(dict(entries(self.case)[-1].details)["recipients"], ("a", "b"))
        self.assertEqual(dict(entries(self.case)[-1].details)["data"], (("k", (1,)),))

    def test_field_changes_outside_the_form_are_recorded(self):
        from suizhou.laborrights.content.case import ICase
        from zope.event import notify
        from zope.lifecycleevent import Attributes
        from zope.lifecycleevent import ObjectModifiedEvent

        self.case.workers_involved = 12
        notify(ObjectModifiedEvent(self.case, Attributes(ICase, "workers_involved")))
        last = entries(self.case)[-1]
        self.assertEqual(last.action, "edit")
        self.assertEqual(dict(last.details)["changes"], (("workers_involved", None, 12),))


class TestHistoryPages(RoutingFixture, unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        self.app = self.layer["app"]
        self.portal = self.layer["portal"]
        self.make_people()
        self.case = new_case(district="zengdu", claim_amount=None)
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.a, handler="mediator", route="mediation")
        self.url = self.case.absolute_url()
        transaction.commit()

    def test_an_edit_is_recorded_with_old_and_new_values_and_the_reason(self):
        browser = browser_for(self.app, "mediator")
        browser.open(f"{self.url}/edit")
        browser.getControl(name="form.widgets.workers_involved").value = "11"
        browser.getControl(name="form.widgets.change_reason").value = "核实后增加一名劳动者"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        last = entries(self.case)[-1]
        self.assertEqual((last.action, last.actor, last.comment), ("edit", "mediator", "核实后增加一名劳动者"))
        self.assertEqual(dict(last.details)["changes"], (("workers_involved", 1, 11),))
        browser.open(self.url)
        self.assertIn("涉及劳动者人数：1 → 11", browser.contents)
        self.assertIn("核实后增加一名劳动者", browser.contents)

    def test_the_history_has_no_edit_ui(self):
        browser = browser_for(self.app, "mediator")
        browser.open(f"{self.url}/@@case-history")
        self.assertIn("办理记录由系统自动生成，任何人不能修改或删除。", browser.contents)
        self.assertIn("分办", browser.contents)
        main = browser.contents.split('id="content"')[-1]
        self.assertNotIn("<form", main.split("</article>")[0])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        for path in ("@@case-history/edit", "__annotations__", f"++annotations++{ANNOTATION_KEY}"):
            browser.open(f"{self.url}/{path}")
            self.assertNotEqual(browser.headers["status"], "200 OK", path)

    def steal_lock(self):
        """The second person unlocks the case (“解除锁定”) to edit it too."""
        transaction.begin()
        ILockable(self.case).clear_locks()
        transaction.commit()

    def test_concurrent_edits_of_different_fields_are_both_kept(self):
        first = browser_for(self.app, "mediator")
        second = browser_for(self.app, "staff_a")
        first.open(f"{self.url}/edit")
        self.steal_lock()
        second.open(f"{self.url}/edit")
        first.getControl(name="form.widgets.workers_involved").value = "15"
        first.getControl(name="form.buttons.save").click()
        second.getControl(name="form.widgets.employer_contact").value = "人事经理李某"
        second.getControl(name="form.buttons.save").click()
        self.assertIn("已一并保留", second.contents)
        transaction.begin()
        self.assertEqual(self.case.workers_involved, 15)
        self.assertEqual(self.case.employer_contact, "人事经理李某")
        edits = [e for e in entries(self.case) if e.action == "edit"]
        self.assertEqual([e.actor for e in edits], ["mediator", "staff_a"])
        self.assertEqual(dict(edits[1].details)["changes"], (("employer_contact", None, "人事经理李某"),))

    def test_concurrent_edits_of_the_same_field_are_not_silently_lost(self):
        first = browser_for(self.app, "mediator")
        second = browser_for(self.app, "staff_a")
        first.open(f"{self.url}/edit")
        self.steal_lock()
        second.open(f"{self.url}/edit")
        first.getControl(name="form.widgets.workers_involved").value = "15"
        first.getControl(name="form.buttons.save").click()
        second.getControl(name="form.widgets.workers_involved").value = "13"
        second.getControl(name="form.buttons.save").click()
        self.assertIn("已被他人修改（涉及劳动者人数）", second.contents)
        transaction.begin()
        self.assertEqual(self.case.workers_involved, 15)
        # Shown again with the newest version: saving now is a decision, not an accident.
        second.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(self.case.workers_involved, 13)

    def test_a_stale_routing_form_is_refused(self):
        first = browser_for(self.app, "admin_zengdu")
        second = browser_for(self.app, "admin_zengdu")
        first.open(f"{self.url}/@@route-case")
        second.open(f"{self.url}/@@route-case")
        first.getControl(name="form.widgets.unit:list").value = [self.b]
        first.getControl(name="form.widgets.reason").value = "改派南郊站"
        first.getControl(name="form.buttons.route").click()
        second.getControl(name="form.widgets.handler:list").value = ["staff_a"]
        second.getControl(name="form.widgets.reason").value = "指定承办人"
        second.getControl(name="form.buttons.route").click()
        self.assertIn("已被他人修改", second.contents)
        transaction.begin()
        self.assertEqual(self.case.assigned_unit, self.b)


class TestEveryTransition(RoutingFixture, unittest.TestCase):
    """Each transition of the case workflow: its guard, its history entry, its clock."""

    layer = INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.make_people()
        self.case = new_case(district="zengdu")
        self.closed = []
        handler = self.closed.append
        from suizhou.laborrights.handling.events import ICaseClosed
        from zope.component import getGlobalSiteManager

        getGlobalSiteManager().registerHandler(handler, (ICaseClosed,))
        self.addCleanup(getGlobalSiteManager().unregisterHandler, handler, (ICaseClosed,))

    def transition(self, name, comment=""):
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=self.case, transition=name, comment=comment)

    def test_reject_ends_the_case_as_not_accepted(self):
        self.transition("reject", "超过仲裁时效")
        self.assertEqual(self.case.outcome, "not_accepted")
        self.assertIsNotNone(self.case.closed)
        self.assertEqual([(e.outcome) for e in self.closed], ["not_accepted"])
        last = [e for e in entries(self.case) if e.action == "reject"][-1]
        self.assertEqual(last.comment, "超过仲裁时效")
        self.assertEqual(dict(last.details)["to_state"], "rejected")

    def test_withdraw_stops_the_clock(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.a, route="mediation")
        self.transition("withdraw", "双方自行和解")
        self.assertEqual(self.case.outcome, "withdrawn")
        self.assertIsNone(clocks.current(self.case))
        self.assertEqual([e.outcome for e in self.closed], ["withdrawn"])
        self.assertIn("clock_stopped", [e.action for e in entries(self.case)])

    def test_reopen_clears_the_closing_date(self):
        self.transition("withdraw")
        self.transition("reopen", "申请人撤回撤诉")
        self.assertEqual(api.content.get_state(self.case), "in_progress")
        self.assertIsNone(self.case.closed)
        self.assertIn("reopen", [e.action for e in entries(self.case)])

    def test_close_records_the_outcome_and_fires_once(self):
        with api.env.adopt_roles(["Manager"]):
            route(self.case, self.a, route="inspection")
        self.transition("accept")
        self.case.outcome = "inspection_closed"
        self.transition("close", "已责令支付")
        self.assertEqual([e.outcome for e in self.closed], ["inspection_closed"])
        self.assertEqual(
            [c.stage for c in clocks.clocks(self.case)], ["inspection_filing", "inspection_investigation"]
        )
        self.assertTrue(all(not c.running for c in clocks.clocks(self.case)))
