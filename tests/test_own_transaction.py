"""A short write in a transaction of its own (``cases.own_transaction``) leaves nothing of its
connection behind in the request: the request goes on with its own objects."""

from Acquisition import aq_base
from plone.dexterity.content import get_assignable
from suizhou.laborrights.cases.own_transaction import in_own_transaction
from suizhou.laborrights.cases.register import get_register
from suizhou.laborrights.testing import FUNCTIONAL_TESTING
from zope.globalrequest import getRequest

import transaction
import unittest


class TestOwnTransaction(unittest.TestCase):
    layer = FUNCTIONAL_TESTING

    def test_the_request_keeps_its_own_objects(self):
        register = aq_base(get_register())
        self.assertIsNotNone(getRequest())

        def work(committed):  # a missing attribute: dexterity looks it up in the behaviours
            return getattr(committed, "_not_there", "missing")

        self.assertEqual(in_own_transaction(register, work), "missing")
        transaction.begin()
        assignable = get_assignable(register)  # cached on the request by oid
        self.assertIs(aq_base(assignable.context)._p_jar, register._p_jar)
        self.assertEqual(getattr(get_register(), "_not_there", "missing"), "missing")
