"""One case per 12345 ticket, even when two clerks enter the same ticket at the same moment."""

from plone import api
from suizhou.laborrights.cases import channels
from suizhou.laborrights.cases.filing import file_case
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from tests.helpers import case_fields
from ZODB.POSException import ConflictError
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import transaction
import unittest


TICKET = "12345-20261008-0007"


class TestConcurrentTickets(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def setUp(self):
        transaction.commit()
        self.db = self.layer["zodbDB"]
        self.site = getSite()
        self.addCleanup(setSite, self.site)

    def file(self):
        with api.env.adopt_roles(["IntakeClerk"]):
            return file_case(case_fields(channel="hotline_12345", hotline_ticket=TICKET))

    def desk(self):
        """A clerk's own connection and transaction, as a request thread has."""
        manager = transaction.TransactionManager()
        connection = self.db.open(transaction_manager=manager)
        self.addCleanup(connection.close)
        self.addCleanup(manager.abort)
        return manager, connection.root()["Application"].plone

    def test_the_second_of_two_simultaneous_filings_conflicts_and_is_then_refused(self):
        first_manager, first_portal = self.desk()
        second_manager, second_portal = self.desk()
        first_manager.begin()
        second_manager.begin()
        setSite(first_portal)
        first = self.file()
        setSite(second_portal)
        fields = case_fields(channel="hotline_12345", hotline_ticket=TICKET)
        self.assertNotIn("hotline_ticket", channels.problems(fields, channels.DESK))
        self.file()

        first_manager.commit()
        with self.assertRaises(ConflictError):
            second_manager.commit()
        second_manager.abort()

        # Zope retries the request: now the ticket is taken.
        second_manager.begin()
        setSite(second_portal)
        with api.env.adopt_roles(["Manager"]):  # staff who may see the first case: it is named
            problems = channels.problems(case_fields(channel="hotline_12345", hotline_ticket=TICKET), channels.DESK)
        self.assertIn(first.getId(), problems["hotline_ticket"])
