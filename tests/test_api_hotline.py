"""12345 hotline: idempotent ticket intake and GET @hotline-updates."""

from datetime import datetime
from datetime import timedelta
from plone import api
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.cases.register import find_case
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.api_helpers import ApiTestCase
from tests.api_helpers import filing
from tests.api_helpers import SERVICE_REQUEST
from tests.helpers import case_fields
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite

import pytz
import transaction
import unittest


SHANGHAI = pytz.timezone("Asia/Shanghai")


class TestHotlineUpdates(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.started = datetime.now(SHANGHAI) - timedelta(seconds=1)
        ticket = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-100")
        self.ticket_case = ticket.json()["reference"]
        self.web_case = self.post_case().json()["reference"]

    def move(self, reference, *transitions, **attributes):
        self.move_case(reference, *transitions, comment="测试", **attributes)

    def updates(self, since=None, session=None):
        params = {"since": (since or self.started).isoformat()}
        return (session or self.hotline).get("@hotline-updates", params=params)

    def test_only_for_the_integration_account(self):
        response = self.updates(session=self.anonymous)
        self.assertError(response, 401, "Unauthorized")
        self.assertConforms(response, "/@hotline-updates", "get")
        for session in (self.member, self.clerk):
            response = self.updates(session=session)
            self.assertError(response, 403, "Forbidden")
            self.assertConforms(response, "/@hotline-updates", "get")

    def test_nothing_changed_yet(self):
        response = self.updates()
        self.assertEqual(response.status_code, 200, response.text)
        self.assertConforms(response, "/@hotline-updates", "get")
        self.assertEqual(response.json()["items"], [])
        self.assertIs(response.json()["more"], False)

    def test_status_changes_of_hotline_cases(self):
        self.move(self.ticket_case, "route", "accept", route="mediation")
        self.move(self.web_case, "route")
        response = self.updates()
        self.assertConforms(response, "/@hotline-updates", "get")
        items = response.json()["items"]
        self.assertEqual([item["reference"] for item in items], [self.ticket_case])
        item = items[0]
        self.assertEqual(item["hotline_ticket"], "T-100")
        self.assertEqual((item["status"], item["stage"]), ("in_progress", "调解中"))
        self.assertNoPersonalData(response)

        # Asked again from next_since: the change may repeat (overlap), later ones follow.
        next_since = datetime.fromisoformat(response.json()["next_since"])
        self.assertLessEqual(next_since, datetime.now(SHANGHAI))
        self.move(self.ticket_case, "close", outcome="mediated")
        items = self.updates(since=next_since).json()["items"]
        self.assertEqual([(i["reference"], i["status"], i["outcome"]) for i in items],
                         [(self.ticket_case, "closed", "调解成功")])

    def test_since_a_later_time(self):
        self.move(self.ticket_case, "route")
        response = self.updates(since=datetime.now(SHANGHAI) + timedelta(minutes=5))
        self.assertEqual(response.json()["items"], [])

    def test_a_change_without_a_new_citizen_status_is_not_reported(self):
        self.move(self.ticket_case, "route")  # registered -> in_progress
        first = self.updates().json()["items"][0]["changed"]
        self.move(self.ticket_case, "accept")  # still in_progress, no stage
        self.assertEqual(self.updates().json()["items"][0]["changed"], first)

    def test_since_formats(self):
        self.move(self.ticket_case, "route")
        for since in ("2020-01-01", "2020-01-01T00:00", "2020-01-01T00:00:00Z", "2020-01-01T08:00+08:00"):
            response = self.hotline.get("@hotline-updates", params={"since": since})
            self.assertEqual(len(response.json()["items"]), 1, since)
        # An unencoded "+" arrives as a space.
        response = self.hotline.get("@hotline-updates?since=2020-01-01T08:00:00+08:00")
        self.assertEqual(len(response.json()["items"]), 1)

    def test_bad_since(self):
        for params in ({}, {"since": "yesterday"}):
            response = self.hotline.get("@hotline-updates", params=params)
            self.assertError(response, 400, fields=["since"])
            self.assertConforms(response, "/@hotline-updates", "get")


def file_case_as_clerk(fields):
    with api.env.adopt_roles(["IntakeClerk"]):
        return file_case(fields)


class TestConcurrentTicketIntake(unittest.TestCase):
    """Two requests filing the same new ticket at once: the second one conflicts (and the
    publisher retries it, finding the first case), so a ticket never gets two cases."""

    layer = FUNCTIONAL_TESTING

    def file_twice(self, *tickets):
        """File one case per ticket, each in its own transaction on its own connection, both
        begun before either commits; returns the second commit's error or None."""
        # As on any working day, the month's folder exists and a 12345 case was filed before
        # (the first case of a channel adds its key to the channel index, a one-time conflict).
        file_case_as_clerk(case_fields(channel="hotline_12345", hotline_ticket="T-0"))
        transaction.commit()
        db = self.layer["zodbDB"]
        managers = [transaction.TransactionManager() for _ in tickets]
        connections = [db.open(transaction_manager=manager) for manager in managers]
        try:
            for connection, ticket in zip(connections, tickets):
                setSite(connection.root()["Application"].plone)
                file_case_as_clerk(case_fields(channel="hotline_12345", hotline_ticket=ticket))
            setSite(None)
            managers[0].commit()
            try:
                managers[1].commit()
            except ConflictError as error:
                return error
            return None
        finally:
            setSite(None)
            for manager, connection in zip(managers, connections):
                manager.abort()
                connection.close()

    def test_two_tickets_at_once_are_both_filed(self):
        self.assertIsNone(self.file_twice("T-A", "T-B"))

    def test_the_same_ticket_at_once_conflicts_on_the_ticket_map(self):
        error = self.file_twice("SAME-1", "SAME-1")
        self.assertIsInstance(error, ConflictError)
        self.assertEqual(error.class_name, "BTrees.OOBTree.OOBTree")


class TestTheHotlineAccountFilesOnlyItsTickets(ApiTestCase):
    """The 12345 integration account files 12345 tickets only, and learns of its tickets only."""

    def test_any_other_channel_is_refused(self):
        for channel in ("mini_program", "web", "window", "phone", "transferred"):
            with self.subTest(channel=channel):
                response = self.post_case(self.hotline, channel=channel, hotline_ticket="T-200")
                self.assertError(response, 400, "BadRequest", fields=["channel"])
                self.assertIn("12345热线对接账号", response.json()["error"]["fields"]["channel"])
                self.assertConforms(response, "/@cases", "post")
        self.assertEqual(self.case_count(), 0)

    def test_without_a_channel_it_is_a_12345_ticket(self):
        body = filing(hotline_ticket="T-201")
        del body["channel"]
        response = self.hotline.post("@cases", json=body)
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        self.assertEqual(find_case(response.json()["reference"]).channel, "hotline_12345")
        body = filing()
        del body["channel"]
        response = self.hotline.post("@cases", json=body)  # a 12345 matter needs its ticket
        self.assertError(response, 400, fields=["hotline_ticket"])

    def test_no_public_filing_through_open311(self):
        response = self.hotline.post("@open311/v2/requests.json", data=SERVICE_REQUEST)
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("12345热线对接账号", response.text)
        self.assertEqual(self.case_count(), 0)

    def test_administrators_keep_every_channel(self):
        """The control: a site administrator (who has the integration permission too)."""
        response = self.post_case(self.admin, channel="window")
        self.assertEqual(response.status_code, 201, response.text)

    def test_a_case_that_is_not_its_ticket_is_unknown_to_it(self):
        """A ticket number taken off its case (a clerk's correction): resending it, the account
        learns only that the number is taken, as another district's clerk does; the case's
        changes are not in its updates; its addresses answer as a made-up reference's do."""
        started = datetime.now(SHANGHAI) - timedelta(seconds=1)
        reference = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-300").json()["reference"]
        self.move_case(reference, "route")  # written down for the updates while it had its ticket
        case = self.move_case(reference, hotline_ticket=None, channel="phone")
        url = case.absolute_url()
        resent = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-300")
        self.assertError(resent, 400, fields=["hotline_ticket"])
        self.assertNotIn(reference, resent.text)
        self.assertEqual(self.case_count(), 1)
        updates = self.hotline.get("@hotline-updates", params={"since": started.isoformat()}).json()
        self.assertNotIn(reference, [item["reference"] for item in updates["items"]])
        made_up = url.replace(reference, "SZ-2026-999999")
        for suffix in ("", "/@case-timeline", "/@workflow", "/@history"):
            with self.subTest(suffix=suffix):
                existing, unknown = self.hotline.get(url + suffix), self.hotline.get(made_up + suffix)
                self.assertEqual(existing.status_code, unknown.status_code)
                self.assertEqual(existing.text.replace(reference, "SZ-2026-999999"), unknown.text)
        # The control: a ticket of its own is answered with its case.
        own = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-301").json()["reference"]
        again = self.post_case(self.hotline, channel="hotline_12345", hotline_ticket="T-301")
        self.assertEqual((again.status_code, again.json()["reference"]), (200, own))
